import { randomBytes, randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createAccount } from '../sync/support/people';

/**
 * A small world of its own for the report tests: a district center with one street station and an unrelated
 * hall, each with its own people, and a week of rows (2026-11-02 Monday … 2026-11-08 Sunday) inserted as the
 * superuser. Nothing of the seeded halls is touched. The figures these rows make are written out by hand in
 * report.test.ts; the comments here say which row is there for which figure.
 */

export const DEMO_ITEM_VERSION = 'e2100000-0000-4000-8000-000000000001'; // seed: HB-QYKB-0001 公司设立登记
export const SEED_CENTER = 'a0000000-0000-4000-8000-000000000001';

/** A hall clock time on a hall day, as an instant (UTC+8). */
export const at = (day: string, clock: string): string => `${day}T${clock}:00+08:00`;

export interface Person {
	email: string;
	userId: string;
	staffId: string;
}

export interface ReportWorld {
	center: string;
	station: string;
	other: string;
	centerManager: Person;
	centerIntake: Person;
	stationManager: Person;
	otherManager: Person;
	checkpoints: { entrance: string; selfService: string; retired: string };
}

export async function createWorld(db: pg.Pool): Promise<ReportWorld> {
	const tag = randomBytes(4).toString('hex');
	const center = randomUUID();
	const station = randomUUID();
	const other = randomUUID();
	await db.query(
		`insert into app.halls (id, code, name, kind, parent_hall_id) values
		   ($1, $4, '报表测试中心', 'district_center', null),
		   ($2, $5, '报表测试街道站', 'street_station', $1),
		   ($3, $6, '报表测试另一中心', 'district_center', null)`,
		[center, station, other, `rpt-center-${tag}`, `rpt-station-${tag}`, `rpt-other-${tag}`]
	);
	const person = async (name: string, hall: string, post: 'intake' | 'manager'): Promise<Person> => {
		const email = `${name}-${tag}@report.test`;
		const userId = await createAccount(db, email, { hall, post, name });
		const { rows } = await db.query<{ id: string }>('select id from app.staff where user_id = $1', [userId]);
		return { email, userId, staffId: rows[0]?.id ?? '' };
	};
	const world: ReportWorld = {
		center,
		station,
		other,
		centerManager: await person('centermanager', center, 'manager'),
		centerIntake: await person('centerintake', center, 'intake'),
		stationManager: await person('stationmanager', station, 'manager'),
		otherManager: await person('othermanager', other, 'manager'),
		checkpoints: { entrance: randomUUID(), selfService: randomUUID(), retired: randomUUID() }
	};
	await serviceRecords(db, world);
	await prechecks(db, world, tag);
	await incidents(db, world);
	await patrols(db, world);
	await visits(db, world);
	return world;
}

