import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIRST_CURSOR } from '../../../src/lib/domain/sync-protocol';
import type { OpPayload } from '../../../src/lib/features/registry';
import { adminDb } from '../support/clients';
import { op, type UnsentOp } from './support/ops';
import { center, staff, staffIdOf, station } from './support/people';
import { device, pullAll, push, type SyncClient } from './support/sync-client';

// The enterprises area's writing functions (docs/VISITS.md, "Enterprises"): the credit code checked by the op (with
// the reason) and by a check constraint whatever writes the row; one code per hall; managers save enterprises and
// projects, any staff contacts and notes; another hall's rows neither pulled nor reachable; an import's batch
// stores each good row whole and refuses each bad row alone.

const CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** The check character of 17 characters, computed here independently of the app's code (GB 32100-2015). */
function checkCharacter(first17: string): string {
	const sum = [...first17].reduce(
		(total, char, index) => total + CHARS.indexOf(char) * (WEIGHTS[index] ?? 0),
		0
	);
	return CHARS.charAt((31 - (sum % 31)) % 31);
}

/** A valid code of 河北区 (division 120105) no other test uses. */
function freshCode(): string {
	const organisation = Array.from({ length: 9 }, () => CHARS.charAt(Math.floor(Math.random() * 31))).join('');
	const first17 = `91120105${organisation}`;
	return first17 + checkCharacter(first17);
}

/** A code whose check character is wrong, and the right one. */
function wrongCheck(): { code: string; expected: string } {
	const valid = freshCode();
	const expected = valid.charAt(17);
	const wrong = CHARS.charAt((CHARS.indexOf(expected) + 1) % 31);
	return { code: valid.slice(0, 17) + wrong, expected };
}

function saveEnterprise(
	overrides: Partial<OpPayload<'enterprise.save'>> = {}
): UnsentOp<'enterprise.save', OpPayload<'enterprise.save'>> {
	return op('enterprise.save', {
		id: randomUUID(),
		name: '天津海河智造科技有限公司',
		credit_code: freshCode(),
		street_code: '120105002',
		address: '天津市河北区建国道 66 号',
		latitude: 39.1391,
		longitude: 117.2012,
		industry: '智能制造',
		visit_every_days: 30,
		archived_at: null,
		saved_at: new Date().toISOString(),
		...overrides
	});
}

function saveContact(
	enterpriseId: string,
	overrides: Partial<OpPayload<'enterprise_contact.save'>> = {}
): UnsentOp<'enterprise_contact.save', OpPayload<'enterprise_contact.save'>> {
	return op('enterprise_contact.save', {
		id: randomUUID(),
		enterprise_id: enterpriseId,
		name: '王经理',
		role: '办公室主任',
		phone: '13800000001',
		removed_at: null,
		saved_at: new Date().toISOString(),
		...overrides
	});
}

function saveProject(
	enterpriseId: string,
	stewardId: string,
	overrides: Partial<OpPayload<'enterprise_project.save'>> = {}
): UnsentOp<'enterprise_project.save', OpPayload<'enterprise_project.save'>> {
	return op('enterprise_project.save', {
		id: randomUUID(),
		enterprise_id: enterpriseId,
		name: '二期厂房扩建',
		stage: 'approval',
		steward_id: stewardId,
		milestones: [
			{ key: 'permit', label: '取得施工许可', due_on: '2027-03-01', done_on: null },
			{ key: 'start', label: '开工', due_on: '2027-05-01', done_on: null }
		],
		archived_at: null,
		saved_at: new Date().toISOString(),
		...overrides
	});
}

function noteOn(
	enterpriseId: string,
	note = '企业反映用电增容需求'
): UnsentOp<'enterprise.note', OpPayload<'enterprise.note'>> {
	return op('enterprise.note', {
		id: randomUUID(),
		enterprise_id: enterpriseId,
		note,
		occurred_at: new Date().toISOString()
	});
}

let db: pg.Pool;
let manager: SyncClient;
let assist: SyncClient;
let stationManager: SyncClient;
let assistId: string;
let stationAssistId: string;

