// The managers' monthly report (docs/REPORTS.md) on a year of generated history, for one hall and for sixteen (the
// seed's center and station plus fourteen more stations like the seed's): public.hall_report's time in the
// database and through the gateway, against a naive report that selects the month's rows and counts them in
// JavaScript, in the same run. Goal: ≤ 300 ms for one hall, ≤ 1 s for sixteen. Prints figures, never fails on
// them. Standalone: `npx tsx tests/bench/report.ts`; `npm run bench` runs it with the others.
import { createClient } from '@supabase/supabase-js';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import WebSocket from 'ws';
import { hallDate } from '../../src/lib/domain/hall-time';
import { hallReport, type HallReport } from '../../src/lib/domain/report';
import { describeHistory, generateHistory } from '../../supabase/local/demo-history';
import { withBenchStack } from './support/bench-stack';
import { median } from './support/median';

const center = 'a0000000-0000-4000-8000-000000000001';
const station = 'a0000000-0000-4000-8000-000000000002';
const managerUserId = 'd0000000-0000-4000-8000-000000000004'; // manager@demo.hall, the center's
const extraStations = 14;
const runs = 7;

/** Fourteen stations of the center like the seed's: its staff (new accounts), plan, checkpoints, items, enterprises. */
async function cloneStations(db: pg.Pool): Promise<string[]> {
	const ids: string[] = [];
	for (let n = 1; n <= extraStations; n++) {
		const { rows } = await db.query<{ id: string }>(
			`insert into app.halls (id, code, name, kind, parent_hall_id, ticket_format)
			 select gen_random_uuid(), 'bench-station-' || $2::int, '基准测试街道便民服务中心' || $2::int, 'street_station', $1,
			   ticket_format
			 from app.halls where id = $3
			 returning id`,
			[center, n, station]
		);
		const hall = rows[0]?.id ?? '';
		ids.push(hall);
		await db.query(
			`with people as (
			   select s.post, s.display_name, gen_random_uuid() as user_id, row_number() over (order by s.id) as k
			   from app.staff s where s.hall_id = $2 and s.active
			 ), accounts as (
			   insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
			     raw_app_meta_data, raw_user_meta_data, created_at, updated_at)
			   select '00000000-0000-0000-0000-000000000000', p.user_id, 'authenticated', 'authenticated',
			     'bench-' || $3::int || '-' || p.k || '@bench.hall', '', now(), '{}', '{}', now(), now()
			   from people p
			   returning id
			 )
			 insert into app.staff (user_id, hall_id, post, display_name, is_demo)
			 select p.user_id, $1, p.post, p.display_name, true from people p join accounts a on a.id = p.user_id`,
			[hall, station, n]
		);
		const staffId = `(select id from app.staff where hall_id = $1 order by post desc, id limit 1)`;
		await db.query(
			`insert into app.checkpoints (id, hall_id, name_zh, name_en, position, instruction_zh, items, retired_at, is_demo)
			 select gen_random_uuid(), $1, name_zh, name_en, position, instruction_zh, items, retired_at, true
			 from app.checkpoints where hall_id = $2`,
			[hall, station]
		);
		await db.query(
			`insert into app.patrol_plans (id, hall_id, windows, grace_minutes, min_scan_interval_seconds, is_demo)
			 select gen_random_uuid(), $1, windows, grace_minutes, min_scan_interval_seconds, true
			 from app.patrol_plans where hall_id = $2`,
			[hall, station]
		);
		await db.query(
			`create temp table if not exists bench_versions (old_id uuid, new_id uuid, new_item uuid, old_item uuid);
			 truncate bench_versions`
		);
		await db.query(
			`insert into bench_versions
			 select v.id, gen_random_uuid(), i.new_item, v.item_id
			 from app.service_item_versions v
			 join (select id, gen_random_uuid() as new_item from app.service_items where hall_id = $1) i on i.id = v.item_id`,
			[station]
		);
		await db.query(
			`insert into app.service_items (id, hall_id, code, current_version_id, withdrawn_at, is_demo)
			 select distinct on (b.new_item) b.new_item, $1, i.code, c.new_id, i.withdrawn_at, true
			 from bench_versions b join app.service_items i on i.id = b.old_item
			 join bench_versions c on c.old_id = i.current_version_id`,
			[hall]
		);
		await db.query(
			`insert into app.service_item_versions (id, item_id, hall_id, revision, name_zh, name_en, scope, legal_days,
			   promised_days, where_to_apply, online_url, fee, aliases, search_keys, situations, questions, materials,
			   published_by, published_by_name, published_at)
			 select b.new_id, b.new_item, $1, v.revision, v.name_zh, v.name_en, v.scope, v.legal_days, v.promised_days,
			   v.where_to_apply, v.online_url, v.fee, v.aliases, v.search_keys, v.situations, v.questions, v.materials,
			   ${staffId}, 'bench', v.published_at
			 from bench_versions b join app.service_item_versions v on v.id = b.old_id`,
			[hall]
		);
		await db.query(
			`insert into app.enterprises (id, hall_id, name, credit_code, street_code, address, latitude, longitude,
			   industry, visit_every_days, archived_at, created_at, updated_by, updated_by_name, is_demo)
			 select gen_random_uuid(), $1, name, credit_code, street_code, address, latitude, longitude, industry,
			   visit_every_days, archived_at, created_at, ${staffId}, 'bench', true
			 from app.enterprises where hall_id = $2`,
			[hall, station]
		);
	}
	return ids;
}

