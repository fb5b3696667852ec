import { isDeepStrictEqual } from 'node:util';
import type pg from 'pg';
import * as z from 'zod/mini';
import {
	opResult,
	pullResult,
	REJECTION_CODES,
	SYNC_LIMITS,
	type OpResult
} from '../../../../src/lib/domain/sync-protocol';
import type { Registry } from '../../../../src/lib/local/registry';
import { changedRows, hallVersions, rowsWithIds, storedResults, type ChangedRow } from './db-state';
import { callRpc, healthy, type Answer, type Caller } from './gateway-calls';
import { clientAccepts, holdsUnstorableText, wholeCallRefusal } from './push-expectations';
import { materialize, type RefContext } from './refs';

/**
 * One fuzz case: a call of a public function, as one caller, with a generated body. Throws (fails the property)
 * when the server answers 5xx, answers a push with anything but one result per op, writes for an op it rejected
 * or for a call that is not a push, stores a row the client's schemas cannot read, disagrees with the client's
 * schemas about an op, or stops answering.
 */
export interface FuzzCase {
	caller: number;
	fn: string;
	body: Record<string, unknown>;
}

export interface FuzzWorld {
	db: pg.Pool;
	registry: Registry;
	tables: string[];
	callers: Caller[];
	/** A signed-in caller for the health check after each case. */
	witness: Caller;
	refs(caller: Caller): RefContext;
	/** What the cases met, counted (printed after the run, so a run that tested little shows it). */
	tally: Map<string, number>;
}

function count(world: FuzzWorld, what: string): void {
	world.tally.set(what, (world.tally.get(what) ?? 0) + 1);
}

export class FuzzFailure extends Error {}

function fail(reason: string, details: unknown): never {
	throw new FuzzFailure(`${reason}\n${JSON.stringify(details, null, 1).slice(0, 3000)}`);
}

export async function runCase(world: FuzzWorld, fuzzCase: FuzzCase): Promise<void> {
	const caller = world.callers[fuzzCase.caller % world.callers.length];
	if (!caller) throw new Error('no callers');
	const body = materialize(fuzzCase.body, world.refs(caller)) as Record<string, unknown>;
	const before = await hallVersions(world.db);
	if (fuzzCase.fn === 'sync_push') await push(world, caller, body, before);
	else await otherCall(world, caller, fuzzCase.fn, body, before);
	if (!(await healthy(world.witness))) fail('the server stopped answering me() after the case', { fuzzCase });
}

function expectNo5xx(answer: Answer, context: unknown): void {
	if (answer.status >= 500) fail(`answered ${answer.status}`, { answer: answer.text.slice(0, 500), context });
}

async function otherCall(
	world: FuzzWorld,
	caller: Caller,
	fn: string,
	body: Record<string, unknown>,
	before: Record<string, string>
): Promise<void> {
	const answer = await callRpc(caller, fn, body);
	count(world, `${fn} → HTTP ${answer.status}`);
	expectNo5xx(answer, { fn, body });
	if (fn === 'sync_pull' && answer.status === 200) checkPulledPage(world, caller, answer);
	const written = await changedRows(world.db, world.tables, before);
	if (written.length) fail(`${fn} wrote synced rows`, { written, body });
}

function checkPulledPage(world: FuzzWorld, caller: Caller, answer: Answer): void {
	const page = pullResult.safeParse(answer.body);
	if (!page.success) fail('sync_pull answered a page the client cannot read', answer.text.slice(0, 500));
	for (const change of page.data.changes) {
		if (change.row['hall_id'] !== caller.hallId) fail('sync_pull returned another hall’s row', change);
		if (world.registry.table(change.table)?.parse(change.row) === null) {
			fail('sync_pull returned a row the client’s schema refuses', change);
		}
	}
}

async function push(
	world: FuzzWorld,
	caller: Caller,
	body: Record<string, unknown>,
	before: Record<string, string>
): Promise<void> {
	const refusal = wholeCallRefusal(body, caller.token !== null);
	const ops = Array.isArray(body['ops']) ? (body['ops'] as Record<string, unknown>[]) : [];
	// Ids PostgreSQL cannot hold cannot be stored either: those calls are refused whole.
	const opIds = ops
		.map((op) => (op as { op_id?: unknown } | null)?.op_id)
		.filter((id): id is string => typeof id === 'string' && !holdsUnstorableText(id));
	const remembered = caller.userId
		? await storedResults(world.db, caller.userId, opIds)
		: new Map<string, unknown>();
	const results = await pushAll(caller, body, ops, refusal);
	count(world, refusal === null ? 'sync_push → HTTP 200' : `sync_push → refused whole: ${refusal}`);
	for (const result of results) count(world, `op ${result.status}${result.code ? ` (${result.code})` : ''}`);
	const written = await changedRows(world.db, world.tables, before);
	if (refusal !== null) {
		if (written.length) fail(`a refused call (${refusal}) wrote rows`, { written });
		if (caller.userId) {
			const stored = await storedResults(world.db, caller.userId, opIds);
			if (stored.size !== remembered.size) fail(`a refused call (${refusal}) stored op results`, { opIds });
		}
		return;
	}
	await checkResults(world, caller, ops, results, remembered);
	await checkWrites(world, caller, ops, results, written);
}

