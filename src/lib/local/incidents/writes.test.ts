import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { IncidentRow } from '$lib/domain/incident';
import { registry } from '$lib/features/registry';
import type { SyncEngine } from '$lib/sync/engine';
import { device } from '../../../../tests/support/device';
import { FakeServer, STAFF } from '../../../../tests/support/fake-server';
import { reapplyPending } from '../apply';
import { prepareForUser } from '../device-data';
import { discardRejected } from '../rejected';
import { LocalWriteError } from '../write-error';
import { listMyOpenIncidents, loadIncident } from './queries';
import { photoBlobTable, photos } from '../photos/tables';
import { incidentComplainants, incidentEvents, incidents } from './tables';
import {
	actOnIncident,
	IncidentRefusedError,
	noteOnIncident,
	reportIncident,
	type NewIncident
} from './writes';

const INCIDENT = '0190c000-0000-7000-8000-000000000001';
const MANAGER = '0190c000-0000-7000-8000-0000000000aa';

const engines: SyncEngine[] = [];
afterEach(() => {
	for (const engine of engines.splice(0)) engine.stop();
});

/** A device of the hall signed in as STAFF (or as a manager), its engine started against `server`. */
async function hallDevice(server: FakeServer, post: 'intake' | 'manager' = 'intake') {
	const made = await device(server);
	if (post === 'manager') await prepareForUser(made.db, { ...STAFF, post });
	engines.push(made.engine);
	await made.engine.start();
	return made;
}

const report = (fields: Partial<NewIncident> = {}): NewIncident => ({
	category: 'equipment',
	severity: 3,
	place: '一楼大厅',
	checkpoint_id: null,
	description: '叫号屏不亮',
	complainant_name: null,
	complainant_phone: null,
	source_check_id: null,
	...fields
});

const PHOTO_A = '0190c000-0000-7000-8000-0000000000f1';
const PHOTO_B = '0190c000-0000-7000-8000-0000000000f2';
const photo = (id: string) => ({
	id,
	blob: new Blob([new Uint8Array(2048)], { type: 'image/jpeg' }),
	width: 1600,
	height: 1200,
	taken_at: '2026-11-30T08:00:00.000Z'
});

/** An incident as the server holds it, assigned to STAFF unless told otherwise. */
const serverIncident = (fields: Partial<IncidentRow> = {}): IncidentRow => ({
	id: INCIDENT,
	hall_id: STAFF.hall_id,
	category: 'equipment',
	severity: 2,
	place: '二楼自助区',
	checkpoint_id: null,
	description: '打印机卡纸',
	reporter_id: MANAGER,
	reporter_name: '刘洋',
	reported_at: new Date(Date.now() - 10 * 60_000).toISOString(),
	status: 'assigned',
	assignee_id: STAFF.staff_id,
	assignee_name: STAFF.staff_name,
	responded_at: new Date(Date.now() - 5 * 60_000).toISOString(),
	resolved_at: null,
	closed_at: null,
	callback_result: null,
	source_check_id: null,
	version: 0,
	...fields
});

