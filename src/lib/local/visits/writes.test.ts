import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnterpriseRow } from '$lib/domain/enterprise';
import { addDays, type FollowUpRow } from '$lib/domain/visit';
import { hallDate } from '$lib/domain/hall-time';
import { registry } from '$lib/features/registry';
import type { SyncEngine } from '$lib/sync/engine';
import { device } from '../../../../tests/support/device';
import { FakeServer, STAFF } from '../../../../tests/support/fake-server';
import { reapplyPending } from '../apply';
import type { LocalDb } from '../db';
import { prepareForUser } from '../device-data';
import { enterprises } from '../enterprises/tables';
import { photoBlobTable, photos } from '../photos/tables';
import { discardRejected } from '../rejected';
import { staffDirectory } from '../staff/tables';
import { LocalWriteError } from '../write-error';
import {
	listMyOpenFollowUps,
	listMyVisits,
	listOpenFollowUps,
	loadFollowUp,
	loadMyLastVisit,
	loadReview,
	loadVisit
} from './queries';
import { followUpEvents, followUps, visits } from './tables';
import {
	actOnFollowUp,
	noteFollowUp,
	openFollowUp,
	saveVisit,
	VisitRefusedError,
	type VisitInput
} from './writes';

const ENTERPRISE = '0190c000-0000-7000-8000-0000000000e1';
const COLLEAGUE = '0190c000-0000-7000-8000-0000000000bb';
const MANAGER = '0190c000-0000-7000-8000-0000000000aa';
const TODAY = hallDate();

const engines: SyncEngine[] = [];
afterEach(() => {
	for (const engine of engines.splice(0)) engine.stop();
});

const enterpriseRow: EnterpriseRow = {
	id: ENTERPRISE,
	hall_id: STAFF.hall_id,
	name: '天津海河智造科技有限公司',
	credit_code: '91440300708461136T',
	street_code: '120105002',
	address: null,
	latitude: 39.15,
	longitude: 117.2,
	industry: null,
	visit_every_days: 30,
	archived_at: null,
	created_at: '2026-01-01T00:00:00.000Z',
	updated_by: MANAGER,
	updated_by_name: '刘洋',
	is_demo: false,
	version: 1
};

const directory = [
	{ id: STAFF.staff_id, display_name: STAFF.staff_name, post: 'intake' as const },
	{ id: COLLEAGUE, display_name: '李娜', post: 'assist' as const },
	{ id: MANAGER, display_name: '刘洋', post: 'manager' as const }
].map((row) => ({ ...row, hall_id: STAFF.hall_id, active: true, version: 1 }));

/** A device of the hall with the enterprise and the directory, signed in as STAFF (or as a manager). */
async function hallDevice(
	post: 'intake' | 'manager' = 'intake',
	server = new FakeServer()
): Promise<LocalDb> {
	server.put('enterprises', enterpriseRow);
	for (const row of directory) server.put('staff_directory', row);
	const made = await device(server);
	if (post === 'manager') await prepareForUser(made.db, { ...STAFF, post });
	engines.push(made.engine);
	await made.engine.start();
	return made.db;
}

const checkIn = (fields: Partial<VisitInput> = {}): VisitInput => ({
	id: null,
	enterprise_id: ENTERPRISE,
	project_id: null,
	kind: 'onsite',
	companion_ids: [COLLEAGUE],
	met: '张经理',
	check_in_at: new Date().toISOString(),
	check_in: { geo: 'fix', latitude: 39.1501, longitude: 117.2001, accuracy_m: 15 },
	check_out_at: null,
	check_out: null,
	summary: null,
	...fields
});

const photo = (id: string) => ({
	id,
	blob: new Blob([new Uint8Array(2048)], { type: 'image/jpeg' }),
	width: 1600,
	height: 1200,
	taken_at: new Date().toISOString()
});