async function serviceRecords(db: pg.Pool, w: ReportWorld): Promise<void> {
	const records: [string, string, string, string | null, string, boolean, boolean, string[]][] = [
		// hall, ticket date, opened at, category, special groups, green channel, deleted, events
		[
			w.center,
			'2026-11-02',
			at('2026-11-02', '09:10'),
			'enterprise_setup',
			'{elderly}',
			false,
			false,
			['consult', 'accept']
		],
		[
			w.center,
			'2026-11-02',
			at('2026-11-02', '09:40'),
			'enterprise_setup',
			'{elderly,disabled}',
			true,
			false,
			['accept', 'guide_to_window', 'picked_up']
		],
		[
			w.center,
			'2026-11-03',
			at('2026-11-03', '14:05'),
			'consultation',
			'{}',
			false,
			false,
			['consult', 'consult']
		],
		// The edges: 23:59 belongs to its day, 00:00 to the next.
		[w.center, '2026-11-03', at('2026-11-03', '23:59'), null, '{foreigner}', false, false, ['note']],
		[w.center, '2026-11-04', at('2026-11-04', '00:00'), 'other_approval', '{}', false, false, []],
		// Outside: the day before, a deleted record, the day after.
		[
			w.center,
			'2026-11-01',
			at('2026-11-01', '23:59'),
			'credit_repair',
			'{elderly}',
			false,
			false,
			['consult']
		],
		[
			w.center,
			'2026-11-05',
			at('2026-11-05', '10:00'),
			'enterprise_setup',
			'{elderly}',
			true,
			true,
			['consult']
		],
		[
			w.center,
			'2026-11-09',
			at('2026-11-09', '00:00'),
			'credit_repair',
			'{pregnant}',
			false,
			false,
			['consult']
		],
		// The station's one visitor.
		[w.station, '2026-11-03', at('2026-11-03', '10:00'), 'one_thing', '{pregnant}', false, false, ['consult']]
	];
	let n = 0;
	for (const [hall, day, openedAt, category, groups, green, deleted, events] of records) {
		n += 1;
		const id = randomUUID();
		const responder = hall === w.center ? w.centerIntake : w.stationManager;
		await db.query(
			`insert into app.service_records (id, hall_id, ticket_date, ticket_no, raw_payload, category, special_groups,
			   green_channel, first_responder_id, first_responder_name, opened_at, deleted_at)
			 values ($1, $2, $3, $4, $4, $5, $6, $7, $8, 'x', $9, case when $10::boolean then now() end)`,
			[
				id,
				hall,
				day,
				`R${String(n).padStart(3, '0')}`,
				category,
				groups,
				green,
				responder.staffId,
				openedAt,
				deleted
			]
		);
		for (const kind of events) {
			await db.query(
				`insert into app.service_record_events (id, record_id, hall_id, kind, window_no, note, staff_id, staff_name,
				   occurred_at)
				 values (gen_random_uuid(), $1, $2, $3::app.service_event_kind,
				   case when $3::text = 'guide_to_window' then 3 end, case when $3::text = 'note' then '备注' end, $4, 'x',
				   $5)`,
				[id, hall, kind, responder.staffId, openedAt]
			);
		}
	}
}

type Mark = [string, 'present' | 'missing' | 'unacceptable'];

