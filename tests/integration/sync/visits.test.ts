import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDate } from '../../../src/lib/domain/hall-time';
import { FIRST_CURSOR } from '../../../src/lib/domain/sync-protocol';
import type { OpPayload } from '../../../src/lib/features/registry';
import { adminDb } from '../support/clients';
import { minutesAgo, op, type UnsentOp } from './support/ops';
import { staff, staffIdOf } from './support/people';
import { device, pullAll, push, type SyncClient } from './support/sync-client';

// The visits area's writing functions (docs/VISITS.md, "Visits and follow-ups"): a visit saved at check-in and at
// check-out by its author alone, its payload rules and the hall of what it names; follow-ups opened with a due date
// counted in hall days, and their lifecycle enforced for every action, status and role in the contract's order
// (stale, not allowed, person, fields), every change on a timeline of at most 200 entries.

type Status = 'open' | 'in_progress' | 'done' | 'cannot_solve';
type Action = 'start' | 'done' | 'cannot' | 'reopen' | 'reassign' | 'due';
type Role = 'owner' | 'manager' | 'colleague';

/** The contract's table, restated here so the test does not trust the code it checks. */
const TABLE: Record<
	Action,
	{ from: Status[]; to: Status | null; kind: string; owner: boolean; manager: boolean }
> = {
	start: { from: ['open'], to: 'in_progress', kind: 'started', owner: true, manager: false },
	done: { from: ['open', 'in_progress'], to: 'done', kind: 'done', owner: true, manager: true },
	cannot: {
		from: ['open', 'in_progress'],
		to: 'cannot_solve',
		kind: 'cannot_solve',
		owner: true,
		manager: true
	},
	reopen: {
		from: ['done', 'cannot_solve'],
		to: 'in_progress',
		kind: 'reopened',
		owner: false,
		manager: true
	},
	reassign: { from: ['open', 'in_progress'], to: null, kind: 'reassigned', owner: true, manager: true },
	due: { from: ['open', 'in_progress'], to: null, kind: 'due_changed', owner: false, manager: true }
};

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
function freshCode(): string {
	const first17 = `91120105${Array.from({ length: 9 }, () => CHARS.charAt(Math.floor(Math.random() * 31))).join('')}`;
	const sum = [...first17].reduce(
		(total, char, index) => total + CHARS.indexOf(char) * (WEIGHTS[index] ?? 0),
		0
	);
	return first17 + CHARS.charAt((31 - (sum % 31)) % 31);
}

/** The hall date `days` after today's. */
function hallDay(days = 0): string {
	const moment = new Date(`${hallDate(new Date())}T00:00:00Z`);
	moment.setUTCDate(moment.getUTCDate() + days);
	return moment.toISOString().slice(0, 10);
}

let db: pg.Pool;
let intake: SyncClient; // the follow-ups' owner and the visits' author
let assist: SyncClient; // a colleague
let manager: SyncClient;
let stationManager: SyncClient;
let intakeId: string;
let assistId: string;
let managerId: string;
let stationAssistId: string;

beforeAll(async () => {
	db = adminDb();
	[intake, assist, manager, stationManager] = await Promise.all([
		device(staff.intake.email),
		device(staff.assist.email),
		device(staff.manager.email),
		device(staff.stationManager.email)
	]);
	[intakeId, assistId, managerId, stationAssistId] = await Promise.all([
		staffIdOf(db, staff.intake.userId),
		staffIdOf(db, staff.assist.userId),
		staffIdOf(db, staff.manager.userId),
		staffIdOf(db, staff.stationAssist.userId)
	]);
});
afterAll(async () => {
	await db.end();
});

const applied = [{ status: 'applied' }];

/** A new enterprise of the client's hall (saved by that hall's manager), optionally with a project. */
async function newEnterprise(client: SyncClient = manager, stewardId = intakeId) {
	const id = randomUUID();
	const projectId = randomUUID();
	const now = new Date().toISOString();
	expect(
		await push(client, [
			op('enterprise.save', {
				id,
				name: '天津海河智造科技有限公司',
				credit_code: freshCode(),
				street_code: '120105002',
				address: '天津市河北区建国道 66 号',
				latitude: 39.1391,
				longitude: 117.2012,
				industry: '智能制造',
				visit_every_days: 30,
				archived_at: null,
				saved_at: now
			}),
			op('enterprise_project.save', {
				id: projectId,
				enterprise_id: id,
				name: '二期厂房扩建',
				stage: 'construction',
				steward_id: stewardId,
				milestones: [],
				archived_at: null,
				saved_at: now
			})
		])
	).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);
	return { id, projectId };
}

