import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createAccount } from '../sync/support/people';
import { at, DEMO_ITEM_VERSION, SEED_CENTER, type Person } from '../reports/fixture';

/**
 * A world of its own for staff workload and the monthly ledger: a district center with a station and an unrelated
 * hall, their people, and October 2026 of the center's rows (plus their edges in September and November), inserted
 * as the superuser. The counts they make are written out by hand in the tests (assessment/workload.test.ts,
 * ledger/ledger.test.ts); the comments here say which row is there for which count. Nothing seeded is touched.
 *
 * October 2026: Thursday 1st … Saturday 31st, 22 open days (1–2, 5–9, 12–16, 19–23, 26–30).
 */

export { at, type Person };

export interface AssessmentWorld {
	center: string;
	station: string;
	other: string;
	/** The center's people: A (intake) and B (assist) do the work, M manages, E left with work, D left without. */
	a: Person;
	b: Person;
	m: Person;
	e: Person;
	d: Person;
	stationManager: Person;
	otherManager: Person;
	/** Ids of the rows the ledger's evidence must point at, by the names the comments use. */
	ids: Record<string, string>;
}

export async function createAssessmentWorld(db: pg.Pool): Promise<AssessmentWorld> {
	const tag = randomBytes(4).toString('hex');
	const center = randomUUID();
	const station = randomUUID();
	const other = randomUUID();
	await db.query(
		`insert into app.halls (id, code, name, kind, parent_hall_id) values
		   ($1, $4, '考核测试中心', 'district_center', null),
		   ($2, $5, '考核测试街道站', 'street_station', $1),
		   ($3, $6, '考核测试另一中心', 'district_center', null)`,
		[center, station, other, `asm-center-${tag}`, `asm-station-${tag}`, `asm-other-${tag}`]
	);
	const person = async (
		key: string,
		name: string,
		hall: string,
		post: 'intake' | 'assist' | 'manager'
	): Promise<Person> => {
		const email = `${key}-${tag}@assessment.test`;
		const userId = await createAccount(db, email, { hall, post, name });
		const { rows } = await db.query<{ id: string }>('select id from app.staff where user_id = $1', [userId]);
		return { email, userId, staffId: rows[0]?.id ?? '' };
	};
	const world: AssessmentWorld = {
		center,
		station,
		other,
		a: await person('a', 'A 王芳', center, 'intake'),
		b: await person('b', 'B 李娜', center, 'assist'),
		m: await person('m', 'M 刘洋', center, 'manager'),
		e: await person('e', 'E 赵强', center, 'intake'),
		d: await person('d', 'D 孙丽', center, 'intake'),
		stationManager: await person('stationmanager', 'S 周敏', station, 'manager'),
		otherManager: await person('othermanager', 'O 吴刚', other, 'manager'),
		ids: {}
	};
	// Incident limits in minutes (respond, resolve): severity 1 60, 2 240, 3 1440, 4 2880.
	await db.query(
		`update app.incident_limits set respond_minutes_1 = 30, resolve_minutes_1 = 60, respond_minutes_2 = 30,
		   resolve_minutes_2 = 240, respond_minutes_3 = 30, resolve_minutes_3 = 1440, respond_minutes_4 = 30,
		   resolve_minutes_4 = 2880
		 where id = any ($1)`,
		[[center, station, other]]
	);
	const rows = new Rows(db, world, tag);
	await rows.serviceRecords();
	await rows.prechecks();
	await rows.patrols();
	await rows.incidents();
	await rows.visitsAndFollowUps();
	await rows.stationMonths();
	await rows.otherHallsAugust();
	await db.query('update app.staff set active = false where id = any ($1)', [
		[world.e.staffId, world.d.staffId]
	]);
	return world;
}

type Mark = [string, 'present' | 'missing'];
type Round = { at: string; missing?: string[]; newGaps?: string[]; by: Person };

class Rows {
	private item = '';
	private version = '';
	private notices = 0;
	private tickets = 0;

	constructor(
		private readonly db: pg.Pool,
		private readonly w: AssessmentWorld,
		private readonly tag: string
	) {}