beforeAll(async () => {
	db = adminDb();
	[manager, assist, stationManager] = await Promise.all([
		device(staff.manager.email),
		device(staff.assist.email),
		device(staff.stationManager.email)
	]);
	[assistId, stationAssistId] = await Promise.all([
		staffIdOf(db, staff.assist.userId),
		staffIdOf(db, staff.stationAssist.userId)
	]);
});
afterAll(async () => {
	await db.end();
});

async function enterprise(id: string) {
	const { rows } = await db.query<Record<string, unknown>>('select * from app.enterprises where id = $1', [
		id
	]);
	return rows[0];
}

const applied = [{ status: 'applied' }];

/** A new enterprise of the center, saved by its manager. */
async function centerEnterprise(overrides: Partial<OpPayload<'enterprise.save'>> = {}): Promise<string> {
	const save = saveEnterprise(overrides);
	expect(await push(manager, [save])).toMatchObject(applied);
	return save.payload.id;
}

describe('the credit code', () => {
	it('a valid code is stored as sent, with who saved it', async () => {
		const save = saveEnterprise();
		expect(await push(manager, [save])).toMatchObject(applied);
		expect(await enterprise(save.payload.id)).toMatchObject({
			hall_id: center,
			credit_code: save.payload.credit_code,
			street_code: '120105002',
			latitude: 39.1391,
			visit_every_days: 30,
			updated_by_name: staff.manager.name,
			is_demo: false
		});
	});

	it.each([
		['too short', () => freshCode().slice(0, 17), '18 characters (it has 17)'],
		[
			'an I among the organisation code',
			() => `${freshCode().slice(0, 10)}I${freshCode().slice(11)}`,
			'character 11 "I"'
		],
		['a letter in the division', () => `9112A105${freshCode().slice(8)}`, 'character 5 "A"'],
		['0 as the registration authority', () => `0${freshCode().slice(1)}`, 'character 1 "0"'],
		['lower case', () => `${freshCode().slice(0, 8)}a${freshCode().slice(9)}`, 'character 9 "a"']
	])('refused by the op as validation, saying why: %s', async (_, code, reason) => {
		const save = saveEnterprise({ credit_code: code() });
		const [result] = await push(manager, [save]);
		expect(result).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(result?.message).toContain(reason);
		expect(await enterprise(save.payload.id)).toBeUndefined();
	});

	it('a wrong check character is refused naming the right one', async () => {
		const { code, expected } = wrongCheck();
		const [result] = await push(manager, [saveEnterprise({ credit_code: code })]);
		expect(result).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(result?.message).toContain(`position 18) should be "${expected}"`);
	});

	it('the database refuses an invalid code whoever inserts it (the check constraint), and takes a valid one', async () => {
		const managerId = await staffIdOf(db, staff.manager.userId);
		const insert = (code: string) =>
			db.query(
				`insert into app.enterprises (id, hall_id, name, credit_code, street_code, created_at, updated_by,
				   updated_by_name)
				 values ($1, $2, '直接写入测试企业', $3, '120105001', now(), $4, '刘洋')`,
				[randomUUID(), center, code, managerId]
			);
		for (const bad of [wrongCheck().code, freshCode().slice(1), `${freshCode().slice(0, 17)}O`]) {
			await expect(insert(bad)).rejects.toMatchObject({
				code: '23514',
				constraint: 'enterprises_credit_code_valid'
			});
		}
		await expect(insert(freshCode())).resolves.toMatchObject({ rowCount: 1 });
	});

	it('app.credit_code_problem answers null for valid codes and the reason for each kind of mistake', async () => {
		const { rows } = await db.query<{ valid: string | null; short: string; check: string }>(
			`select app.credit_code_problem($1) as valid, app.credit_code_problem('9112010') as short,
			        app.credit_code_problem($2) as check`,
			[freshCode(), wrongCheck().code]
		);
		expect(rows[0]?.valid).toBeNull();
		expect(rows[0]?.short).toContain('it has 7');
		expect(rows[0]?.check).toContain('should be');
	});

	it('one code per hall: a second enterprise with it is a conflict naming the first; another hall may have it', async () => {
		const code = freshCode();
		const first = saveEnterprise({ credit_code: code, name: '天津北宁湾商贸有限公司' });
		expect(await push(manager, [first])).toMatchObject(applied);
		const [second] = await push(manager, [saveEnterprise({ credit_code: code, name: '重名测试企业' })]);
		expect(second).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(second?.message).toContain('天津北宁湾商贸有限公司');
		// Saving the same enterprise again keeps its own code.
		expect(await push(manager, [{ ...first, op_id: randomUUID() }])).toMatchObject(applied);
		expect(await push(stationManager, [saveEnterprise({ credit_code: code })])).toMatchObject(applied);
	});
});