function saveVisit(
	enterpriseId: string,
	overrides: Partial<OpPayload<'visit.save'>> = {}
): UnsentOp<'visit.save', OpPayload<'visit.save'>> {
	return op('visit.save', {
		id: randomUUID(),
		enterprise_id: enterpriseId,
		project_id: null,
		kind: 'onsite',
		companion_ids: [],
		met: '王经理',
		check_in_at: minutesAgo(60),
		check_in_geo: 'fix',
		check_in_latitude: 39.1392,
		check_in_longitude: 117.2013,
		check_in_accuracy_m: 12.5,
		check_out_at: null,
		check_out_geo: null,
		check_out_latitude: null,
		check_out_longitude: null,
		check_out_accuracy_m: null,
		summary: null,
		saved_at: new Date().toISOString(),
		...overrides
	});
}

function openFollowUp(
	enterpriseId: string,
	overrides: Partial<OpPayload<'follow_up.open'>> = {}
): UnsentOp<'follow_up.open', OpPayload<'follow_up.open'>> {
	return op('follow_up.open', {
		id: randomUUID(),
		event_id: randomUUID(),
		enterprise_id: enterpriseId,
		visit_id: null,
		demand: '协调办理施工许可证',
		owner_id: intakeId,
		due_on: hallDay(7),
		opened_at: new Date().toISOString(),
		...overrides
	});
}

/** One lifecycle step; the note, owner and due date each action needs are filled in unless given. */
function act(
	followUpId: string,
	action: Action,
	fromStatus: Status,
	overrides: Partial<OpPayload<'follow_up.act'>> = {}
): UnsentOp<'follow_up.act', OpPayload<'follow_up.act'>> {
	return op('follow_up.act', {
		id: randomUUID(),
		follow_up_id: followUpId,
		action,
		from_status: fromStatus,
		owner_id: action === 'reassign' ? assistId : null,
		due_on: action === 'due' ? hallDay(30) : null,
		note:
			action === 'done'
				? '已协调住建委办结'
				: action === 'cannot'
					? '超出本级权限'
					: action === 'reopen'
						? '企业反映仍未解决'
						: null,
		occurred_at: new Date().toISOString(),
		...overrides
	});
}

async function followUp(id: string) {
	const { rows } = await db.query<Record<string, unknown>>('select * from app.follow_ups where id = $1', [
		id
	]);
	return rows[0];
}

async function timeline(id: string) {
	const { rows } = await db.query<Record<string, unknown>>(
		`select kind, from_status, to_status, staff_name, owner_name, due_on, note
		 from app.follow_up_events where follow_up_id = $1 order by version, occurred_at`,
		[id]
	);
	return rows;
}

/** A follow-up of a new enterprise, owned by intake, brought to `status` the ordinary way. */
async function followUpIn(status: Status): Promise<string> {
	const { id: enterpriseId } = await newEnterprise();
	const open = openFollowUp(enterpriseId);
	expect(await push(assist, [open])).toMatchObject(applied);
	const id = open.payload.id;
	if (status === 'in_progress') expect(await push(intake, [act(id, 'start', 'open')])).toMatchObject(applied);
	if (status === 'done') expect(await push(intake, [act(id, 'done', 'open')])).toMatchObject(applied);
	if (status === 'cannot_solve')
		expect(await push(intake, [act(id, 'cannot', 'open')])).toMatchObject(applied);
	expect((await followUp(id))?.['status']).toBe(status);
	return id;
}