async function prechecks(db: pg.Pool, w: ReportWorld, tag: string): Promise<void> {
	const item = randomUUID();
	const version = randomUUID();
	await db.query(
		`insert into app.service_items (id, hall_id, code, current_version_id) values ($1, $2, 'HB-QYKB-0001', $3)`,
		[item, w.center, version]
	);
	await db.query(
		`insert into app.service_item_versions (id, item_id, hall_id, revision, name_zh, name_en, scope, legal_days,
		   promised_days, where_to_apply, online_url, fee, aliases, search_keys, situations, questions, materials,
		   published_by, published_by_name, published_at)
		 select $1, $2, $3, 1, name_zh, name_en, scope, legal_days, promised_days, where_to_apply, online_url, fee, aliases,
		   search_keys, situations, questions, materials, $4, 'x', now()
		 from app.service_item_versions where id = $5`,
		[version, item, w.center, w.centerManager.staffId, DEMO_ITEM_VERSION]
	);
	const all: Mark[] = [
		['application_form', 'present'],
		['articles', 'present'],
		['shareholder_ids', 'present']
	];
	const marks = (changes: Mark[]) =>
		JSON.stringify(
			all.map(([key, status]) => {
				const changed = changes.find(([k]) => k === key)?.[1] ?? status;
				return {
					material_key: key,
					status: changed,
					reason: changed === 'unacceptable' ? 'expired' : null,
					reason_text: null
				};
			})
		);
	// created, notice?, rounds: [checked at, marks, result, new gaps]
	const cases: [string, boolean, [string, string, 'complete' | 'incomplete', string[]][]][] = [
		// Complete at once.
		[at('2026-11-02', '10:00'), false, [[at('2026-11-02', '10:00'), marks([]), 'complete', []]]],
		// A notice; the applicant came back after the range, complete.
		[
			at('2026-11-02', '11:00'),
			true,
			[
				[
					at('2026-11-02', '11:00'),
					marks([
						['articles', 'missing'],
						['shareholder_ids', 'unacceptable']
					]),
					'incomplete',
					[]
				],
				[at('2026-11-10', '09:00'), marks([]), 'complete', []]
			]
		],
		// A notice; back twice, the first return naming a new gap (a broken promise), complete the second time.
		[
			at('2026-11-03', '09:00'),
			true,
			[
				[at('2026-11-03', '09:00'), marks([['articles', 'missing']]), 'incomplete', []],
				[
					at('2026-11-04', '09:00'),
					marks([['application_form', 'missing']]),
					'incomplete',
					['application_form']
				],
				[at('2026-11-05', '09:00'), marks([]), 'complete', []]
			]
		],
		// A notice, never back.
		[
			at('2026-11-04', '09:00'),
			true,
			[[at('2026-11-04', '09:00'), marks([['articles', 'missing']]), 'incomplete', []]]
		],
		// Before the range.
		[
			at('2026-11-01', '09:00'),
			true,
			[[at('2026-11-01', '09:00'), marks([['application_form', 'missing']]), 'incomplete', []]]
		]
	];
	let n = 0;
	for (const [createdAt, notice, rounds] of cases) {
		n += 1;
		const id = randomUUID();
		const last = rounds[rounds.length - 1];
		const complete = last?.[2] === 'complete';
		await db.query(
			`insert into app.prechecks (id, hall_id, item_id, item_version_id, answers, language, status, notice_no,
			   public_token, staff_id, staff_name, staff_post, created_at, completed_at)
			 values ($1, $2, $3, $4, '{}', 'zh', $5::app.precheck_status, $6, $7, $8, 'x', 'intake', $9, $10)`,
			[
				id,
				w.center,
				item,
				version,
				complete ? 'complete' : 'open',
				notice ? `261102-K7-${String(n).padStart(2, '0')}` : null,
				notice ? `${tag}${'A'.repeat(12)}${String(n).padStart(2, '0')}` : null,
				w.centerIntake.staffId,
				createdAt,
				complete ? last?.[0] : null
			]
		);
		let roundNo = 0;
		for (const [checkedAt, roundMarks, result, newGaps] of rounds) {
			roundNo += 1;
			await db.query(
				`insert into app.precheck_rounds (id, precheck_id, hall_id, round_no, marks, result, new_gap_keys,
				   broken_promise_reason, promise_staff_id, staff_id, staff_name, checked_at)
				 values (gen_random_uuid(), $1, $2, $3, $4, $5::app.round_result, $6::text[], case when cardinality($6::text[]) > 0 then '未告知' end,
				   case when cardinality($6::text[]) > 0 then $7::uuid end, $7, 'x', $8)`,
				[id, w.center, roundNo, roundMarks, result, newGaps, w.centerIntake.staffId, checkedAt]
			);
		}
	}
}

async function incidents(db: pg.Pool, w: ReportWorld): Promise<void> {
	// The center's own limit: severity 3 must be answered within 60 minutes (the default is 120).
	await db.query('update app.incident_limits set respond_minutes_3 = 60 where id = $1', [w.center]);
	// hall, category, severity, status, reported, responded, resolved, closed, callback
	const rows: [
		string,
		string,
		number,
		string,
		string,
		string | null,
		string | null,
		string | null,
		string | null
	][] = [
		[
			w.center,
			'complaint',
			2,
			'closed',
			at('2026-11-02', '09:00'),
			at('2026-11-02', '09:20'),
			at('2026-11-02', '12:00'),
			at('2026-11-02', '13:00'),
			'满意'
		],
		[
			w.center,
			'equipment',
			3,
			'resolved',
			at('2026-11-03', '10:00'),
			at('2026-11-03', '11:30'),
			at('2026-11-04', '09:00'),
			null,
			null
		],
		[w.center, 'hazard', 1, 'reported', at('2026-11-06', '23:59'), null, null, null, null],
		[
			w.center,
			'complaint',
			4,
			'in_progress',
			at('2026-11-05', '08:00'),
			at('2026-11-05', '18:00'),
			null,
			null,
			null
		],
		[
			w.center,
			'order',
			2,
			'assigned',
			at('2026-11-07', '00:00'),
			at('2026-11-07', '00:10'),
			null,
			null,
			null
		],
		[
			w.center,
			'complaint',
			3,
			'closed',
			at('2026-11-08', '10:00'),
			at('2026-11-08', '10:30'),
			at('2026-11-08', '11:00'),
			at('2026-11-10', '09:00'),
			'已回访'
		],
		[w.center, 'emergency', 1, 'reported', at('2026-11-09', '00:00'), null, null, null, null],
		[w.station, 'complaint', 2, 'reported', at('2026-11-04', '10:00'), null, null, null, null]
	];
	for (const [hall, category, severity, status, reported, responded, resolved, closed, callback] of rows) {
		const reporter = hall === w.center ? w.centerIntake : w.stationManager;
		const assignee = status === 'reported' ? null : w.centerManager;
		await db.query(
			`insert into app.incidents (id, hall_id, category, severity, place, description, reporter_id, reporter_name,
			   reported_at, status, assignee_id, assignee_name, responded_at, resolved_at, closed_at, callback_result)
			 values (gen_random_uuid(), $1, $2, $3, '大厅', '测试', $4, 'x', $5, $6, $7, $8, $9, $10, $11, $12)`,
			[
				hall,
				category,
				severity,
				reporter.staffId,
				reported,
				status,
				assignee?.staffId ?? null,
				assignee ? 'x' : null,
				responded,
				resolved,
				closed,
				callback
			]
		);
	}
}