describe('reporting', () => {
	it('the incident and its first timeline entry appear at once, waiting to be sent', async () => {
		const { db } = await hallDevice(new FakeServer());
		const { id } = await reportIncident(db, report({ place: '  一楼大厅 ' }));
		const detail = await loadIncident(db, id);
		expect(detail?.incident).toMatchObject({
			status: 'reported',
			place: '一楼大厅',
			reporter_name: STAFF.staff_name
		});
		expect(detail?.timeline.map((entry) => entry.event.kind)).toEqual(['reported']);
		expect(detail?.pending).toBe(true);
		expect(await listMyOpenIncidents(db)).toHaveLength(1);
	});

	it('a complaint keeps its complainant; other categories never store one', async () => {
		const { db } = await hallDevice(new FakeServer());
		const complaint = await reportIncident(
			db,
			report({ category: 'complaint', complainant_name: '张三明', complainant_phone: ' ' })
		);
		const other = await reportIncident(db, report({ complainant_name: '张三明' }));
		expect(await incidentComplainants.of(db).get(complaint.id)).toMatchObject({
			name: '张三明',
			phone: null
		});
		expect(await incidentComplainants.of(db).get(other.id)).toBeUndefined();
	});

	it('its photos are stored with it, their attach ops queued after the report in the same write', async () => {
		const { db } = await hallDevice(new FakeServer());
		const { id } = await reportIncident(db, report({ photos: [photo(PHOTO_A), photo(PHOTO_B)] }));
		const rows = await photos.of(db).where('[owner_kind+owner_id]').equals(['incident', id]).toArray();
		expect(rows.map((row) => row.id).sort()).toEqual([PHOTO_A, PHOTO_B]);
		expect(await photoBlobTable(db).count()).toBe(2);
		expect((await db.outbox.orderBy('seq').toArray()).map((entry) => entry.type)).toEqual([
			'incident.report',
			'photo.attach',
			'photo.attach'
		]);
	});

	it('a photo that does not fit refuses the whole report: no incident, no photo, nothing queued', async () => {
		const { db } = await hallDevice(new FakeServer());
		await expect(
			reportIncident(db, report({ photos: [photo(PHOTO_A), { ...photo(PHOTO_B), width: 0 }] }))
		).rejects.toBeInstanceOf(LocalWriteError);
		expect(await incidents.of(db).count()).toBe(0);
		expect(await photos.of(db).count()).toBe(0);
		expect(await photoBlobTable(db).count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('a complaint with nobody to call back is refused, nothing stored', async () => {
		const { db } = await hallDevice(new FakeServer());
		await expect(reportIncident(db, report({ category: 'complaint' }))).rejects.toBeInstanceOf(
			LocalWriteError
		);
		expect(await incidents.of(db).count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});
});

describe('acting', () => {
	it('the assignee starts and resolves: each step shows at once on the incident and its timeline', async () => {
		const server = new FakeServer();
		server.put('incidents', serverIncident());
		const { db, engine } = await hallDevice(server);
		await engine.sync();
		await actOnIncident(db, { incident_id: INCIDENT, action: 'start' });
		expect((await incidents.of(db).get(INCIDENT))?.status).toBe('in_progress');
		await actOnIncident(db, { incident_id: INCIDENT, action: 'resolve', note: '已更换硒鼓' });
		const detail = await loadIncident(db, INCIDENT);
		expect(detail?.incident).toMatchObject({ status: 'resolved' });
		expect(detail?.incident.resolved_at).not.toBeNull();
		expect(detail?.timeline.map(({ event }) => [event.kind, event.from_status, event.note])).toEqual([
			['started', 'assigned', null],
			['resolved', 'in_progress', '已更换硒鼓']
		]);
	});

	it('what the lifecycle refuses is refused on the device, with its reason, nothing stored', async () => {
		const server = new FakeServer();
		server.put('incidents', serverIncident({ status: 'resolved', resolved_at: new Date().toISOString() }));
		const { db, engine } = await hallDevice(server);
		await engine.sync();
		const closing = actOnIncident(db, { incident_id: INCIDENT, action: 'close' });
		await expect(closing).rejects.toBeInstanceOf(IncidentRefusedError);
		await expect(closing).rejects.toMatchObject({ refusal: { code: 'forbidden', reason: 'managers_only' } });
		// A resolve without a note is a bad input, as on the server.
		server.put('incidents', serverIncident());
		await engine.sync();
		await expect(
			actOnIncident(db, { incident_id: INCIDENT, action: 'resolve', note: ' ' })
		).rejects.toMatchObject({
			reason: 'invalid'
		});
		expect(await db.outbox.count()).toBe(0);
	});

	it('a manager assigns to a colleague the device knows, by name', async () => {
		const server = new FakeServer();
		server.put(
			'incidents',
			serverIncident({
				status: 'reported',
				assignee_id: null,
				assignee_name: null,
				responded_at: null,
				reporter_id: '0190c000-0000-7000-8000-0000000000bb',
				reporter_name: '李娜'
			})
		);
		const { db, engine } = await hallDevice(server, 'manager');
		await engine.sync();
		await actOnIncident(db, {
			incident_id: INCIDENT,
			action: 'assign',
			assignee_id: '0190c000-0000-7000-8000-0000000000bb'
		});
		expect(await incidents.of(db).get(INCIDENT)).toMatchObject({ status: 'assigned', assignee_name: '李娜' });
		expect((await incidents.of(db).get(INCIDENT))?.responded_at).not.toBeNull();
	});

	it('a waiting step is applied again over a pull that brings the incident unchanged in status', async () => {
		const server = new FakeServer();
		server.put('incidents', serverIncident());
		const { db, engine } = await hallDevice(server);
		await engine.sync();
		await actOnIncident(db, { incident_id: INCIDENT, action: 'start' });
		// What a pull stores (a colleague's note bumped the incident's version), then re-applies the outbox.
		await db.transaction('rw', db.writeTables, async () => {
			await incidents.of(db).put(serverIncident({ version: 7 }));
			expect((await incidents.of(db).get(INCIDENT))?.status).toBe('assigned');
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect((await incidents.of(db).get(INCIDENT))?.status).toBe('in_progress');
		// Pulled as resolved by someone else: the stale step is not applied over the server's state.
		await db.transaction('rw', db.writeTables, async () => {
			await incidents
				.of(db)
				.put(serverIncident({ status: 'resolved', resolved_at: new Date().toISOString(), version: 8 }));
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect((await incidents.of(db).get(INCIDENT))?.status).toBe('resolved');
	});
});

describe('a stale transition', () => {
	it('refused by the server: the incident shows the server’s state, the step is marked refused until given up', async () => {
		const server = new FakeServer();
		server.put('incidents', serverIncident());
		const { db, engine } = await hallDevice(server);
		await engine.sync();
		// Offline, this phone starts the incident; meanwhile a manager's device resolved it.
		const { id } = await actOnIncident(db, { incident_id: INCIDENT, action: 'start' });
		server.put('incidents', serverIncident({ status: 'resolved', resolved_at: new Date().toISOString() }));
		server.judge = (op) => (op.type === 'incident.act' ? 'conflict' : null);
		await engine.sync();
		const detail = await loadIncident(db, INCIDENT);
		expect(detail?.incident.status).toBe('resolved');
		expect(detail?.refused).toEqual([{ code: 'conflict', action: 'start' }]);
		expect(detail?.timeline).toMatchObject([{ event: { id, kind: 'started' }, refused: true }]);
		const [refused] = await db.rejected.toArray();
		await discardRejected(db, registry, refused?.seq ?? -1);
		expect(await incidentEvents.of(db).get(id)).toBeUndefined();
		expect((await loadIncident(db, INCIDENT))?.refused).toEqual([]);
	});
});

describe('notes', () => {
	it('anyone adds one, in any status; a blank note is refused', async () => {
		const server = new FakeServer();
		server.put(
			'incidents',
			serverIncident({
				status: 'closed',
				resolved_at: new Date().toISOString(),
				closed_at: new Date().toISOString()
			})
		);
		const { db, engine } = await hallDevice(server);
		await engine.sync();
		await noteOnIncident(db, INCIDENT, '复查：正常');
		await expect(noteOnIncident(db, INCIDENT, '   ')).rejects.toBeInstanceOf(LocalWriteError);
		expect((await loadIncident(db, INCIDENT))?.timeline.map(({ event }) => event.note)).toEqual([
			'复查：正常'
		]);
	});
});