describe('visit.save', () => {
	it('saved at check-in (running) and again at check-out, whole, by its author', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const checkIn = saveVisit(enterpriseId, { companion_ids: [assistId] });
		expect(await push(intake, [checkIn])).toMatchObject(applied);
		const checkOut = {
			...checkIn,
			op_id: randomUUID(),
			payload: {
				...checkIn.payload,
				check_out_at: new Date().toISOString(),
				check_out_geo: 'denied' as const,
				summary: '了解二期扩建进展，企业提出施工许可办理诉求',
				saved_at: new Date().toISOString()
			}
		};
		expect(await push(intake, [checkOut])).toMatchObject(applied);
		const { rows } = await db.query('select * from app.visits where id = $1', [checkIn.payload.id]);
		expect(rows[0]).toMatchObject({
			staff_id: intakeId,
			staff_name: staff.intake.name,
			companion_ids: [assistId],
			check_in_geo: 'fix',
			check_in_accuracy_m: 12.5,
			check_out_geo: 'denied',
			check_out_latitude: null,
			summary: '了解二期扩建进展，企业提出施工许可办理诉求'
		});
	});

	it('only its author may change it: a colleague and a manager too are forbidden, nothing changed', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const visit = saveVisit(enterpriseId);
		expect(await push(intake, [visit])).toMatchObject(applied);
		const changed = { ...visit.payload, summary: '改写' };
		for (const client of [assist, manager]) {
			const [result] = await push(client, [{ ...visit, op_id: randomUUID(), payload: changed }]);
			expect(result).toMatchObject({ status: 'rejected', code: 'forbidden' });
			expect(result?.message).toContain(staff.intake.name);
		}
		const { rows } = await db.query('select summary from app.visits where id = $1', [visit.payload.id]);
		expect(rows).toEqual([{ summary: null }]);
	});

	it('payload rules are validation: check-out before check-in, a fix without position, a position without fix, a project visit without project', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const results = await push(intake, [
			saveVisit(enterpriseId, {
				check_out_at: minutesAgo(90),
				check_out_geo: 'timeout'
			}),
			saveVisit(enterpriseId, { check_in_latitude: null }),
			saveVisit(enterpriseId, { check_in_geo: 'denied' }),
			saveVisit(enterpriseId, { check_out_geo: 'unavailable' }),
			saveVisit(enterpriseId, { kind: 'project' }),
			saveVisit(enterpriseId, { check_in_latitude: 91 }),
			saveVisit(enterpriseId, { companion_ids: [assistId, assistId] })
		]);
		expect(results).toMatchObject(
			Array.from({ length: 7 }, () => ({ status: 'rejected', code: 'validation' }))
		);
	});

	// What the payload alone cannot show is not `validation` (the device checks it against its own rows when writing):
	// another enterprise's project and the author among the companions are conflicts with the stored rows.
	it('a project of another enterprise and the author as a companion are conflicts; another hall’s rows not found', async () => {
		const mine = await newEnterprise();
		const other = await newEnterprise();
		const station = await newEnterprise(stationManager, stationAssistId);
		expect(
			await push(intake, [
				saveVisit(mine.id, { kind: 'project', project_id: mine.projectId }),
				saveVisit(mine.id, { kind: 'project', project_id: other.projectId }),
				saveVisit(mine.id, { companion_ids: [intakeId] }),
				saveVisit(mine.id, { kind: 'project', project_id: station.projectId }),
				saveVisit(station.id),
				saveVisit(mine.id, { companion_ids: [stationAssistId] })
			])
		).toMatchObject([
			{ status: 'applied' },
			{ status: 'rejected', code: 'conflict' },
			{ status: 'rejected', code: 'conflict' },
			{ status: 'rejected', code: 'not_found' },
			{ status: 'rejected', code: 'not_found' },
			{ status: 'rejected', code: 'not_found' }
		]);
	});

	it('a visit to an enterprise archived while it was offline is accepted', async () => {
		const { id: enterpriseId } = await newEnterprise();
		await db.query('update app.enterprises set archived_at = now() where id = $1', [enterpriseId]);
		expect(await push(intake, [saveVisit(enterpriseId)])).toMatchObject(applied);
	});

	it('photos may belong to a visit of the hall', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const visit = saveVisit(enterpriseId);
		const photo = (ownerId: string) =>
			op('photo.attach', {
				id: randomUUID(),
				owner_kind: 'visit',
				owner_id: ownerId,
				bytes: 120_000,
				width: 1200,
				height: 900,
				taken_at: new Date().toISOString()
			});
		expect(await push(intake, [visit, photo(visit.payload.id)])).toMatchObject([
			{ status: 'applied' },
			{ status: 'applied' }
		]);
		expect(await push(stationManager, [photo(visit.payload.id)])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);
	});
});