	async serviceRecords(): Promise<void> {
		const { a, b, e } = this.w;
		// A opens R1 (events: A consults, B accepts) and R2 on the last evening; E opens R5 before leaving. R4 is
		// deleted (not counted); R3 is of November 1st 00:00 (not October's).
		await this.record('R1', '2026-10-08', at('2026-10-08', '09:00'), a, [
			['consult', a],
			['accept', b]
		]);
		await this.record('R2', '2026-10-31', at('2026-10-31', '23:59'), a, [['consult', a]]);
		await this.record('R3', '2026-11-01', at('2026-11-01', '00:00'), b, [['consult', b]]);
		await this.record('R4', '2026-10-09', at('2026-10-09', '10:00'), a, [['consult', a]], true);
		await this.record('R5', '2026-10-20', at('2026-10-20', '10:00'), e, []);
	}

	private async record(
		name: string,
		day: string,
		openedAt: string,
		by: Person,
		events: [string, Person][],
		deleted = false,
		hall = this.w.center
	): Promise<void> {
		const id = randomUUID();
		this.tickets += 1;
		await this.db.query(
			`insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, first_responder_id,
			   first_responder_name, opened_at, deleted_at)
			 values ($1, $2, $3, $4, $4, $5, 'x', $6, case when $7::boolean then now() end)`,
			[id, hall, day, `T${String(this.tickets).padStart(3, '0')}`, by.staffId, openedAt, deleted]
		);
		for (const [kind, who] of events) {
			await this.db.query(
				`insert into app.service_record_events (id, record_id, hall_id, kind, staff_id, staff_name, occurred_at)
				 values (gen_random_uuid(), $1, $2, $3, $4, 'x', $5)`,
				[id, hall, kind, who.staffId, openedAt]
			);
		}
		this.w.ids[name] = id;
	}

	async prechecks(): Promise<void> {
		const { a, b } = this.w;
		this.item = randomUUID();
		this.version = randomUUID();
		for (const hall of [this.w.center, this.w.station]) {
			const item = hall === this.w.center ? this.item : randomUUID();
			const version = hall === this.w.center ? this.version : randomUUID();
			await this.db.query(
				`insert into app.service_items (id, hall_id, code, current_version_id) values ($1, $2, 'HB-QYKB-0001', $3)`,
				[item, hall, version]
			);
			await this.db.query(
				`insert into app.service_item_versions (id, item_id, hall_id, revision, name_zh, name_en, scope, legal_days,
				   promised_days, where_to_apply, online_url, fee, aliases, search_keys, situations, questions, materials,
				   published_by, published_by_name, published_at)
				 select $1, $2, $3, 1, name_zh, name_en, scope, legal_days, promised_days, where_to_apply, online_url, fee,
				   aliases, search_keys, situations, questions, materials, $4, 'x', now()
				 from app.service_item_versions where id = $5`,
				[version, item, hall, this.w.m.staffId, DEMO_ITEM_VERSION]
			);
			if (hall === this.w.station) this.stationItem = { item, version };
		}
		// P1: complete at once (A). P2 (A): a notice; back on the 13th to a new gap (a broken promise, B) and on the
		// 14th to another (the same notice: counted once). P3 (A, September): back on October 2nd to a new gap (A).
		// P4 (B): a notice broken in November only. P5 (A, September): broken in September first, again in October
		// (B): not October's.
		await this.precheck('P1', at('2026-10-08', '10:00'), a, [{ at: at('2026-10-08', '10:00'), by: a }]);
		await this.precheck('P2', at('2026-10-09', '10:00'), a, [
			{ at: at('2026-10-09', '10:00'), by: a, missing: ['articles'] },
			{ at: at('2026-10-13', '10:00'), by: b, missing: ['application_form'], newGaps: ['application_form'] },
			{ at: at('2026-10-14', '10:00'), by: b, missing: ['shareholder_ids'], newGaps: ['shareholder_ids'] }
		]);
		await this.precheck('P3', at('2026-09-28', '10:00'), a, [
			{ at: at('2026-09-28', '10:00'), by: a, missing: ['articles'] },
			{ at: at('2026-10-02', '10:00'), by: a, missing: ['application_form'], newGaps: ['application_form'] }
		]);
		await this.precheck('P4', at('2026-10-20', '10:00'), b, [
			{ at: at('2026-10-20', '10:00'), by: b, missing: ['articles'] },
			{ at: at('2026-11-02', '10:00'), by: b, missing: ['application_form'], newGaps: ['application_form'] }
		]);
		await this.precheck('P5', at('2026-09-25', '10:00'), a, [
			{ at: at('2026-09-25', '10:00'), by: a, missing: ['articles'] },
			{ at: at('2026-09-29', '10:00'), by: a, missing: ['application_form'], newGaps: ['application_form'] },
			{ at: at('2026-10-05', '10:00'), by: b, missing: ['shareholder_ids'], newGaps: ['shareholder_ids'] }
		]);
	}