async function patrols(db: pg.Pool, w: ReportWorld): Promise<void> {
	const items = JSON.stringify([
		{ key: 'clean', label_zh: '整洁', label_en: 'Clean' },
		{ key: 'light', label_zh: '照明', label_en: 'Lights' }
	]);
	const { entrance, selfService, retired } = w.checkpoints;
	await db.query(
		`insert into app.checkpoints (id, hall_id, name_zh, name_en, position, items, retired_at) values
		   ($1, $4, '大厅入口', 'Entrance', 1, $5, null),
		   ($2, $4, '自助区', 'Self-service', 2, $5, null),
		   ($3, $4, '旧机房', 'Old server room', 3, $5, now())`,
		[entrance, selfService, retired, w.center, items]
	);
	await db.query(
		`insert into app.patrol_plans (id, hall_id, windows, grace_minutes, min_scan_interval_seconds)
		 values (gen_random_uuid(), $1, $2, 15, 0)`,
		[
			w.center,
			JSON.stringify([
				{ key: 'am', label_zh: '上午', label_en: 'Morning', start: '08:30', end: '09:00' },
				{ key: 'pm', label_zh: '下午', label_en: 'Afternoon', start: '14:00', end: '14:30' }
			])
		]
	);
	const ok = { clean: 'ok', light: 'ok' } as const;
	// day, window, started, finished, checks [checkpoint, {item: status}]
	const rounds: [string, string | null, string, string | null, [string, Record<string, string>][]][] = [
		// Monday: morning on time, with one problem; afternoon late (deadline 14:45) and without the self-service.
		[
			'2026-11-02',
			'am',
			'08:40',
			'08:55',
			[
				[entrance, { clean: 'ok', light: 'problem' }],
				[selfService, ok]
			]
		],
		['2026-11-02', 'pm', '14:50', '15:00', [[entrance, { clean: 'problem', light: 'problem' }]]],
		// Tuesday: a late and an on-time round of the morning (on time wins); the afternoon's never finished.
		[
			'2026-11-03',
			'am',
			'09:20',
			'09:40',
			[
				[entrance, ok],
				[selfService, ok]
			]
		],
		[
			'2026-11-03',
			'am',
			'08:35',
			'08:50',
			[
				[entrance, ok],
				[selfService, ok]
			]
		],
		['2026-11-03', 'pm', '14:10', null, [[selfService, { clean: 'problem', light: 'ok' }]]],
		// Wednesday: no window round; one extra round.
		[
			'2026-11-04',
			null,
			'16:00',
			'16:20',
			[
				[entrance, ok],
				[selfService, ok]
			]
		],
		// Thursday: the morning on time, finished without any check.
		['2026-11-05', 'am', '08:30', '08:45', []],
		// Friday: a round of a window the plan does not have (extra).
		[
			'2026-11-06',
			'noon',
			'12:00',
			'12:10',
			[
				[entrance, ok],
				[selfService, ok]
			]
		],
		// Saturday: a closed day; its round is not a window's, but its problem and its missed checkpoint count.
		['2026-11-07', 'am', '08:40', '08:50', [[entrance, { clean: 'ok', light: 'problem' }]]],
		// The Monday after: outside.
		['2026-11-09', 'am', '08:40', '08:50', [[entrance, { clean: 'problem', light: 'problem' }]]]
	];
	for (const [day, window, started, finished, checks] of rounds) {
		const id = randomUUID();
		await db.query(
			`insert into app.patrol_rounds (id, hall_id, staff_id, staff_name, day, window_key, started_at, finished_at)
			 values ($1, $2, $3, 'x', $4, $5, $6, $7)`,
			[id, w.center, w.centerIntake.staffId, day, window, at(day, started), finished && at(day, finished)]
		);
		for (const [checkpoint, results] of checks) {
			await db.query(
				`insert into app.patrol_checks (id, round_id, hall_id, checkpoint_id, identified_by, checked_at, results,
				   same_as_last)
				 values (gen_random_uuid(), $1, $2, $3, 'scan', $4, $5, false)`,
				[
					id,
					w.center,
					checkpoint,
					at(day, started),
					JSON.stringify(
						Object.entries(results).map(([key, status]) => ({ item_key: key, status, note: null }))
					)
				]
			);
		}
	}
}