describe('follow_up.open', () => {
	it('stores the demand with its owner’s name and an `opened` entry; from a visit of the same enterprise', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const visit = saveVisit(enterpriseId);
		const open = openFollowUp(enterpriseId, { visit_id: visit.payload.id });
		expect(await push(assist, [visit, open])).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);
		expect(await followUp(open.payload.id)).toMatchObject({
			status: 'open',
			owner_name: staff.intake.name,
			opened_by_name: staff.assist.name,
			closed_at: null,
			reason: null
		});
		expect(await timeline(open.payload.id)).toMatchObject([
			{ kind: 'opened', from_status: null, to_status: 'open', owner_name: staff.intake.name }
		]);
		// The same op again under a new op id: stored once.
		expect(await push(assist, [{ ...open, op_id: randomUUID() }])).toMatchObject(applied);
		expect(await timeline(open.payload.id)).toHaveLength(1);
	});

	it('due dates count in hall days (UTC+8): the opening day and 365 days after are fine, outside them not', async () => {
		const { id: enterpriseId } = await newEnterprise();
		// 16:30 UTC yesterday is 00:30 today in the hall: "today" is the hall's, not UTC's.
		const yesterday = new Date(Date.now() - 86_400_000);
		const openedAt = new Date(
			Date.UTC(yesterday.getUTCFullYear(), yesterday.getUTCMonth(), yesterday.getUTCDate(), 16, 30)
		).toISOString();
		const hallDay0 = hallDate(new Date(openedAt));
		const utcDay = openedAt.slice(0, 10);
		expect(hallDay0).not.toBe(utcDay);
		const plus = (days: number) => {
			const moment = new Date(`${hallDay0}T00:00:00Z`);
			moment.setUTCDate(moment.getUTCDate() + days);
			return moment.toISOString().slice(0, 10);
		};
		const results = await push(assist, [
			openFollowUp(enterpriseId, { opened_at: openedAt, due_on: hallDay0 }),
			openFollowUp(enterpriseId, { opened_at: openedAt, due_on: utcDay }),
			openFollowUp(enterpriseId, { opened_at: openedAt, due_on: plus(365) }),
			openFollowUp(enterpriseId, { opened_at: openedAt, due_on: plus(366) })
		]);
		expect(results).toMatchObject([
			{ status: 'applied' },
			{ status: 'rejected', code: 'validation' },
			{ status: 'applied' },
			{ status: 'rejected', code: 'validation' }
		]);
	});

	it('a visit of another enterprise is a conflict', async () => {
		const mine = await newEnterprise();
		const other = await newEnterprise();
		const visit = saveVisit(other.id);
		expect(await push(intake, [visit])).toMatchObject(applied);
		expect(await push(intake, [openFollowUp(mine.id, { visit_id: visit.payload.id })])).toMatchObject([
			{ status: 'rejected', code: 'conflict' }
		]);
	});

	it('an owner of another hall, an enterprise or visit of another hall are not found', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const station = await newEnterprise(stationManager, stationAssistId);
		const stationVisit = saveVisit(station.id);
		expect(await push(stationManager, [stationVisit])).toMatchObject(applied);
		expect(
			await push(assist, [
				openFollowUp(enterpriseId, { owner_id: stationAssistId }),
				openFollowUp(station.id),
				openFollowUp(enterpriseId, { visit_id: stationVisit.payload.id })
			])
		).toMatchObject(Array.from({ length: 3 }, () => ({ status: 'rejected', code: 'not_found' })));
	});

	it('a visit takes at most 20 demands; the 21st is a conflict', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const visit = saveVisit(enterpriseId);
		const demands = Array.from({ length: 21 }, () =>
			openFollowUp(enterpriseId, { visit_id: visit.payload.id })
		);
		const results = await push(intake, [visit, ...demands]);
		expect(results.slice(0, 21).every((result) => result.status === 'applied')).toBe(true);
		expect(results[21]).toMatchObject({ status: 'rejected', code: 'conflict' });
	});
});

describe('follow_up.act: every action, status and role', () => {
	const statuses: Status[] = ['open', 'in_progress', 'done', 'cannot_solve'];
	const roles: Role[] = ['owner', 'manager', 'colleague'];
	const cases = (Object.keys(TABLE) as Action[]).flatMap((action) =>
		statuses.flatMap((status) => roles.map((role) => [action, status, role] as const))
	);
	it.each(cases)('%s from %s by the %s', async (action, status, role) => {
		const id = await followUpIn(status);
		const before = await followUp(id);
		const events = (await timeline(id)).length;
		const transition = TABLE[action];
		const client = role === 'manager' ? manager : role === 'owner' ? intake : assist;
		// A reassign by the colleague to someone else than themselves and the owner, so only the person decides.
		const step = act(id, action, status, action === 'reassign' ? { owner_id: managerId } : {});
		const [result] = await push(client, [step]);
		const expected = !transition.from.includes(status)
			? 'conflict'
			: (role === 'owner' && transition.owner) || (role === 'manager' && transition.manager)
				? 'applied'
				: 'forbidden';
		if (expected === 'applied') {
			expect(result).toMatchObject({ status: 'applied' });
			expect((await followUp(id))?.['status']).toBe(transition.to ?? status);
			const entries = await timeline(id);
			expect(entries).toHaveLength(events + 1);
			expect(entries.at(-1)).toMatchObject({ kind: transition.kind, from_status: status });
		} else {
			expect(result).toMatchObject({ status: 'rejected', code: expected });
			expect(await followUp(id)).toEqual(before);
			expect(await timeline(id)).toHaveLength(events);
		}
	});
});

