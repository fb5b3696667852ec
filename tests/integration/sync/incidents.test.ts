import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
	INCIDENT_ACTIONS,
	INCIDENT_STATUSES,
	type IncidentAction,
	type IncidentStatus
} from '../../../src/lib/domain/incident';
import { TRANSITIONS } from '../../../src/lib/domain/incident-lifecycle';
import { FIRST_CURSOR } from '../../../src/lib/domain/sync-protocol';
import { adminDb } from '../support/clients';
import { act, reportIncident } from './support/incidents';
import { op } from './support/ops';
import { center, staff, staffIdOf } from './support/people';
import { device, pullAll, push, type SyncClient } from './support/sync-client';

// The incident's writing functions (docs/PATROL.md, "Incidents"): the lifecycle table enforced by the server for
// every action, status and role; stale transitions from two devices refused whole; a complaint closed only after
// its callback; every change on the timeline; the complainant readable only by the reporter and managers.

let db: pg.Pool;
let intake: SyncClient; // reports, and is the assignee
let assist: SyncClient; // a colleague who is neither
let manager: SyncClient;
let stationManager: SyncClient;
let intakeId: string;
let assistId: string;
let stationAssistId: string;
beforeAll(async () => {
	db = adminDb();
	[intake, assist, manager, stationManager] = await Promise.all([
		device(staff.intake.email),
		device(staff.assist.email),
		device(staff.manager.email),
		device(staff.stationManager.email)
	]);
	[intakeId, assistId, stationAssistId] = await Promise.all([
		staffIdOf(db, staff.intake.userId),
		staffIdOf(db, staff.assist.userId),
		staffIdOf(db, staff.stationAssist.userId)
	]);
});
afterAll(async () => {
	await db.end();
});

async function incident(id: string) {
	const { rows } = await db.query<Record<string, unknown>>('select * from app.incidents where id = $1', [id]);
	return rows[0];
}

async function timeline(id: string) {
	const { rows } = await db.query<Record<string, unknown>>(
		`select kind, from_status, to_status, staff_name, assignee_name, note
		 from app.incident_events where incident_id = $1 order by occurred_at, version`,
		[id]
	);
	return rows;
}

const applied = [{ status: 'applied' }];

/** A new incident (a complaint, already called back when resolved) brought to `status` the ordinary way. */
async function incidentIn(status: IncidentStatus): Promise<string> {
	const report = reportIncident({ category: 'complaint' });
	const id = report.payload.id;
	expect(await push(intake, [report])).toMatchObject(applied);
	const path: [SyncClient, IncidentAction, IncidentStatus][] = [];
	if (status !== 'reported') path.push([manager, 'assign', 'reported']);
	if (['in_progress', 'resolved', 'closed'].includes(status)) path.push([intake, 'start', 'assigned']);
	if (['resolved', 'closed'].includes(status)) {
		path.push([intake, 'resolve', 'in_progress'], [manager, 'callback', 'resolved']);
	}
	if (status === 'closed') path.push([manager, 'close', 'resolved']);
	for (const [client, action, from] of path) {
		const step = act(id, action, from, action === 'assign' ? { assignee_id: intakeId } : {});
		expect(await push(client, [step])).toMatchObject(applied);
	}
	expect((await incident(id))?.['status']).toBe(status);
	return id;
}

describe('incident.report', () => {
	it('stores the incident, its first timeline entry and, for a complaint, the complainant', async () => {
		const report = reportIncident({ category: 'complaint', severity: 1 });
		expect(await push(intake, [report])).toMatchObject(applied);
		expect(await incident(report.payload.id)).toMatchObject({
			status: 'reported',
			severity: 1,
			reporter_name: staff.intake.name,
			assignee_id: null
		});
		expect(await timeline(report.payload.id)).toMatchObject([
			{ kind: 'reported', from_status: null, to_status: 'reported', staff_name: staff.intake.name }
		]);
		const { rows } = await db.query('select name, phone from app.incident_complainants where id = $1', [
			report.payload.id
		]);
		expect(rows).toEqual([{ name: '王小明', phone: '13812345678' }]);
	});

	it('a complaint without anyone to call back, or a complainant on another category, is refused', async () => {
		const nobody = reportIncident({ category: 'complaint', complainant_name: null, complainant_phone: null });
		const stray = reportIncident({ category: 'hazard', complainant_phone: '13800000000' });
		expect(await push(intake, [nobody, stray])).toMatchObject([
			{ status: 'rejected', code: 'validation' },
			{ status: 'rejected', code: 'validation' }
		]);
		expect(await incident(nobody.payload.id)).toBeUndefined();
	});

	it('the same report sent again under a new op id changes nothing', async () => {
		const report = reportIncident();
		expect(await push(intake, [report])).toMatchObject(applied);
		expect(await push(intake, [{ ...report, op_id: crypto.randomUUID() }])).toMatchObject(applied);
		expect(await timeline(report.payload.id)).toHaveLength(1);
	});
});