describe('enterprise.save', () => {
	it('a street outside the district, a half position or a plan outside 7–365 days is refused', async () => {
		const results = await push(manager, [
			saveEnterprise({ street_code: '120106001' }),
			saveEnterprise({ latitude: 39.1, longitude: null }),
			saveEnterprise({ visit_every_days: 3 }),
			saveEnterprise({ name: '甲' })
		]);
		expect(results).toMatchObject([
			{ status: 'rejected', code: 'validation' },
			{ status: 'rejected', code: 'validation' },
			{ status: 'rejected', code: 'validation' },
			{ status: 'rejected', code: 'validation' }
		]);
		expect(results[0]?.message).toContain('street_code');
	});

	it('archiving is saving with archived_at, restoring saving with null; created_at stays the first save’s', async () => {
		const save = saveEnterprise();
		expect(await push(manager, [save])).toMatchObject(applied);
		const created = (await enterprise(save.payload.id))?.['created_at'];
		const archivedAt = new Date().toISOString();
		expect(
			await push(manager, [
				{ ...save, op_id: randomUUID(), payload: { ...save.payload, archived_at: archivedAt } }
			])
		).toMatchObject(applied);
		expect((await enterprise(save.payload.id))?.['archived_at']).toEqual(new Date(archivedAt));
		expect(
			await push(manager, [
				{ ...save, op_id: randomUUID(), payload: { ...save.payload, saved_at: new Date().toISOString() } }
			])
		).toMatchObject(applied);
		expect(await enterprise(save.payload.id)).toMatchObject({ archived_at: null, created_at: created });
	});

	it('an import’s batch: each bad row is refused alone, each good row stored whole', async () => {
		const taken = await centerEnterprise();
		const takenCode = (await enterprise(taken))?.['credit_code'] as string;
		const inFileTwice = freshCode();
		const batch = [
			saveEnterprise({ name: '导入企业甲' }),
			saveEnterprise({ name: '校验位错误企业', credit_code: wrongCheck().code }),
			saveEnterprise({ name: '已有代码企业', credit_code: takenCode }),
			saveEnterprise({ name: '重复代码企业一', credit_code: inFileTwice }),
			saveEnterprise({ name: '重复代码企业二', credit_code: inFileTwice }),
			saveEnterprise({ name: '未知街道企业', street_code: '999999999' }),
			saveEnterprise({ name: '导入企业乙', address: null })
		];
		expect(await push(manager, batch)).toMatchObject([
			{ status: 'applied' },
			{ status: 'rejected', code: 'validation' },
			{ status: 'rejected', code: 'conflict' },
			{ status: 'applied' },
			{ status: 'rejected', code: 'conflict' },
			{ status: 'rejected', code: 'validation' },
			{ status: 'applied' }
		]);
		const { rows } = await db.query<{ name: string; address: string | null; industry: string }>(
			'select name, address, industry from app.enterprises where id = any ($1) order by name',
			[batch.map((entry) => entry.payload.id)]
		);
		expect(rows).toEqual([
			{ name: '导入企业乙', address: null, industry: '智能制造' },
			{ name: '导入企业甲', address: '天津市河北区建国道 66 号', industry: '智能制造' },
			{ name: '重复代码企业一', address: '天津市河北区建国道 66 号', industry: '智能制造' }
		]);
	});
});