describe('what each action writes', () => {
	it('done and cannot close it (cannot keeps the reason); reopen clears both', async () => {
		const done = await followUpIn('done');
		expect(await followUp(done)).toMatchObject({ reason: null });
		expect((await followUp(done))?.['closed_at']).not.toBeNull();
		const cannot = await followUpIn('cannot_solve');
		expect(await followUp(cannot)).toMatchObject({ reason: '超出本级权限' });
		expect(await push(manager, [act(cannot, 'reopen', 'cannot_solve')])).toMatchObject(applied);
		expect(await followUp(cannot)).toMatchObject({ status: 'in_progress', closed_at: null, reason: null });
		expect((await timeline(cannot)).map((entry) => entry.kind)).toEqual([
			'opened',
			'cannot_solve',
			'reopened'
		]);
	});

	it('reassign names the new owner on the follow-up and the timeline; due changes the date', async () => {
		const id = await followUpIn('in_progress');
		expect(await push(intake, [act(id, 'reassign', 'in_progress')])).toMatchObject(applied);
		expect(await followUp(id)).toMatchObject({ owner_id: assistId, owner_name: staff.assist.name });
		expect(await push(manager, [act(id, 'due', 'in_progress', { due_on: hallDay(20) })])).toMatchObject(
			applied
		);
		expect((await timeline(id)).slice(-2)).toMatchObject([
			{
				kind: 'reassigned',
				owner_name: staff.assist.name,
				from_status: 'in_progress',
				to_status: 'in_progress'
			},
			{ kind: 'due_changed', due_on: new Date(`${hallDay(20)}T00:00:00`) }
		]);
	});

	it('a note is a timeline entry from anyone of the hall, in any status; another hall’s device gets not_found', async () => {
		const id = await followUpIn('done');
		const note = op('follow_up.note', {
			id: randomUUID(),
			follow_up_id: id,
			note: '企业致电表示感谢',
			occurred_at: new Date().toISOString()
		});
		expect(await push(assist, [note])).toMatchObject(applied);
		expect((await timeline(id)).at(-1)).toMatchObject({ kind: 'note', note: '企业致电表示感谢' });
		expect(
			await push(stationManager, [
				{ ...note, op_id: randomUUID(), payload: { ...note.payload, id: randomUUID() } }
			])
		).toMatchObject([{ status: 'rejected', code: 'not_found' }]);
	});
});

describe('the order of the checks: stale, not allowed, person, fields', () => {
	it('a stale from_status is a conflict naming the current status, before anything else', async () => {
		const id = await followUpIn('in_progress');
		// The colleague may not act at all, and the note is missing: staleness is still what is said.
		const [stale] = await push(assist, [act(id, 'done', 'open', { note: null })]);
		expect(stale).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(stale?.message).toContain('now in_progress');
	});

	it('two devices act on what each saw as open: the second is refused whole', async () => {
		const id = await followUpIn('open');
		expect(await push(intake, [act(id, 'start', 'open')])).toMatchObject(applied);
		const before = await followUp(id);
		const [refused] = await push(manager, [act(id, 'done', 'open')]);
		expect(refused).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(await followUp(id)).toEqual(before);
	});

	it('not allowed from the status comes before the person; the person before the fields', async () => {
		const done = await followUpIn('done');
		expect(await push(assist, [act(done, 'start', 'done')])).toMatchObject([
			{ status: 'rejected', code: 'conflict' }
		]);
		const open = await followUpIn('open');
		expect(await push(assist, [act(open, 'done', 'open', { note: null })])).toMatchObject([
			{ status: 'rejected', code: 'forbidden' }
		]);
	});

	it('the fields: a note for done, cannot and reopen; a new owner who is someone else, active in the hall; a due date within a year of opening (else a conflict with the stored opening)', async () => {
		const id = await followUpIn('open');
		const results = await push(manager, [
			act(id, 'done', 'open', { note: '  ' }),
			act(id, 'cannot', 'open', { note: null }),
			act(id, 'reassign', 'open', { owner_id: intakeId }),
			act(id, 'reassign', 'open', { owner_id: null }),
			act(id, 'due', 'open', { due_on: hallDay(-1) }),
			act(id, 'due', 'open', { due_on: hallDay(400) }),
			act(id, 'start', 'open', { due_on: hallDay(3) }),
			act(id, 'reassign', 'open', { owner_id: stationAssistId })
		]);
		expect(results.map((result) => (result.status === 'rejected' ? result.code : result.status))).toEqual([
			'validation',
			'validation',
			'validation',
			'validation',
			'conflict',
			'conflict',
			'forbidden', // start is the owner's alone: the person is checked before the stray due date
			'not_found'
		]);
		expect(await timeline(id)).toHaveLength(1);
	});
});