	private stationItem = { item: '', version: '' };

	private async precheck(
		name: string,
		createdAt: string,
		by: Person,
		rounds: Round[],
		hall = this.w.center
	): Promise<void> {
		const id = randomUUID();
		const last = rounds[rounds.length - 1];
		const complete = !last?.missing?.length;
		const notice = rounds.length > 1 || !complete;
		this.notices += 1;
		const { item, version } =
			hall === this.w.center ? { item: this.item, version: this.version } : this.stationItem;
		const n = String(this.notices).padStart(2, '0');
		await this.db.query(
			`insert into app.prechecks (id, hall_id, item_id, item_version_id, answers, language, status, notice_no,
			   public_token, staff_id, staff_name, staff_post, created_at, completed_at)
			 values ($1, $2, $3, $4, '{}', 'zh', $5::app.precheck_status, $6, $7, $8, 'x', 'intake', $9, $10)`,
			[
				id,
				hall,
				item,
				version,
				complete ? 'complete' : 'open',
				notice ? `261001-K7-${n}` : null,
				notice ? `${this.tag}${'B'.repeat(12)}${n}` : null,
				by.staffId,
				createdAt,
				complete ? last?.at : null
			]
		);
		let roundNo = 0;
		for (const round of rounds) {
			roundNo += 1;
			const marks: Mark[] = ['application_form', 'articles', 'shareholder_ids'].map((key) => [
				key,
				round.missing?.includes(key) ? 'missing' : 'present'
			]);
			const newGaps = round.newGaps ?? [];
			await this.db.query(
				`insert into app.precheck_rounds (id, precheck_id, hall_id, round_no, marks, result, new_gap_keys,
				   broken_promise_reason, promise_staff_id, staff_id, staff_name, checked_at)
				 values (gen_random_uuid(), $1, $2, $3, $4, $5::app.round_result, $6::text[],
				   case when cardinality($6::text[]) > 0 then '未告知' end,
				   case when cardinality($6::text[]) > 0 then $7::uuid end, $8, 'x', $9)`,
				[
					id,
					hall,
					roundNo,
					JSON.stringify(
						marks.map(([key, status]) => ({ material_key: key, status, reason: null, reason_text: null }))
					),
					round.missing?.length ? 'incomplete' : 'complete',
					newGaps,
					by.staffId,
					round.by.staffId,
					round.at
				]
			);
		}
		this.w.ids[name] = id;
	}

	async patrols(): Promise<void> {
		const { a, b } = this.w;
		const [one, two, retired] = [randomUUID(), randomUUID(), randomUUID()];
		const items = JSON.stringify([{ key: 'clean', label_zh: '整洁', label_en: 'Clean' }]);
		await this.db.query(
			`insert into app.checkpoints (id, hall_id, name_zh, name_en, position, items, retired_at) values
			   ($1, $4, '入口', 'Entrance', 1, $5, null), ($2, $4, '自助区', 'Self-service', 2, $5, null),
			   ($3, $4, '旧机房', 'Old room', 3, $5, now())`,
			[one, two, retired, this.w.center, items]
		);
		// One window, 08:30–09:00, grace 15: started by 09:15 is on time.
		await this.plan(this.w.center);
		// name, by, day, window, started, finished, checkpoints checked
		const rounds: [string, Person, string, string | null, string, string | null, string[]][] = [
			// October 1st–7th are the National Day holiday and Saturday the 10th a worked day (app.calendar_days):
			// the hall is open on 18 days, the 8th first.
			['W8', a, '2026-10-08', 'am', '08:40', '08:55', [one, two]], // on time
			['W9', a, '2026-10-09', 'am', '09:30', '09:45', [one, two]], // late: the window late
			['W12', a, '2026-10-12', 'am', '08:35', '08:50', [one]], // on time, incomplete
			['W13late', b, '2026-10-13', 'am', '09:20', '09:35', [one, two]], // a late round of an on-time window
			['W13', b, '2026-10-13', 'am', '08:40', '08:55', [one, two]], // on time
			['W14', b, '2026-10-14', 'am', '08:40', null, [one]], // never finished: neither missed nor late
			['X17', b, '2026-10-17', null, '10:00', '10:10', []], // Saturday, extra, incomplete (2 missing)
			['S30', a, '2026-09-30', 'am', '09:40', '09:50', [one]], // September: not October's
			['N2', a, '2026-11-02', 'am', '08:40', '08:50', [one]] // November: not October's
		];
		for (const [name, by, day, window, started, finished, checked] of rounds) {
			this.w.ids[name] = await this.round(this.w.center, by, day, window, started, finished, checked);
		}
	}