describe('the lifecycle, for every action, status and role', () => {
	const roles = ['manager', 'assignee', 'colleague'] as const;
	const cases = INCIDENT_ACTIONS.flatMap((action) =>
		INCIDENT_STATUSES.flatMap((status) => roles.map((role) => [action, status, role] as const))
	);
	it.each(cases)('%s from %s by the %s', async (action, status, role) => {
		const id = await incidentIn(status);
		const before = await incident(id);
		const events = (await timeline(id)).length;
		const transition = TRANSITIONS[action];
		const client = role === 'manager' ? manager : role === 'assignee' ? intake : assist;
		const step = act(id, action, status, action === 'assign' ? { assignee_id: assistId } : {});
		const [result] = await push(client, [step]);
		const expected = !transition.from.includes(status)
			? 'conflict'
			: role === 'manager' || (role === 'assignee' && transition.assignee)
				? 'applied'
				: 'forbidden';
		if (expected === 'applied') {
			expect(result).toMatchObject({ status: 'applied' });
			const after = await incident(id);
			expect(after?.['status']).toBe(transition.to ?? status);
			const entries = await timeline(id);
			expect(entries).toHaveLength(events + 1);
			expect(entries.at(-1)).toMatchObject({ kind: transition.kind, from_status: status });
		} else {
			expect(result).toMatchObject({ status: 'rejected', code: expected });
			// Nothing half-applied: the incident and its timeline as they were.
			expect(await incident(id)).toEqual(before);
			expect(await timeline(id)).toHaveLength(events);
		}
	});
});

describe('what each action writes', () => {
	it('assign sets the assignee by name and the response time; reassigning an incident in progress restarts it', async () => {
		const id = await incidentIn('in_progress');
		const respondedAt = (await incident(id))?.['responded_at'];
		expect(await push(manager, [act(id, 'assign', 'in_progress', { assignee_id: assistId })])).toMatchObject(
			applied
		);
		expect(await incident(id)).toMatchObject({
			status: 'assigned',
			assignee_id: assistId,
			assignee_name: staff.assist.name,
			responded_at: respondedAt
		});
		expect((await timeline(id)).at(-1)).toMatchObject({ kind: 'assigned', assignee_name: staff.assist.name });
	});

	it('an assignee of another hall is not found', async () => {
		const id = await incidentIn('reported');
		expect(
			await push(manager, [act(id, 'assign', 'reported', { assignee_id: stationAssistId })])
		).toMatchObject([{ status: 'rejected', code: 'not_found' }]);
	});

	it('resolve and reopen need a note (the client refuses the same)', async () => {
		const id = await incidentIn('in_progress');
		expect(await push(intake, [act(id, 'resolve', 'in_progress', { note: '  ' })])).toMatchObject([
			{ status: 'rejected', code: 'validation' }
		]);
		expect(await push(intake, [act(id, 'resolve', 'in_progress')])).toMatchObject(applied);
		expect(await push(manager, [act(id, 'reopen', 'resolved', { note: null })])).toMatchObject([
			{ status: 'rejected', code: 'validation' }
		]);
	});

	it('reopen keeps the assignee and clears the resolution and the callback', async () => {
		const id = await incidentIn('closed');
		expect(await push(manager, [act(id, 'reopen', 'closed')])).toMatchObject(applied);
		expect(await incident(id)).toMatchObject({
			status: 'in_progress',
			assignee_id: intakeId,
			resolved_at: null,
			closed_at: null,
			callback_result: null
		});
		expect((await timeline(id)).at(-1)).toMatchObject({ kind: 'reopened', note: '复查仍未修好' });
	});

	it('a note is a timeline entry that changes nothing else, from anyone of the hall', async () => {
		const id = await incidentIn('assigned');
		const before = await incident(id);
		const note = op('incident.note', {
			id: crypto.randomUUID(),
			incident_id: id,
			note: '已联系物业',
			occurred_at: new Date().toISOString()
		});
		expect(await push(assist, [note])).toMatchObject(applied);
		expect((await timeline(id)).at(-1)).toMatchObject({ kind: 'note', note: '已联系物业' });
		expect((await incident(id))?.['status']).toBe(before?.['status']);
		expect(
			await push(stationManager, [
				{ ...note, op_id: crypto.randomUUID(), payload: { ...note.payload, id: crypto.randomUUID() } }
			])
		).toMatchObject([{ status: 'rejected', code: 'not_found' }]);
	});
});

