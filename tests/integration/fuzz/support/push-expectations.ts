import { deviceTimestamp, SCHEMA_VERSION, SYNC_LIMITS } from '../../../../src/lib/domain/sync-protocol';
import type { Registry } from '../../../../src/lib/local/registry';

/**
 * What sync_push must answer for a body, decided from the body alone: a whole-call refusal (4xx) for what is not
 * a batch within limits, else one result per op. And whether the client's own schemas accept an op, which the
 * server's verdict must agree with.
 */

/** Text PostgreSQL's jsonb cannot hold (NUL, lone surrogates): the whole body is refused before sync_push runs. */
export function holdsUnstorableText(value: unknown): boolean {
	const bad = (text: string) => text.includes('\u0000') || !text.isWellFormed();
	if (typeof value === 'string') return bad(value);
	if (Array.isArray(value)) return value.some(holdsUnstorableText);
	if (typeof value === 'object' && value !== null) {
		return Object.entries(value).some(([key, item]) => bad(key) || holdsUnstorableText(item));
	}
	return false;
}

const hasOpId = (op: unknown): boolean => {
	if (typeof op !== 'object' || op === null || Array.isArray(op)) return false;
	const id = (op as Record<string, unknown>)['op_id'];
	return typeof id === 'string' && [...id].length >= 1 && [...id].length <= 100;
};

/** Why the call as a whole must be refused, or null for a batch within limits. */
export function wholeCallRefusal(body: Record<string, unknown>, signedIn: boolean): string | null {
	if (!signedIn) return 'anon may not push';
	const keys = Object.keys(body);
	if (keys.length !== 1 || keys[0] !== 'ops') return 'arguments other than ops';
	if (holdsUnstorableText(body)) return 'text jsonb cannot hold';
	const ops = body['ops'];
	if (!Array.isArray(ops)) return 'ops is not an array';
	if (ops.length > SYNC_LIMITS.maxPushBatch) return 'batch over the limit';
	if (!ops.every(hasOpId)) return 'an op without an op_id';
	return null;
}

/** Whether a correct device could have sent this op: the envelope it writes, and a payload its schema accepts. */
export function clientAccepts(registry: Registry, op: Record<string, unknown>, hallId: string): boolean {
	const spec = typeof op['type'] === 'string' ? registry.op(op['type'])?.spec : undefined;
	return (
		spec !== undefined &&
		deviceTimestamp.safeParse(op['created_at']).success &&
		op['schema_version'] === SCHEMA_VERSION &&
		op['hall_id'] === hallId &&
		spec.parse(op['payload']).ok
	);
}