	private async plan(hall: string): Promise<void> {
		await this.db.query(
			`insert into app.patrol_plans (id, hall_id, windows, grace_minutes, min_scan_interval_seconds)
			 values (gen_random_uuid(), $1, $2, 15, 0)`,
			[
				hall,
				JSON.stringify([{ key: 'am', label_zh: '上午', label_en: 'Morning', start: '08:30', end: '09:00' }])
			]
		);
	}

	private async round(
		hall: string,
		by: Person,
		day: string,
		window: string | null,
		started: string,
		finished: string | null,
		checked: string[]
	): Promise<string> {
		const id = randomUUID();
		await this.db.query(
			`insert into app.patrol_rounds (id, hall_id, staff_id, staff_name, day, window_key, started_at, finished_at)
			 values ($1, $2, $3, 'x', $4, $5, $6, $7)`,
			[id, hall, by.staffId, day, window, at(day, started), finished && at(day, finished)]
		);
		for (const checkpoint of checked) {
			await this.db.query(
				`insert into app.patrol_checks (id, round_id, hall_id, checkpoint_id, identified_by, checked_at, results,
				   same_as_last)
				 values (gen_random_uuid(), $1, $2, $3, 'scan', $4, '[{"item_key":"clean","status":"ok","note":null}]', false)`,
				[id, hall, checkpoint, at(day, started)]
			);
		}
		return id;
	}

	async incidents(): Promise<void> {
		const { a, b, m } = this.w;
		// name, reporter, category, severity, status, assignee, reported, resolved, closed
		const rows: [
			string,
			Person,
			string,
			number,
			string,
			Person | null,
			string,
			string | null,
			string | null
		][] = [
			// I1: a complaint resolved in time and closed: reported only.
			[
				'I1',
				a,
				'complaint',
				2,
				'closed',
				b,
				at('2026-10-08', '10:00'),
				at('2026-10-08', '12:00'),
				at('2026-10-09', '10:00')
			],
			// I2: a complaint resolved 2 hours over its 4, not closed: reported, open, over its limit (the 12th).
			['I2', a, 'complaint', 2, 'resolved', b, at('2026-10-12', '10:00'), at('2026-10-12', '16:00'), null],
			// I3: due October 31st 10:00, still open: over its limit (the 31st).
			['I3', b, 'equipment', 3, 'assigned', m, at('2026-10-30', '10:00'), null, null],
			// I4: due November 1st 20:00: November's, if anyone's.
			['I4', b, 'equipment', 3, 'assigned', m, at('2026-10-31', '20:00'), null, null],
			// I5: a complaint of the last minute of October: reported, open.
			['I5', a, 'complaint', 4, 'reported', null, at('2026-10-31', '23:59'), null, null],
			// I6: a complaint of the first minute of November: not October's.
			['I6', a, 'complaint', 4, 'reported', null, at('2026-11-01', '00:00'), null, null],
			// I7: reported in September, due October 1st 00:30, resolved 01:00: over its limit in October (the 1st).
			['I7', b, 'hazard', 1, 'resolved', m, at('2026-09-30', '23:30'), at('2026-10-01', '01:00'), null],
			// I8: a September complaint, over its limit in September, still open: not October's.
			['I8', a, 'complaint', 2, 'in_progress', b, at('2026-09-20', '10:00'), null, null]
		];
		for (const [name, reporter, category, severity, status, assignee, reported, resolved, closed] of rows) {
			this.w.ids[name] = await this.incident(
				this.w.center,
				reporter,
				category,
				severity,
				status,
				assignee,
				reported,
				resolved,
				closed
			);
		}
		// Steps (events other than the report): M assigns I1 and I2 and closes I1, resolves I7 (assigned in
		// September); B resolves I1 and I2.
		const steps: [string, Person, string, string][] = [
			['I1', m, 'assigned', at('2026-10-08', '10:05')],
			['I1', b, 'resolved', at('2026-10-08', '12:00')],
			['I1', m, 'closed', at('2026-10-09', '10:00')],
			['I2', m, 'assigned', at('2026-10-12', '10:05')],
			['I2', b, 'resolved', at('2026-10-12', '16:00')],
			['I7', m, 'assigned', at('2026-09-30', '23:40')],
			['I7', m, 'resolved', at('2026-10-01', '01:00')]
		];
		for (const [name, who, kind, when] of steps) {
			await this.db.query(
				`insert into app.incident_events (id, incident_id, hall_id, kind, staff_id, staff_name, occurred_at)
				 values (gen_random_uuid(), $1, $2, $3, $4, 'x', $5)`,
				[this.w.ids[name], this.w.center, kind, who.staffId, when]
			);
		}
	}