describe('a complaint closes only with a recorded callback', () => {
	it('refused without it, nothing changed; closed once it is recorded', async () => {
		const report = reportIncident({ category: 'complaint' });
		const id = report.payload.id;
		expect(await push(intake, [report])).toMatchObject(applied);
		for (const [client, step] of [
			[manager, act(id, 'assign', 'reported', { assignee_id: intakeId })],
			[intake, act(id, 'resolve', 'assigned')]
		] as const) {
			expect(await push(client, [step])).toMatchObject(applied);
		}
		const [refused] = await push(manager, [act(id, 'close', 'resolved')]);
		expect(refused).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(refused?.message).toContain('callback');
		expect((await incident(id))?.['status']).toBe('resolved');
		expect(await push(intake, [act(id, 'callback', 'resolved')])).toMatchObject(applied);
		expect(await push(manager, [act(id, 'close', 'resolved')])).toMatchObject(applied);
		expect(await incident(id)).toMatchObject({ status: 'closed', callback_result: '电话回访，投诉人满意' });
		expect((await timeline(id)).map((entry) => entry.kind)).toEqual([
			'reported',
			'assigned',
			'resolved',
			'callback',
			'closed'
		]);
	});
});

describe('stale transitions from two devices', () => {
	it('two phones act on what each saw as assigned: the second is refused whole, naming the current status', async () => {
		const id = await incidentIn('assigned');
		// Offline, each device made its op from the status it showed.
		const fromAssignee = act(id, 'start', 'assigned');
		const fromManager = act(id, 'resolve', 'assigned', { note: '现场已处理' });
		expect(await push(intake, [fromAssignee])).toMatchObject(applied);
		const before = await incident(id);
		const events = await timeline(id);
		const [stale] = await push(manager, [fromManager]);
		expect(stale).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(stale?.message).toContain('now in_progress');
		expect(await incident(id)).toEqual(before);
		expect(await timeline(id)).toEqual(events);
	});

	it('two managers assign the same new report to different people: the first wins', async () => {
		const id = await incidentIn('reported');
		const first = act(id, 'assign', 'reported', { assignee_id: assistId });
		const second = act(id, 'assign', 'reported', { assignee_id: intakeId });
		expect(await push(manager, [first, second])).toMatchObject([
			{ status: 'applied' },
			{ status: 'rejected', code: 'conflict' }
		]);
		expect(await incident(id)).toMatchObject({ status: 'assigned', assignee_id: assistId });
	});
});

describe('incident_limits.save', () => {
	const limits = {
		respond_minutes_1: 10,
		resolve_minutes_1: 60,
		respond_minutes_2: 30,
		resolve_minutes_2: 480,
		respond_minutes_3: 120,
		resolve_minutes_3: 1440,
		respond_minutes_4: 480,
		resolve_minutes_4: 4320
	};

	it('every hall starts with the defaults; a manager replaces them, staff may not', async () => {
		const { rows } = await db.query(
			'select respond_minutes_1, resolve_minutes_4 from app.incident_limits where id = $1',
			[center]
		);
		expect(rows[0]).toBeDefined();
		expect(await push(assist, [op('incident_limits.save', { id: center, ...limits })])).toMatchObject([
			{ status: 'rejected', code: 'forbidden' }
		]);
		expect(await push(manager, [op('incident_limits.save', { id: center, ...limits })])).toMatchObject(
			applied
		);
		const after = await db.query('select respond_minutes_1 from app.incident_limits where id = $1', [center]);
		expect(after.rows[0]).toEqual({ respond_minutes_1: 10 });
		// Back to the defaults for the other tests.
		expect(
			await push(manager, [
				op('incident_limits.save', { id: center, ...limits, respond_minutes_1: 15, resolve_minutes_1: 120 })
			])
		).toMatchObject(applied);
	});

	it('another hall’s limits are not found; a respond limit longer than its resolve limit is invalid', async () => {
		expect(await push(stationManager, [op('incident_limits.save', { id: center, ...limits })])).toMatchObject(
			[{ status: 'rejected', code: 'not_found' }]
		);
		expect(
			await push(manager, [op('incident_limits.save', { id: center, ...limits, respond_minutes_2: 500 })])
		).toMatchObject([{ status: 'rejected', code: 'validation' }]);
	});
});

describe('the complainant’s privacy', () => {
	const pulled = async (client: SyncClient, table: string) =>
		new Set(
			(await pullAll(client, FIRST_CURSOR)).pages
				.flatMap((page) => page.changes)
				.filter((change) => change.table === table)
				.map((change) => change.row['id'])
		);

	it('the reporter and the managers receive it; a colleague gets the incident but not the complainant', async () => {
		const report = reportIncident({ category: 'complaint' });
		expect(await push(intake, [report])).toMatchObject(applied);
		const id = report.payload.id;
		expect(await pulled(intake, 'incident_complainants')).toContain(id);
		expect(await pulled(manager, 'incident_complainants')).toContain(id);
		expect(await pulled(assist, 'incidents')).toContain(id);
		expect(await pulled(assist, 'incident_complainants')).not.toContain(id);
		expect(await pulled(stationManager, 'incidents')).not.toContain(id);
	});
});
