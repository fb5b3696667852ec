import fc from 'fast-check';
import type pg from 'pg';
import { SYNC_LIMITS } from '../../../../src/lib/domain/sync-protocol';
import type { Registry } from '../../../../src/lib/local/registry';
import { hostileId, hostileInteger, hostileText, validId, wrongType } from './hostile-values';
import { opArbitraries, opBatches } from './op-batches';
import type { Ref } from './refs';

/** A function of the API, as the database lists it: what anon or authenticated may execute in `public`. */
export interface CallableFunction {
	name: string;
	parameters: { name: string; type: string; hasDefault: boolean }[];
}

export async function callableFunctions(db: pg.Pool): Promise<CallableFunction[]> {
	const { rows } = await db.query<CallableFunction>(
		`select p.proname as name,
		   coalesce((select json_agg(json_build_object(
		       'name', coalesce(p.proargnames[a.n], ''), 'type', format_type(a.type, null),
		       'hasDefault', a.n > p.pronargs - p.pronargdefaults) order by a.n)
		     from unnest(p.proargtypes::oid[]) with ordinality a (type, n)), '[]') as parameters
		 from pg_proc p
		 where p.pronamespace = 'public'::regnamespace and p.prokind = 'f'
		   and (has_function_privilege('anon', p.oid, 'execute')
		     or has_function_privilege('authenticated', p.oid, 'execute'))
		 order by 1`
	);
	return rows;
}

/** The caller's own hall and another. */
const halls: Ref[] = [
	{ $ref: 'hall', which: 'own' },
	{ $ref: 'hall', which: 'other' }
];

/** The halls of a managers' report or workload: the caller's, another's, ids of no hall, anything else. */
const reportHalls = fc.oneof(
	fc.array(fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId), { maxLength: 3 }),
	wrongType
);

/** sync_pull's cursor: the forms it returns, near misses of them, and anything else. */
const cursor = fc.oneof(
	fc.constant('0'),
	fc.bigInt({ min: 0n, max: 10n ** 19n }).map(String),
	fc
		.tuple(
			fc.nat({ max: 10_000 }),
			fc.constantFrom('service_records', 'service_record_events', 'staff', 'halls', 'a'.repeat(64)),
			fc.uuid()
		)
		.map(([version, table, id]) => `${version}/${table}/${id}`),
	fc.constantFrom('-1', '', ' 0', '0 ', '1e3', '00000000000000000001', '1/', '1//', 'null'),
	hostileText(100)
);

/**
 * Arguments by function and name where the shape matters, else by SQL type. An argument of a type without an
 * arbitrary here fails the suite: a new RPC is fuzzed as soon as it exists, or the suite says what it needs.
 */
export function argumentArbitraries(registry: Registry): {
	byArgument: Readonly<Record<string, fc.Arbitrary<unknown>>>;
	byType: Readonly<Record<string, fc.Arbitrary<unknown>>>;
} {
	return {
		byArgument: {
			'sync_push.ops': opBatches(opArbitraries(registry)),
			'sync_pull.cursor': cursor,
			'sync_pull.max_rows': fc.oneof(
				fc.integer({ min: 1, max: SYNC_LIMITS.maxPullRows }),
				hostileInteger(1, SYNC_LIMITS.maxPullRows)
			),
			'hall_report.hall_ids': reportHalls,
			'staff_workload.hall_ids': reportHalls,
			'ledger_month.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			// Closing and reopening write only the ledger's own history of the caller's hall (or are refused).
			'close_ledger_month.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			'reopen_ledger_month.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			'add_ledger_item.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			'ledger_rules.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			'set_ledger_rules.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			'add_ledger_item.points': fc.oneof(
				fc.integer({ min: -200, max: 200 }).map((tenths) => tenths / 10),
				fc.double(),
				wrongType
			),
			// Staff assessment: the caller's hall and another's, so the manager's checks and the limits are reached.
			'monthly_reviews.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			'set_assessment_weights.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			'quarterly_ranking.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			'weekly_summaries.hall_id': fc.oneof(fc.constantFrom<Ref>(...halls), validId, hostileId),
			// The district calendar is one for every hall: the suite writes only days of the 2090s, which no test
			// counts, besides days the function must refuse.
			'set_calendar_day.day': fc.oneof(
				fc
					.integer({ min: 0, max: 3_650 })
					.map((offset) => new Date(Date.UTC(2090, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10)),
				fc.constantFrom('infinity', '2026-02-30', '2019-12-31', '2101-01-01'),
				hostileText(30),
				wrongType
			)
		},
		byType: {
			text: fc.oneof(fc.string({ maxLength: 30 }), hostileText(1000)),
			integer: hostileInteger(-(2 ** 31), 2 ** 31 - 1),
			bigint: fc.oneof(fc.bigInt().map(String), hostileInteger(0, 2 ** 53)),
			boolean: fc.oneof(fc.boolean(), wrongType),
			// A review's scores: within and just past 0–100, too many decimals, NaN and the infinities numeric takes.
			numeric: fc.oneof(
				fc.double({ min: -10, max: 200, noNaN: true }),
				fc.integer({ min: 0, max: 1000 }).map((tenths) => tenths / 10),
				fc.constantFrom('NaN', 'Infinity', '-Infinity', '1e400', 100.05),
				hostileText(30),
				wrongType
			),
			uuid: fc.oneof(validId, hostileId),
			jsonb: fc.oneof(fc.jsonValue(), wrongType),
			json: fc.oneof(fc.jsonValue(), wrongType),
			date: fc.oneof(
				fc.integer({ min: -500, max: 30 }).map((offsetDays): Ref => ({ $ref: 'date', offsetDays })),
				fc.constantFrom('infinity', '-infinity', '0001-01-01', '5874897-12-31', '2026-02-30'),
				hostileText(30),
				wrongType
			)
		}
	};
}

/** The body of one call: every argument, sometimes one left out or one the function does not take. */
export function callArbitrary(
	fn: CallableFunction,
	arbitraries: ReturnType<typeof argumentArbitraries>
): fc.Arbitrary<Record<string, unknown>> {
	const fields = fn.parameters.map((parameter) => {
		const arbitrary =
			arbitraries.byArgument[`${fn.name}.${parameter.name}`] ?? arbitraries.byType[parameter.type];
		if (!arbitrary) {
			throw new Error(
				`the fuzz suite has no arbitrary for argument ${parameter.name} (${parameter.type}) of public.${fn.name}: add one to rpc-arguments.ts`
			);
		}
		return [parameter.name, arbitrary] as const;
	});
	const all = fc.record(Object.fromEntries(fields)) as fc.Arbitrary<Record<string, unknown>>;
	const names = fields.map(([name]) => name);
	return fc.oneof(
		{ arbitrary: all, weight: 12 },
		{
			arbitrary: fc
				.tuple(all, fc.constantFrom('extra', 'ops', 'cursor', 'p_hall_id', ''), wrongType)
				.map(([body, key, value]) => ({ ...body, [key]: value })),
			weight: 1
		},
		...(names.length
			? [
					{
						arbitrary: fc
							.tuple(all, fc.constantFrom(...names))
							.map(([body, left]) =>
								Object.fromEntries(Object.entries(body).filter(([key]) => key !== left))
							),
						weight: 1
					}
				]
			: [])
	);
}