	private async incident(
		hall: string,
		reporter: Person,
		category: string,
		severity: number,
		status: string,
		assignee: Person | null,
		reported: string,
		resolved: string | null,
		closed: string | null
	): Promise<string> {
		const id = randomUUID();
		await this.db.query(
			`insert into app.incidents (id, hall_id, category, severity, place, description, reporter_id, reporter_name,
			   reported_at, status, assignee_id, assignee_name, responded_at, resolved_at, closed_at)
			 values ($1, $2, $3, $4, '等候区', '测试', $5, 'x', $6, $7, $8, $9, $10, $11, $12)`,
			[
				id,
				hall,
				category,
				severity,
				reporter.staffId,
				reported,
				status,
				assignee?.staffId ?? null,
				assignee ? 'x' : null,
				assignee ? reported : null,
				resolved,
				closed
			]
		);
		await this.db.query(
			`insert into app.incident_events (id, incident_id, hall_id, kind, staff_id, staff_name, occurred_at)
			 values (gen_random_uuid(), $1, $2, 'reported', $3, 'x', $4)`,
			[id, hall, reporter.staffId, reported]
		);
		return id;
	}

	async visitsAndFollowUps(): Promise<void> {
		const { a, b, m } = this.w;
		const enterprise = randomUUID();
		await this.db.query(
			`insert into app.enterprises (id, hall_id, name, credit_code, street_code, created_at, updated_by,
			   updated_by_name)
			 select $1, $2, e.name, e.credit_code, e.street_code, now(), $3, 'x'
			 from (select * from app.enterprises where hall_id = $4 order by credit_code limit 1) e`,
			[enterprise, this.w.center, m.staffId, SEED_CENTER]
		);
		// V1: A with B along; V2: B at the last minute of October; V3: B at the first of November (not October's).
		const visits: [Person, string[], string][] = [
			[a, [b.staffId], at('2026-10-08', '10:00')],
			[b, [], at('2026-10-31', '23:59')],
			[b, [], at('2026-11-01', '00:00')]
		];
		for (const [by, companions, checkIn] of visits) {
			await this.db.query(
				`insert into app.visits (id, hall_id, enterprise_id, kind, staff_id, staff_name, companion_ids, check_in_at,
				   check_in_geo, saved_at)
				 values (gen_random_uuid(), $1, $2, 'onsite', $3, 'x', $4, $5, 'denied', $5)`,
				[this.w.center, enterprise, by.staffId, companions, checkIn]
			);
		}
		// name, opened by, owner, opened, due, status, closed
		const followUps: [string, Person, Person, string, string, string, string | null][] = [
			// F1: September's, due September 30th, still open: overdue at October's end (due day the 30th).
			['F1', a, a, at('2026-09-10', '10:00'), '2026-09-30', 'open', null],
			// F2: due October 31st: not before the month's last day, so not overdue.
			['F2', a, b, at('2026-10-05', '10:00'), '2026-10-31', 'open', null],
			// F3: due October 20th, done only in November: overdue at October's end.
			['F3', b, b, at('2026-10-05', '11:00'), '2026-10-20', 'done', at('2026-11-05', '10:00')],
			// F4: due the 10th, done the 15th: closed by the month's end.
			['F4', a, b, at('2026-10-01', '10:00'), '2026-10-10', 'done', at('2026-10-15', '10:00')],
			// F5: cannot be solved, closed by M on the 31st at 23:00.
			['F5', b, b, at('2026-10-01', '11:00'), '2026-10-30', 'cannot_solve', at('2026-10-31', '23:00')]
		];
		for (const [name, opener, owner, opened, due, status, closed] of followUps) {
			const id = randomUUID();
			await this.db.query(
				`insert into app.follow_ups (id, hall_id, enterprise_id, demand, owner_id, owner_name, due_on, status,
				   opened_by, opened_by_name, opened_at, closed_at, reason)
				 values ($1, $2, $3, $4, $5, 'x', $6, $7::app.follow_up_status, $8, 'x', $9, $10,
				   case when $7::text = 'cannot_solve' then '无法解决' end)`,
				[
					id,
					this.w.center,
					enterprise,
					`诉求 ${name}`,
					owner.staffId,
					due,
					status,
					opener.staffId,
					opened,
					closed
				]
			);
			this.w.ids[name] = id;
			await this.followUpEvent(name, opener, 'opened', opened);
		}
		// Steps: B starts F4 and closes it; M gives up F5 (closed); A notes on F2 and M reassigns it; B closes F3 in
		// November (not October's).
		await this.followUpEvent('F4', b, 'started', at('2026-10-02', '10:00'));
		await this.followUpEvent('F4', b, 'done', at('2026-10-15', '10:00'));
		await this.followUpEvent('F5', m, 'cannot_solve', at('2026-10-31', '23:00'));
		await this.followUpEvent('F2', a, 'note', at('2026-10-06', '10:00'));
		await this.followUpEvent('F2', m, 'reassigned', at('2026-10-07', '10:00'));
		await this.followUpEvent('F3', b, 'done', at('2026-11-05', '10:00'));
	}