describe('who may write what', () => {
	it('staff cannot save enterprises or projects; they can add contacts and notes', async () => {
		const id = await centerEnterprise();
		const contact = saveContact(id);
		const note = noteOn(id);
		expect(await push(assist, [saveEnterprise(), saveProject(id, assistId), contact, note])).toMatchObject([
			{ status: 'rejected', code: 'forbidden' },
			{ status: 'rejected', code: 'forbidden' },
			{ status: 'applied' },
			{ status: 'applied' }
		]);
		const { rows } = await db.query(
			'select name, phone, created_by_name from app.enterprise_contacts where id = $1',
			[contact.payload.id]
		);
		expect(rows).toEqual([{ name: '王经理', phone: '13800000001', created_by_name: staff.assist.name }]);
		const notes = await db.query('select note, staff_name from app.enterprise_notes where id = $1', [
			note.payload.id
		]);
		expect(notes.rows).toEqual([{ note: '企业反映用电增容需求', staff_name: staff.assist.name }]);
	});

	it('a contact is replaced whole and removed by saving with removed_at, keeping who added it', async () => {
		const id = await centerEnterprise();
		const contact = saveContact(id);
		expect(await push(assist, [contact])).toMatchObject(applied);
		const removedAt = new Date().toISOString();
		expect(
			await push(manager, [
				{
					...contact,
					op_id: randomUUID(),
					payload: { ...contact.payload, phone: null, removed_at: removedAt }
				}
			])
		).toMatchObject(applied);
		const { rows } = await db.query(
			'select phone, removed_at, created_by_name from app.enterprise_contacts where id = $1',
			[contact.payload.id]
		);
		expect(rows).toEqual([
			{ phone: null, removed_at: new Date(removedAt), created_by_name: staff.assist.name }
		]);
	});

	it('a manager saves a project: the steward’s name is the server’s; a steward of another hall is not found', async () => {
		const id = await centerEnterprise();
		const project = saveProject(id, assistId);
		expect(await push(manager, [project, saveProject(id, stationAssistId)])).toMatchObject([
			{ status: 'applied' },
			{ status: 'rejected', code: 'not_found' }
		]);
		const { rows } = await db.query<{ stage: string; steward_name: string; milestones: unknown[] }>(
			'select stage, steward_name, milestones from app.enterprise_projects where id = $1',
			[project.payload.id]
		);
		expect(rows[0]).toMatchObject({ stage: 'approval', steward_name: staff.assist.name });
		expect(rows[0]?.milestones).toHaveLength(2);
	});

	it('milestones with the same key, a bad date or a blank label are refused', async () => {
		const id = await centerEnterprise();
		const milestone = { key: 'permit', label: '取得施工许可', due_on: '2027-03-01', done_on: null };
		expect(
			await push(manager, [
				saveProject(id, assistId, { milestones: [milestone, milestone] }),
				saveProject(id, assistId, { milestones: [{ ...milestone, due_on: '2027-02-30' }] }),
				saveProject(id, assistId, { milestones: [{ ...milestone, label: '  ' }] })
			])
		).toMatchObject([
			{ status: 'rejected', code: 'validation' },
			{ status: 'rejected', code: 'validation' },
			{ status: 'rejected', code: 'validation' }
		]);
	});
});

describe('hall isolation', () => {
	const pulledIds = async (client: SyncClient, table: string) =>
		new Set(
			(await pullAll(client, FIRST_CURSOR)).pages
				.flatMap((page) => page.changes)
				.filter((change) => change.table === table)
				.map((change) => change.row['id'])
		);

	it('another hall’s enterprise, contacts, projects and notes are not pulled', async () => {
		const id = await centerEnterprise();
		const contact = saveContact(id);
		const project = saveProject(id, assistId);
		const note = noteOn(id);
		expect(await push(manager, [contact, project, note])).toMatchObject([
			{ status: 'applied' },
			{ status: 'applied' },
			{ status: 'applied' }
		]);
		expect(await pulledIds(assist, 'enterprises')).toContain(id);
		expect(await pulledIds(assist, 'enterprise_contacts')).toContain(contact.payload.id);
		expect(await pulledIds(stationManager, 'enterprises')).not.toContain(id);
		expect(await pulledIds(stationManager, 'enterprise_contacts')).not.toContain(contact.payload.id);
		expect(await pulledIds(stationManager, 'enterprise_projects')).not.toContain(project.payload.id);
		expect(await pulledIds(stationManager, 'enterprise_notes')).not.toContain(note.payload.id);
	});

	it('another hall’s ids are not found, whatever the op', async () => {
		const id = await centerEnterprise();
		const contact = saveContact(id);
		expect(await push(assist, [contact])).toMatchObject(applied);
		const results = await push(stationManager, [
			saveEnterprise({ id }),
			saveContact(id),
			{ ...contact, op_id: randomUUID(), payload: { ...contact.payload, name: '改名' } },
			saveProject(id, stationAssistId),
			noteOn(id)
		]);
		expect(results).toMatchObject(
			Array.from({ length: 5 }, () => ({ status: 'rejected', code: 'not_found' }))
		);
		expect((await enterprise(id))?.['hall_id']).toBe(center);
	});
});