describe('a visit', () => {
	it('is saved at check-in as running, mine this week, and copied from as my last visit', async () => {
		const db = await hallDevice();
		const { id } = await saveVisit(db, checkIn());
		const detail = await loadVisit(db, id, TODAY);
		expect(detail).toMatchObject({
			running: true,
			mine: true,
			pending: true,
			enterprise_name: enterpriseRow.name
		});
		expect(detail?.flags).toEqual([{ kind: 'running' }]);
		expect(detail?.companions).toEqual([{ id: COLLEAGUE, name: '李娜' }]);
		expect((await listMyVisits(db, addDays(TODAY, -6), TODAY)).map((entry) => entry.visit.id)).toEqual([id]);
		expect((await loadMyLastVisit(db, ENTERPRISE))?.met).toBe('张经理');
	});

	it('checks out with its demands and photos in one transaction, the visit’s op first', async () => {
		const db = await hallDevice();
		const started = checkIn();
		const { id } = await saveVisit(db, started);
		const saved = await saveVisit(db, {
			...started,
			id,
			check_out_at: new Date().toISOString(),
			check_out: { geo: 'denied' },
			summary: '了解扩产计划，企业希望协调用地指标',
			demands: [
				{ demand: '协调新厂房用地指标', owner_id: COLLEAGUE, due_on: addDays(TODAY, 14) },
				{ demand: '办理环评咨询', owner_id: STAFF.staff_id, due_on: addDays(TODAY, 7) }
			],
			photos: [photo('0190c000-0000-7000-8000-0000000000f1')]
		});
		expect((await db.outbox.orderBy('seq').toArray()).map((op) => op.type)).toEqual([
			'visit.save',
			'visit.save',
			'follow_up.open',
			'follow_up.open',
			'photo.attach'
		]);
		const detail = await loadVisit(db, id, TODAY);
		expect(detail?.running).toBe(false);
		expect(detail?.flags).toEqual([{ kind: 'no_position', at: 'check_out', geo: 'denied' }]);
		expect(detail?.followUps.map((entry) => [entry.followUp.demand, entry.followUp.owner_name])).toEqual([
			['办理环评咨询', STAFF.staff_name],
			['协调新厂房用地指标', '李娜']
		]);
		expect(saved.followUpIds).toHaveLength(2);
		expect(await photos.of(db).where('[owner_kind+owner_id]').equals(['visit', id]).count()).toBe(1);
	});

	it('a bad photo or demand refuses the whole save: no visit, no follow-up, no photo, nothing queued', async () => {
		const db = await hallDevice();
		await expect(
			saveVisit(db, checkIn({ photos: [{ ...photo('0190c000-0000-7000-8000-0000000000f2'), width: 0 }] }))
		).rejects.toBeInstanceOf(LocalWriteError);
		await expect(
			saveVisit(
				db,
				checkIn({ demands: [{ demand: '已逾期的诉求', owner_id: COLLEAGUE, due_on: addDays(TODAY, -1) }] })
			)
		).rejects.toMatchObject({ refusal: { code: 'validation', reason: 'due_out_of_range' } });
		expect(await visits.of(db).count()).toBe(0);
		expect(await followUps.of(db).count()).toBe(0);
		expect(await photoBlobTable(db).count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('refuses what the server would: check-out before check-in, myself as companion, another’s visit', async () => {
		const db = await hallDevice();
		const at = new Date();
		await expect(
			saveVisit(
				db,
				checkIn({
					check_in_at: at.toISOString(),
					check_out_at: new Date(at.getTime() - 60_000).toISOString(),
					check_out: { geo: 'timeout' }
				})
			)
		).rejects.toMatchObject({ reason: 'invalid', fields: ['check_out_at'] });
		await expect(saveVisit(db, checkIn({ kind: 'project' }))).rejects.toMatchObject({
			fields: ['project_id']
		});
		await expect(saveVisit(db, checkIn({ companion_ids: [STAFF.staff_id] }))).rejects.toMatchObject({
			refusal: { code: 'conflict', reason: 'companion_is_author' }
		});
		const { id } = await saveVisit(db, checkIn());
		await visits.of(db).update(id, { staff_id: COLLEAGUE, staff_name: '李娜', version: 4 });
		await expect(saveVisit(db, checkIn({ id }))).rejects.toBeInstanceOf(VisitRefusedError);
	});
});

describe('follow-ups', () => {
	it('mine come overdue first, then by due date; a manager sees everyone’s', async () => {
		const db = await hallDevice();
		const later = await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: null,
			demand: '协调停车位',
			owner_id: STAFF.staff_id,
			due_on: addDays(TODAY, 20)
		});
		const soon = await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: null,
			demand: '办理施工许可咨询',
			owner_id: STAFF.staff_id,
			due_on: TODAY
		});
		const colleagues = await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: null,
			demand: '人才公寓申请',
			owner_id: COLLEAGUE,
			due_on: addDays(TODAY, 3)
		});
		// One of mine, opened earlier, is now overdue (as the server would send it back).
		await followUps.of(db).update(later.id, { due_on: addDays(TODAY, -2) });
		const mine = await listMyOpenFollowUps(db, TODAY);
		expect(mine.map((entry) => [entry.followUp.id, entry.overdue, entry.due_today])).toEqual([
			[later.id, true, false],
			[soon.id, false, true]
		]);
		expect((await listOpenFollowUps(db, TODAY)).map((entry) => entry.followUp.id)).toEqual([
			later.id,
			soon.id,
			colleagues.id
		]);
	});

	it('the owner starts and finishes; the timeline and offered actions follow', async () => {
		const db = await hallDevice();
		const { id } = await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: null,
			demand: '协调停车位',
			owner_id: STAFF.staff_id,
			due_on: addDays(TODAY, 5)
		});
		expect((await loadFollowUp(db, id, TODAY))?.actions).toEqual(['start', 'done', 'cannot', 'reassign']);
		await actOnFollowUp(db, { follow_up_id: id, action: 'start' });
		await noteFollowUp(db, id, '已联系交通部门');
		await actOnFollowUp(db, { follow_up_id: id, action: 'done', note: '已协调 10 个车位' });
		const detail = await loadFollowUp(db, id, TODAY);
		expect(detail?.followUp).toMatchObject({ status: 'done', reason: null });
		expect(detail?.followUp.closed_at).not.toBeNull();
		expect(detail?.actions).toEqual([]);
		expect(
			detail?.timeline.map(({ event }) => [event.kind, event.from_status, event.to_status, event.note])
		).toEqual([
			['opened', null, 'open', null],
			['started', 'open', 'in_progress', null],
			['note', null, null, '已联系交通部门'],
			['done', 'in_progress', 'done', '已协调 10 个车位']
		]);
	});

	it('what the lifecycle refuses is refused on the device with its reason, nothing queued', async () => {
		const db = await hallDevice();
		const { id } = await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: null,
			demand: '人才公寓申请',
			owner_id: COLLEAGUE,
			due_on: addDays(TODAY, 5)
		});
		const queued = await db.outbox.count();
		await expect(actOnFollowUp(db, { follow_up_id: id, action: 'start' })).rejects.toMatchObject({
			refusal: { code: 'forbidden', reason: 'owner_only' }
		});
		await expect(actOnFollowUp(db, { follow_up_id: id, action: 'due', due_on: TODAY })).rejects.toMatchObject(
			{
				refusal: { code: 'forbidden', reason: 'managers_only' }
			}
		);
		await expect(actOnFollowUp(db, { follow_up_id: id, action: 'done' })).rejects.toMatchObject({
			reason: 'invalid',
			fields: ['note']
		});
		expect(await db.outbox.count()).toBe(queued);
	});

	it('a manager reassigns, moves the due date, closes as cannot be solved and reopens', async () => {
		const db = await hallDevice('manager');
		const { id } = await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: null,
			demand: '协调停车位',
			owner_id: COLLEAGUE,
			due_on: addDays(TODAY, 5)
		});
		await expect(
			actOnFollowUp(db, { follow_up_id: id, action: 'reassign', owner_id: COLLEAGUE })
		).rejects.toMatchObject({ refusal: { reason: 'same_owner' } });
		await actOnFollowUp(db, { follow_up_id: id, action: 'reassign', owner_id: MANAGER });
		await actOnFollowUp(db, { follow_up_id: id, action: 'due', due_on: addDays(TODAY, 30) });
		await expect(
			actOnFollowUp(db, { follow_up_id: id, action: 'due', due_on: addDays(TODAY, 400) })
		).rejects.toMatchObject({ refusal: { reason: 'due_out_of_range' } });
		await actOnFollowUp(db, { follow_up_id: id, action: 'cannot', note: '超出中心职权范围' });
		expect(await followUps.of(db).get(id)).toMatchObject({
			status: 'cannot_solve',
			owner_id: MANAGER,
			owner_name: '刘洋',
			due_on: addDays(TODAY, 30),
			reason: '超出中心职权范围'
		});
		await actOnFollowUp(db, { follow_up_id: id, action: 'reopen', note: '企业补充了材料' });
		expect(await followUps.of(db).get(id)).toMatchObject({
			status: 'in_progress',
			reason: null,
			closed_at: null
		});
	});

	it('a stale step refused by the server: the server’s state shows, the step is marked refused until given up', async () => {
		const server = new FakeServer();
		const db = await hallDevice('intake', server);
		const { id } = await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: null,
			demand: '协调停车位',
			owner_id: STAFF.staff_id,
			due_on: addDays(TODAY, 5)
		});
		const engine = engines[0];
		await engine?.sync();
		const opened = await followUps.of(db).get(id);
		const step = await actOnFollowUp(db, { follow_up_id: id, action: 'start' });
		// Meanwhile a manager closed it.
		server.put('follow_ups', {
			...(opened as FollowUpRow),
			status: 'done',
			closed_at: new Date().toISOString()
		});
		server.judge = (op) => (op.type === 'follow_up.act' ? 'conflict' : null);
		await engine?.sync();
		const detail = await loadFollowUp(db, id, TODAY);
		expect(detail?.followUp.status).toBe('done');
		expect(detail?.refused).toEqual([{ code: 'conflict', type: 'follow_up.act', action: 'start' }]);
		expect(detail?.timeline.find(({ event }) => event.id === step.id)?.refused).toBe(true);
		const [refused] = await db.rejected.toArray();
		await discardRejected(db, registry, refused?.seq ?? -1);
		expect(await followUpEvents.of(db).get(step.id)).toBeUndefined();
	});

	it('applies are idempotent over a pull that brings the follow-up unchanged', async () => {
		const db = await hallDevice('manager');
		const { id } = await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: null,
			demand: '协调停车位',
			owner_id: COLLEAGUE,
			due_on: addDays(TODAY, 5)
		});
		await actOnFollowUp(db, { follow_up_id: id, action: 'reassign', owner_id: STAFF.staff_id });
		await noteFollowUp(db, id, '已转交');
		const visit = await saveVisit(
			db,
			checkIn({ demands: [{ demand: '办理环评咨询', owner_id: COLLEAGUE, due_on: addDays(TODAY, 3) }] })
		);
		const visitBefore = await visits.of(db).get(visit.id);
		const openedBefore = await followUps.of(db).bulkGet(visit.followUpIds);
		const before = { row: await followUps.of(db).get(id), events: await followUpEvents.of(db).toArray() };
		await db.transaction('rw', db.writeTables, async () => {
			await reapplyPending(db, registry, STAFF.user_id);
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect({ row: await followUps.of(db).get(id), events: await followUpEvents.of(db).toArray() }).toEqual(
			before
		);
		expect(await visits.of(db).get(visit.id)).toEqual(visitBefore);
		expect(await followUps.of(db).bulkGet(visit.followUpIds)).toEqual(openedBefore);
		// A pull brings it back as the server has it (the reassignment not arrived yet): the step applies again.
		await db.transaction('rw', db.writeTables, async () => {
			const pulled = before.row as FollowUpRow;
			await followUps.of(db).put({ ...pulled, owner_id: COLLEAGUE, owner_name: '李娜', version: 7 });
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect(await followUps.of(db).get(id)).toMatchObject({ owner_id: STAFF.staff_id, version: 7 });
	});
});

describe('the managers’ review', () => {
	it('groups the period’s visits by staff, open follow-ups by owner, and lists enterprises overdue', async () => {
		const db = await hallDevice('manager');
		await enterprises.of(db).update(ENTERPRISE, { visit_every_days: 7 });
		const { id } = await saveVisit(
			db,
			checkIn({ check_in_at: new Date(Date.now() - 10 * 86_400_000).toISOString(), companion_ids: [] })
		);
		await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: id,
			demand: '协调停车位',
			owner_id: COLLEAGUE,
			due_on: TODAY
		});
		const review = await loadReview(db, addDays(TODAY, -14), TODAY, TODAY);
		expect(review.visitsByStaff.map((group) => [group.staff_name, group.visits.length])).toEqual([
			[STAFF.staff_name, 1]
		]);
		expect(review.openByOwner.map((group) => [group.owner_name, group.followUps.length])).toEqual([
			['李娜', 1]
		]);
		expect(review.overdueEnterprises.map((entry) => entry.enterprise.id)).toEqual([ENTERPRISE]);
		expect((await loadReview(db, TODAY, TODAY, TODAY)).visitsByStaff).toEqual([]);
		expect(await staffDirectory.of(db).count()).toBe(3);
	});
});