	private async followUpEvent(name: string, who: Person, kind: string, when: string): Promise<void> {
		await this.db.query(
			`insert into app.follow_up_events (id, hall_id, follow_up_id, kind, staff_id, staff_name, owner_id, owner_name,
			   note, occurred_at)
			 values (gen_random_uuid(), $1, $2, $3::app.follow_up_event_kind, $4, 'x',
			   case when $3::text = 'reassigned' then $4::uuid end, case when $3::text = 'reassigned' then 'x' end,
			   case when $3::text = 'note' then '备注' end, $5)`,
			[this.w.center, this.w.ids[name], kind, who.staffId, when]
		);
	}

	/**
	 * The station (no patrol plan): in October six complaints, each resolved in time and closed (−2 each, capped
	 * at −10), and five notices broken on return (−2 each: −10): exactly 80. In September twenty pre-checks, 18
	 * complete at once (exactly 90 %): the bonus, held at 100.
	 */
	async stationMonths(): Promise<void> {
		const s = this.w.stationManager;
		for (let n = 1; n <= 6; n++) {
			const day = `2026-10-${String(n + 4).padStart(2, '0')}`;
			this.w.ids[`SC${n}`] = await this.incident(
				this.w.station,
				s,
				'complaint',
				2,
				'closed',
				s,
				at(day, '10:00'),
				at(day, '11:00'),
				at(day, '12:00')
			);
		}
		for (let n = 1; n <= 5; n++) {
			const day = `2026-10-${String(n + 11).padStart(2, '0')}`;
			await this.precheck(
				`SP${n}`,
				at(day, '09:00'),
				s,
				[
					{ at: at(day, '09:00'), by: s, missing: ['articles'] },
					{ at: at(day, '15:00'), by: s, missing: ['application_form'], newGaps: ['application_form'] }
				],
				this.w.station
			);
		}
		for (let n = 1; n <= 20; n++) {
			const day = `2026-09-${String(n + 1).padStart(2, '0')}`;
			await this.precheck(
				`SQ${n}`,
				at(day, '09:00'),
				s,
				[{ at: at(day, '09:00'), by: s, missing: n <= 2 ? ['articles'] : [] }],
				this.w.station
			);
		}
	}

	/**
	 * The other hall: a plan, and every open day of August 2026 (21) its window's round on time; one complaint
	 * (−2) then the patrol bonus (+2): 100.
	 */
	async otherHallsAugust(): Promise<void> {
		const o = this.w.otherManager;
		await this.plan(this.w.other);
		const checkpoint = randomUUID();
		await this.db.query(
			`insert into app.checkpoints (id, hall_id, name_zh, name_en, position, items)
			 values ($1, $2, '入口', 'Entrance', 1, '[{"key":"clean","label_zh":"整洁","label_en":"Clean"}]')`,
			[checkpoint, this.w.other]
		);
		for (let n = 1; n <= 31; n++) {
			const day = `2026-08-${String(n).padStart(2, '0')}`;
			const weekday = new Date(`${day}T12:00:00Z`).getUTCDay();
			if (weekday === 0 || weekday === 6) continue;
			await this.round(this.w.other, o, day, 'am', '08:40', '08:50', [checkpoint]);
		}
		await this.incident(
			this.w.other,
			o,
			'complaint',
			2,
			'closed',
			o,
			at('2026-08-10', '10:00'),
			at('2026-08-10', '11:00'),
			at('2026-08-10', '12:00')
		);
	}
}
