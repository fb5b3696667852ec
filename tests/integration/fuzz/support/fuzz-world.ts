import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import type pg from 'pg';
import type { Registry } from '../../../../src/lib/local/registry';
import { idsByHall, syncedTableNames } from './db-state';
import { anon, signIn, type Caller } from './gateway-calls';
import type { FuzzCase, FuzzWorld } from './fuzz-case';
import { argumentArbitraries, callableFunctions, callArbitrary } from './rpc-arguments';

/** Demo staff of supabase/seed.sql the cases call as: two posts of the center, and a street station's staff. */
const STAFF = [
	['center intake', 'intake@demo.hall'],
	['center manager', 'manager@demo.hall'],
	['station assist', 'assist@station.demo.hall']
] as const;

/** How often the real ids that refs pick from are read again (new rows join them). */
const REFRESH_IDS_EVERY = 25;

export async function fuzzWorld(
	db: pg.Pool,
	registry: Registry
): Promise<FuzzWorld & { refreshIds(): Promise<void> }> {
	const tables = await syncedTableNames(db);
	const staff = await Promise.all(STAFF.map(([label, email]) => signIn(label, email)));
	const [witness] = staff;
	if (!witness) throw new Error('no staff to call as');
	const callers: Caller[] = [...staff, anon];
	let byHall = await idsByHall(db, tables);
	let calls = 0;
	const halls = [...new Set(staff.map((caller) => caller.hallId ?? ''))].sort();
	return {
		db,
		registry,
		tables,
		callers,
		witness,
		tally: new Map(),
		async refreshIds() {
			if (calls++ % REFRESH_IDS_EVERY === 0) byHall = await idsByHall(db, tables);
		},
		refs(caller) {
			const ownHall = caller.hallId ?? witness.hallId ?? '';
			return {
				own: byHall.get(ownHall) ?? [],
				other: [...byHall.entries()].filter(([hall]) => hall !== ownHall).flatMap(([, ids]) => ids),
				ownHall,
				otherHall: halls.find((hall) => hall !== ownHall) ?? '',
				now: new Date(),
				fresh: randomUUID
			};
		}
	};
}

/**
 * A case: who calls, which public function (every one the database lets anon or authenticated execute; sync_push
 * most often), and its body.
 */
export async function caseArbitrary(world: FuzzWorld): Promise<fc.Arbitrary<FuzzCase>> {
	const functions = await callableFunctions(world.db);
	const arbitraries = argumentArbitraries(world.registry);
	const calls = functions.map((fn) => ({
		weight: fn.name === 'sync_push' ? 8 : 1,
		arbitrary: callArbitrary(fn, arbitraries).map((body) => ({ fn: fn.name, body }))
	}));
	return fc
		.tuple(fc.nat({ max: world.callers.length - 1 }), fc.oneof(...calls))
		.map(([caller, call]) => ({ caller, ...call }));
}