describe('the demo data (supabase/seed-enterprises.sql)', () => {
	// The seed's contacts by their ids (pg_temp.demo_id(2, n)): the torture run adds contacts to the same enterprises.
	it('about 20 enterprises of the center and 3 of the station, each with 1–2 contacts, all demo', async () => {
		const { rows } = await db.query<{ hall_id: string; enterprises: number; contacts: number[] }>(
			`select e.hall_id, count(*)::int as enterprises,
			        array_agg((select count(*)::int from app.enterprise_contacts c where c.enterprise_id = e.id
			                   and c.id::text like 'e2000000-%')) as contacts
			 from app.enterprises e where e.is_demo group by e.hall_id order by e.hall_id`
		);
		expect(rows.map((row) => [row.hall_id, row.enterprises])).toEqual([
			[center, 20],
			[station, 3]
		]);
		expect(rows.flatMap((row) => row.contacts).every((count) => count >= 1 && count <= 2)).toBe(true);
	});

	// The seed's own visits and follow-ups (pg_temp.demo_id(5, n), (6, n)): the torture run visits the same enterprises.
	it('shows every traffic light, a running visit, a far one and one without position, and every kind of follow-up', async () => {
		// The visit plan of src/lib/domain/visit-plan.ts, restated: due N days after the last check-in's hall day, or
		// after the hall day of created_at when never visited.
		const { rows: lights } = await db.query<{ light: string }>(
			`select distinct case
			   when e.archived_at is not null then 'archived'
			   when e.visit_every_days is null then 'none'
			   when due < app.hall_day(now()) then 'overdue'
			   when due <= app.hall_day(now()) + 6 then 'due_soon'
			   else 'on_plan' end as light
			 from app.enterprises e,
			   lateral (select coalesce((select max(app.hall_day(v.check_in_at)) from app.visits v where v.enterprise_id = e.id
			     and v.id::text like 'e5000000-%'),
			     app.hall_day(e.created_at)) + coalesce(e.visit_every_days, 0) as due) d
			 where e.is_demo and e.hall_id = $1`,
			[center]
		);
		expect(lights.map((row) => row.light).sort()).toEqual([
			'archived',
			'due_soon',
			'none',
			'on_plan',
			'overdue'
		]);
		const { rows: visits } = await db.query<{ running: number; no_position: number }>(
			`select count(*) filter (where v.check_out_at is null)::int as running,
			        count(*) filter (where v.check_in_geo <> 'fix')::int as no_position
			 from app.visits v join app.enterprises e on e.id = v.enterprise_id
			 where e.is_demo and v.id::text like 'e5000000-%'`
		);
		expect(visits[0]?.running).toBeGreaterThan(0);
		expect(visits[0]?.no_position).toBeGreaterThan(0);
		const { rows: follow } = await db.query<{ state: string }>(
			`select distinct case
			   when f.status in ('done', 'cannot_solve') then f.status::text
			   when f.due_on < app.hall_day(now()) then 'overdue'
			   when f.due_on = app.hall_day(now()) then 'due_today'
			   else 'open' end as state
			 from app.follow_ups f join app.enterprises e on e.id = f.enterprise_id
			 where e.is_demo and f.id::text like 'e6000000-%'`
		);
		expect(follow.map((row) => row.state).sort()).toEqual([
			'cannot_solve',
			'done',
			'due_today',
			'open',
			'overdue'
		]);
	});
});