/** hall_report in the database, as the center's manager (the gateway's roles and claims, no HTTP). */
async function inDatabase(db: pg.Pool, halls: string[], from: string, to: string): Promise<number> {
	const client = await db.connect();
	try {
		await client.query('begin');
		await client.query(`select set_config('request.jwt.claims', $1, true)`, [
			JSON.stringify({ role: 'authenticated', sub: managerUserId, aud: 'authenticated' })
		]);
		await client.query('set local role authenticated');
		const started = performance.now();
		const { rows } = await client.query<{ report: unknown }>(
			'select public.hall_report($1, $2, $3) as report',
			[JSON.stringify(halls), from, to]
		);
		const ms = performance.now() - started;
		hallReport.parse(rows[0]?.report);
		return ms;
	} finally {
		await client.query('rollback');
		client.release();
	}
}

type Row = Record<string, unknown>;
const countBy = (rows: Row[], key: (row: Row) => unknown) => {
	const counts = new Map<unknown, number>();
	for (const row of rows) counts.set(key(row), (counts.get(key(row)) ?? 0) + 1);
	return counts;
};
const hallHour = (iso: unknown) => (new Date(String(iso)).getUTCHours() + 8) % 24;
const minutes = (from: unknown, to: unknown) =>
	(new Date(String(to)).getTime() - new Date(String(from)).getTime()) / 60_000;

/**
 * The naive report: the month's rows of every section selected as they are (what a browser would have to fetch),
 * then the main figures counted here. A lower bound for doing it in the browser: no HTTP, no paging, fewer
 * figures than hall_report.
 */
async function naive(
	db: pg.Pool,
	halls: string[],
	from: string,
	to: string
): Promise<{ ms: number; visitors: number; problems: number }> {
	const started = performance.now();
	const start = `${from}T00:00:00+08:00`;
	const end = `${to}T24:00:00+08:00`;
	const byDay = async (sql: string) => (await db.query<Row>(sql, [halls, from, to])).rows;
	const byTime = async (sql: string) => (await db.query<Row>(sql, [halls, start, end])).rows;
	const records = await byDay(
		`select * from app.service_records
		 where hall_id = any ($1) and ticket_date between $2 and $3 and deleted_at is null`
	);
	const events = await byDay(
		`select e.* from app.service_record_events e join app.service_records r on r.id = e.record_id
		 where r.hall_id = any ($1) and r.ticket_date between $2 and $3 and r.deleted_at is null`
	);
	const prechecks = await byTime(
		'select * from app.prechecks where hall_id = any ($1) and created_at >= $2 and created_at < $3'
	);
	const rounds = await byTime(
		`select r.* from app.precheck_rounds r join app.prechecks p on p.id = r.precheck_id
		 where p.hall_id = any ($1) and p.created_at >= $2 and p.created_at < $3`
	);
	const incidents = await byTime(
		'select * from app.incidents where hall_id = any ($1) and reported_at >= $2 and reported_at < $3'
	);
	const limits = (await db.query<Row>('select * from app.incident_limits where hall_id = any ($1)', [halls]))
		.rows;
	const patrolRounds = await byDay(
		'select * from app.patrol_rounds where hall_id = any ($1) and day between $2 and $3'
	);
	const checks = await byDay(
		`select c.* from app.patrol_checks c join app.patrol_rounds r on r.id = c.round_id
		 where r.hall_id = any ($1) and r.day between $2 and $3`
	);
	const visits = await byTime(
		'select * from app.visits where hall_id = any ($1) and check_in_at >= $2 and check_in_at < $3'
	);

	const figures = {
		visitors: records.length,
		byDay: countBy(records, (row) => String(row['ticket_date'])),
		byHour: countBy(records, (row) => hallHour(row['opened_at'])),
		byCategory: countBy(records, (row) => row['category']),
		events: countBy(events, (row) => row['kind']),
		prechecks: prechecks.length,
		completeFirst: rounds.filter((row) => row['round_no'] === 1 && row['result'] === 'complete').length,
		missed: countBy(
			rounds
				.filter((row) => row['round_no'] === 1)
				.flatMap((row) => row['marks'] as Row[])
				.filter((mark) => mark['status'] !== 'present'),
			(mark) => mark['material_key']
		),
		incidents: countBy(incidents, (row) => `${String(row['category'])}/${String(row['severity'])}`),
		respondedWithin: incidents.filter((row) => {
			const limit = limits.find((l) => l['hall_id'] === row['hall_id']);
			const allowed = Number(limit?.[`respond_minutes_${String(row['severity'])}`]);
			return row['responded_at'] !== null && minutes(row['reported_at'], row['responded_at']) <= allowed;
		}).length,
		rounds: countBy(patrolRounds, (row) => `${String(row['day'])}/${String(row['window_key'])}`),
		problems: checks
			.flatMap((row) => row['results'] as Row[])
			.filter((result) => result['status'] === 'problem').length,
		visits: countBy(visits, (row) => row['kind'])
	};
	return { ms: performance.now() - started, visitors: figures.visitors, problems: figures.problems };
}

