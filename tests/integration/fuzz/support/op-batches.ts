import fc from 'fast-check';
import { SCHEMA_VERSION, SYNC_LIMITS } from '../../../../src/lib/domain/sync-protocol';
import type { Registry } from '../../../../src/lib/local/registry';
import { hostileId, hostileText, hostileTime, validTime, wrongType } from './hostile-values';
import type { Ref } from './refs';
import { schemaArbitraries } from './zod-arbitrary';

/**
 * Batches of ops for sync_push, generated from the registry: every registered op type, its payload valid or
 * made hostile by its own schema, in envelopes that are valid or broken, with duplicate op ids, batches at and
 * over the limit, and ops that are not ops at all. A new workflow's op types are in it without editing this file.
 */

const ownHall: Ref = { $ref: 'hall', which: 'own' };

const validEnvelope = {
	op_id: fc.uuid({ version: 7 }),
	created_at: validTime,
	schema_version: fc.constant(SCHEMA_VERSION),
	hall_id: fc.constant(ownHall)
};

const hostileEnvelope = {
	op_id: fc.oneof(
		fc.constantFrom('', 'x'.repeat(101), '汉'.repeat(100), '\u0000', 'a\ud800', 42, null, {}),
		fc.string({ minLength: 1, maxLength: 100 })
	),
	created_at: hostileTime,
	schema_version: fc.constantFrom(
		0,
		SCHEMA_VERSION + 1,
		String(SCHEMA_VERSION),
		1.5,
		null,
		2 ** 31,
		-1,
		1e308,
		[]
	),
	hall_id: fc.oneof(
		fc.constant<Ref>({ $ref: 'hall', which: 'other' }),
		hostileId,
		fc.constantFrom(null, '', 7)
	)
};

type Envelope = Record<keyof typeof validEnvelope, unknown>;

/** An envelope with at most one field broken (or missing), so what is wrong with an op stays readable. */
const envelope: fc.Arbitrary<Envelope> = fc.oneof(
	{ arbitrary: fc.record(validEnvelope), weight: 6 },
	...(Object.keys(validEnvelope) as (keyof Envelope)[]).map((field) => ({
		arbitrary: fc
			.tuple(fc.record(validEnvelope), fc.option(hostileEnvelope[field], { nil: undefined }))
			.map(([valid, broken]) => {
				const { [field]: _dropped, ...rest } = valid;
				return (broken === undefined ? rest : { ...rest, [field]: broken }) as Envelope;
			}),
		weight: 1
	}))
);

export interface OpArbitraries {
	/** An op a correct device could send. */
	valid: fc.Arbitrary<unknown>;
	/** Any op: valid, hostile in its payload, its envelope or its type, or no op at all. */
	any: fc.Arbitrary<unknown>;
}

export function opArbitraries(registry: Registry): OpArbitraries {
	const types = registry.ops.map((op) => op.spec.type);
	const payloads = registry.ops.map((op) => ({ type: op.spec.type, ...schemaArbitraries(op.spec.schema) }));
	const valid = fc.oneof(
		...payloads.map((payload) =>
			fc
				.tuple(fc.record(validEnvelope), payload.valid)
				.map(([sent, body]) => ({ ...sent, type: payload.type, payload: body }))
		)
	);
	const hostilePayload = fc.oneof(
		...payloads.map((payload) =>
			fc
				.tuple(envelope, payload.hostile)
				.map(([sent, body]) => ({ ...sent, type: payload.type, payload: body }))
		)
	);
	const otherType = fc
		.tuple(
			envelope,
			fc.oneof(...payloads.map((payload) => payload.valid)),
			fc.oneof(
				fc.constantFrom(...types),
				fc.constantFrom('x.y', 'service_record', '', 'SERVICE_RECORD.OPEN', `a.${'b'.repeat(5000)}`),
				hostileText(60)
			)
		)
		.map(([sent, body, type]) => ({ ...sent, type, payload: body }));
	const anyOp = fc.oneof(
		{ arbitrary: valid, weight: 4 },
		{ arbitrary: hostilePayload, weight: 5 },
		{ arbitrary: otherType, weight: 1 },
		{
			arbitrary: fc
				.tuple(envelope, payloads[0]?.valid ?? fc.constant({}))
				.map(([sent, body]) => ({ ...sent, type: types[0], payload: body })),
			weight: 1
		},
		{ arbitrary: wrongType, weight: 1 }
	);
	return { valid, any: anyOp };
}

/** Copies earlier op ids onto later ops: a replay inside one batch. */
function withDuplicateIds(ops: unknown[], copies: [number, number][]): unknown[] {
	const result = ops.map((op) =>
		typeof op === 'object' && op !== null && !Array.isArray(op) ? { ...op } : op
	);
	for (const [from, to] of copies) {
		const source = result[from % Math.max(result.length, 1)];
		const target = result[to % Math.max(result.length, 1)];
		if (source === target || !isOp(source) || !isOp(target)) continue;
		target['op_id'] = source['op_id'];
	}
	return result;
}

const isOp = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/** The `ops` argument of sync_push. */
export function opBatches(ops: OpArbitraries): fc.Arbitrary<unknown> {
	const small = fc
		.tuple(fc.array(ops.any, { maxLength: 6 }), fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 2 }))
		.map(([batch, copies]) => withDuplicateIds(batch, copies));
	const full = fc.array(ops.valid, {
		minLength: SYNC_LIMITS.maxPushBatch,
		maxLength: SYNC_LIMITS.maxPushBatch
	});
	const over = fc
		.tuple(fc.array(ops.any, { maxLength: 3 }), fc.nat({ max: 50 }))
		.map(([some, extra]) =>
			Array.from(
				{ length: SYNC_LIMITS.maxPushBatch + 1 + extra },
				(_, index) => some[index % Math.max(some.length, 1)] ?? {}
			)
		);
	return fc.oneof(
		{ arbitrary: small, weight: 30 },
		{ arbitrary: full, weight: 1 },
		{ arbitrary: over, weight: 1 },
		{ arbitrary: wrongType.filter((value) => !Array.isArray(value)), weight: 1 }
	);
}