async function visits(db: pg.Pool, w: ReportWorld): Promise<void> {
	const enterprises = [randomUUID(), randomUUID()];
	await db.query(
		`insert into app.enterprises (id, hall_id, name, credit_code, street_code, created_at, updated_by,
		   updated_by_name)
		 select ($1::uuid[])[row_number() over (order by e.credit_code)], $2, e.name, e.credit_code, e.street_code, now(), $3, 'x'
		 from (select * from app.enterprises where hall_id = $4 order by credit_code limit 2) e`,
		[enterprises, w.center, w.centerManager.staffId, SEED_CENTER]
	);
	const [first, second] = enterprises;
	// enterprise, kind, check-in
	const rows: [string | undefined, string, string][] = [
		[first, 'onsite', at('2026-11-02', '10:00')],
		[first, 'stationed', at('2026-11-04', '09:00')],
		[second, 'onsite', at('2026-11-08', '23:59')],
		[second, 'onsite', at('2026-11-09', '00:00')]
	];
	for (const [enterprise, kind, checkIn] of rows) {
		await db.query(
			`insert into app.visits (id, hall_id, enterprise_id, kind, staff_id, staff_name, companion_ids, check_in_at,
			   check_in_geo, saved_at)
			 values (gen_random_uuid(), $1, $2, $3, $4, 'x', '{}', $5, 'denied', $5)`,
			[w.center, enterprise, kind, w.centerIntake.staffId, checkIn]
		);
	}
	// opened, due, status, closed
	const followUps: [string, string, string, string | null][] = [
		[at('2026-11-02', '10:30'), '2026-11-05', 'done', at('2026-11-04', '10:00')],
		[at('2026-11-03', '10:00'), '2026-11-06', 'open', null],
		[at('2026-10-20', '10:00'), '2026-10-25', 'cannot_solve', at('2026-11-05', '10:00')],
		[at('2026-11-04', '10:00'), '2026-11-08', 'in_progress', null],
		[at('2026-10-01', '10:00'), '2026-10-10', 'done', at('2026-11-20', '10:00')],
		[at('2026-11-06', '10:00'), '2026-11-20', 'open', null]
	];
	for (const [opened, due, status, closed] of followUps) {
		await db.query(
			`insert into app.follow_ups (id, hall_id, enterprise_id, demand, owner_id, owner_name, due_on, status,
			   opened_by, opened_by_name, opened_at, closed_at, reason)
			 values (gen_random_uuid(), $1, $2, '诉求', $3, 'x', $4, $5::app.follow_up_status, $3, 'x', $6, $7,
			   case when $5::text = 'cannot_solve' then '无法解决' end)`,
			[w.center, first, w.centerIntake.staffId, due, status, opened, closed]
		);
	}
}