function lastFullMonth(today: string): [string, string] {
	const [year, month] = today.split('-').map(Number) as [number, number];
	const first = new Date(Date.UTC(year, month - 2, 1));
	const last = new Date(Date.UTC(year, month - 1, 0));
	return [first.toISOString().slice(0, 10), last.toISOString().slice(0, 10)];
}

const ms = (value: number) => `${value.toFixed(0).padStart(6)} ms`;

async function main(): Promise<void> {
	await withBenchStack(async (stack) => {
		const db = new pg.Pool({ connectionString: stack.databaseUrl, max: 2 });
		try {
			const stations = await cloneStations(db);
			const allHalls = [center, station, ...stations];
			const today = hallDate();
			const generated = await generateHistory(stack.databaseUrl, {
				anchor: today,
				days: 365,
				hallIds: allHalls
			});
			console.log(describeHistory(generated));
			await db.query('analyze');

			const manager = createClient(stack.url, stack.anonKey, {
				auth: { persistSession: false, autoRefreshToken: false },
				realtime: { transport: WebSocket as unknown as typeof globalThis.WebSocket }
			});
			const { error } = await manager.auth.signInWithPassword({
				email: 'manager@demo.hall',
				password: 'demo1234'
			});
			if (error) throw new Error(`sign-in failed: ${error.message}`);
			const throughGateway = async (halls: string[], from: string, to: string) => {
				const begun = performance.now();
				const answer = await manager.rpc('hall_report', { hall_ids: halls, from_day: from, to_day: to });
				const took = performance.now() - begun;
				if (answer.error) throw new Error(`hall_report: ${answer.error.message}`);
				return { ms: took, report: hallReport.parse(answer.data) };
			};

			const [from, to] = lastFullMonth(today);
			console.log(`\nthe month ${from} … ${to}, median of ${runs} runs (after one warm-up)`);
			console.log('  halls   hall_report in db   through gateway   naive (select rows + JS)   goal');
			for (const [label, halls, goal] of [
				['1', [center], 300],
				['16', allHalls, 1000]
			] as const) {
				await inDatabase(db, [...halls], from, to);
				await naive(db, [...halls], from, to);
				const database: number[] = [];
				const gateway: number[] = [];
				const naiveMs: number[] = [];
				let report: HallReport | undefined;
				let counted = { visitors: 0, problems: 0 };
				for (let run = 0; run < runs; run++) {
					database.push(await inDatabase(db, [...halls], from, to));
					const answer = await throughGateway([...halls], from, to);
					gateway.push(answer.ms);
					report = answer.report;
					const slow = await naive(db, [...halls], from, to);
					naiveMs.push(slow.ms);
					counted = slow;
				}
				console.log(
					`  ${label.padStart(5)}   ${ms(median(database))}         ${ms(median(gateway))}         ${ms(median(naiveMs))}          ≤ ${goal} ms`
				);
				console.log(
					`          (${report?.operation.visitors ?? 0} visitors, ${report?.prechecks.prechecks ?? 0} pre-checks, ${report?.incidents.reported ?? 0} incidents, ${report?.patrols.expected_rounds ?? 0} expected rounds)`
				);
				if (counted.visitors !== report?.operation.visitors || counted.problems !== report.patrols.problems) {
					console.log(`          the naive count disagrees: ${JSON.stringify(counted)}`);
				}
			}

			const yearFrom = new Date(Date.parse(`${today}T00:00:00Z`) - 364 * 86_400_000)
				.toISOString()
				.slice(0, 10);
			console.log(`\nthe year ${yearFrom} … ${today}, median of 3 runs in the database`);
			for (const [label, halls] of [
				['1', [center]],
				['16', allHalls]
			] as const) {
				const times: number[] = [];
				for (let run = 0; run < 3; run++) times.push(await inDatabase(db, [...halls], yearFrom, today));
				console.log(`  ${label.padStart(5)} halls ${ms(median(times))}`);
			}
		} finally {
			await db.end();
		}
	});
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