describe('an action sent again', () => {
	it('is stored once; a payload no device could send under a stored action’s id is still invalid', async () => {
		const id = await followUpIn('open');
		const start = act(id, 'start', 'open');
		expect(await push(intake, [start])).toMatchObject(applied);
		// Re-sent under a new op id after it was applied: the status moved on, and it is not stale but stored.
		expect(await push(intake, [{ ...start, op_id: randomUUID() }])).toMatchObject(applied);
		const forged = { ...start, op_id: randomUUID(), payload: { ...start.payload, owner_id: assistId } };
		expect(await push(intake, [forged])).toMatchObject([{ status: 'rejected', code: 'validation' }]);
		expect((await timeline(id)).map((entry) => entry.kind)).toEqual(['opened', 'started']);
	});
});

describe('the timeline’s cap', () => {
	it('a follow-up takes at most 200 entries: one more action or note is a conflict', async () => {
		const id = await followUpIn('open');
		await db.query(
			`insert into app.follow_up_events (id, hall_id, follow_up_id, kind, staff_id, staff_name, note, occurred_at)
			 select gen_random_uuid(), f.hall_id, f.id, 'note', $2, '李娜', '补充记录 ' || n, now()
			 from app.follow_ups f, generate_series(1, 199) n where f.id = $1`,
			[id, intakeId]
		);
		expect(await timeline(id)).toHaveLength(200);
		const note = op('follow_up.note', {
			id: randomUUID(),
			follow_up_id: id,
			note: '再补充一条',
			occurred_at: new Date().toISOString()
		});
		const [full, fullAct] = await push(intake, [note, act(id, 'start', 'open')]);
		expect(full).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(full?.message).toContain('200');
		expect(fullAct).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect((await followUp(id))?.['status']).toBe('open');
	});
});

describe('hall isolation', () => {
	it('another hall’s visits, follow-ups and their timelines are not pulled', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const visit = saveVisit(enterpriseId);
		const open = openFollowUp(enterpriseId, { visit_id: visit.payload.id });
		expect(await push(intake, [visit, open])).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);
		const ids = async (client: SyncClient) =>
			new Set(
				(await pullAll(client, FIRST_CURSOR)).pages
					.flatMap((page) => page.changes)
					.map((change) => change.row['id'])
			);
		const mine = await ids(assist);
		expect(mine).toContain(visit.payload.id);
		expect(mine).toContain(open.payload.id);
		expect(mine).toContain(open.payload.event_id);
		const theirs = await ids(stationManager);
		expect(theirs).not.toContain(visit.payload.id);
		expect(theirs).not.toContain(open.payload.id);
		expect(theirs).not.toContain(open.payload.event_id);
	});

	it('another hall’s ids are not found: a visit, a follow-up, an action', async () => {
		const { id: enterpriseId } = await newEnterprise();
		const visit = saveVisit(enterpriseId);
		const open = openFollowUp(enterpriseId);
		expect(await push(intake, [visit, open])).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);
		const station = await newEnterprise(stationManager, stationAssistId);
		expect(
			await push(stationManager, [
				saveVisit(station.id, { id: visit.payload.id }),
				openFollowUp(station.id, { id: open.payload.id, owner_id: stationAssistId }),
				act(open.payload.id, 'done', 'open')
			])
		).toMatchObject(Array.from({ length: 3 }, () => ({ status: 'rejected', code: 'not_found' })));
	});
});