/** Pushes until every op has its result, as a device does when a call stops at its time budget. */
async function pushAll(
	caller: Caller,
	body: Record<string, unknown>,
	ops: Record<string, unknown>[],
	refusal: string | null
): Promise<OpResult[]> {
	const results: OpResult[] = [];
	let sentBody = body;
	for (;;) {
		const answer = await callRpc(caller, 'sync_push', sentBody);
		expectNo5xx(answer, { body: sentBody, refusal });
		if (refusal !== null) {
			if (answer.status < 400)
				fail(`a call that should be refused (${refusal}) answered ${answer.status}`, { body });
			return [];
		}
		if (answer.status !== 200)
			fail(`a batch within limits was refused as a whole (${answer.status})`, {
				answer: answer.text.slice(0, 500),
				body
			});
		const parsed = z.array(opResult).safeParse(answer.body);
		if (!parsed.success) fail('sync_push answered something other than results', answer.text.slice(0, 500));
		const sent = sentBody['ops'] as unknown[];
		if (parsed.data.length > sent.length) fail('more results than ops', { results: parsed.data, sent });
		if (parsed.data.length < sent.length && answer.ms < SYNC_LIMITS.pushBudgetMs) {
			fail(`${sent.length - parsed.data.length} ops got no result, within the time budget`, {
				results: parsed.data,
				sent
			});
		}
		if (parsed.data.length === 0 && sent.length > 0) fail('a call answered no op at all', { sent });
		results.push(...parsed.data);
		if (results.length === ops.length) return results;
		sentBody = { ops: ops.slice(results.length) };
	}
}

async function checkResults(
	world: FuzzWorld,
	caller: Caller,
	ops: Record<string, unknown>[],
	results: OpResult[],
	remembered: Map<string, unknown>
): Promise<void> {
	const stored = await storedResults(world.db, caller.userId ?? '', [
		...new Set(results.map((r) => r.op_id))
	]);
	const seen = new Map<string, OpResult>(); // first result of each op id in this case
	results.forEach((result, index) => {
		const op = ops[index] ?? {};
		if (result.op_id !== op['op_id']) fail(`result ${index} answers another op`, { result, op });
		if (result.status === 'rejected') {
			if (!(REJECTION_CODES as readonly string[]).includes(result.code ?? ''))
				fail('unknown rejection code', result);
			// The limit counts characters, as PostgreSQL does (an emoji is one, not two UTF-16 units).
			if ([...(result.message ?? '')].length > SYNC_LIMITS.maxMessageLength)
				fail('rejection message over the limit', result);
		}
		const earlier =
			seen.get(result.op_id) ??
			(remembered.has(result.op_id) ? (remembered.get(result.op_id) as OpResult) : undefined);
		if (earlier) {
			// A replay: an applied op answers 'duplicate', a rejected one its first rejection.
			const replay = earlier.status === 'rejected' ? earlier : { op_id: result.op_id, status: 'duplicate' };
			if (!isDeepStrictEqual(result, replay))
				fail('a replayed op id did not answer as its first time', { result, earlier });
			return;
		}
		seen.set(result.op_id, result);
		if (!isDeepStrictEqual(stored.get(result.op_id), result))
			fail('the stored result differs from the answer', { result, stored: stored.get(result.op_id) });
		const accepted = clientAccepts(world.registry, op, caller.hallId ?? '');
		if (result.status === 'applied' && !accepted)
			fail('the server applied an op the client’s schemas refuse', { op, result });
		if (result.status === 'rejected' && result.code === 'validation' && accepted) {
			fail('the client’s schemas accept an op the server refuses as invalid', { op, result });
		}
	});
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function uuidsIn(value: unknown, into: Set<string>, skip: ReadonlySet<string> = new Set()): Set<string> {
	if (typeof value === 'string' && UUID.test(value)) into.add(value.toLowerCase());
	else if (Array.isArray(value)) value.forEach((item) => uuidsIn(item, into, skip));
	else if (typeof value === 'object' && value !== null) {
		for (const [key, item] of Object.entries(value)) if (!skip.has(key)) uuidsIn(item, into, skip);
	}
	return into;
}

/** Not a link between rows: every row of a hall shares its hall id. */
const NOT_LINKS = new Set(['hall_id']);

/**
 * Every row the case wrote is in the caller's hall, readable by the client, and is a row an applied op names,
 * or a row linked to one (a merge's survivor, the events it moved): a rejected op writes nothing.
 */
async function checkWrites(
	world: FuzzWorld,
	caller: Caller,
	ops: Record<string, unknown>[],
	results: OpResult[],
	written: ChangedRow[]
): Promise<void> {
	const applied = results
		.map((result, index) => (result.status === 'applied' ? ops[index] : undefined))
		.filter((op) => op !== undefined);
	if (applied.length === 0 && written.length)
		fail('rows written though no op was applied', { written, results });
	const named = new Set<string>();
	for (const op of applied) uuidsIn(op['payload'], named);
	for (const { row } of await rowsWithIds(world.db, world.tables, [...named])) uuidsIn(row, named, NOT_LINKS);
	for (const change of written) {
		if (change.row['hall_id'] !== caller.hallId) fail('a push wrote a row of another hall', change);
		if (world.registry.table(change.table)?.parse(change.row) === null)
			fail('a push stored a row the client’s schema refuses', change);
		const links = uuidsIn(change.row, new Set(), NOT_LINKS);
		if (![...links].some((id) => named.has(id)))
			fail('a row was written that no applied op names', { change, applied });
	}
}
