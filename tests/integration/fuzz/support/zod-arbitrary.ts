import fc from 'fast-check';
import type { core } from 'zod/mini';
import type { ZodDef as Def, ZodNode as Schema } from '../../support/zod-def';
import {
	hostileDate,
	hostileId,
	hostileInteger,
	hostileText,
	hostileTime,
	validDate,
	validId,
	validTime,
	wrongType
} from './hostile-values';

/**
 * Arbitraries read from a zod/mini schema: values the schema accepts (`valid`) and values a hostile device might
 * send instead (`hostile`): wrong types, missing and extra fields, limits crossed, bad text. A kind of schema this
 * walker does not know throws, so a new workflow using one fails the fuzz suite until it is mapped here.
 */
export interface SchemaArbitraries {
	valid: fc.Arbitrary<unknown>;
	hostile: fc.Arbitrary<unknown>;
	optional: boolean;
}

/** Field names a device could add to take over what the server decides. */
const EXTRA_FIELDS = [
	'hall_id',
	'staff_id',
	'version',
	'deleted_at',
	'first_responder_id',
	'merged_into',
	'__proto__',
	'constructor',
	'',
	'x'.repeat(200),
	'字段'
];

export function schemaArbitraries(schema: core.$ZodType): SchemaArbitraries {
	const walked = schema as unknown as Schema;
	const def = walked._zod.def;
	switch (def.type) {
		case 'optional':
			return { ...schemaArbitraries(inner(def)), optional: true };
		case 'nullable': {
			const of = schemaArbitraries(inner(def));
			return { valid: fc.oneof(fc.constant(null), of.valid), hostile: of.hostile, optional: of.optional };
		}
		case 'object':
			return objectArbitraries(def.shape ?? {});
		case 'string':
			return stringArbitraries(walked, def);
		case 'number':
			return numberArbitraries(def);
		case 'boolean':
			return {
				valid: fc.boolean(),
				hostile: wrongType.filter((value) => typeof value !== 'boolean'),
				optional: false
			};
		case 'enum': {
			const values = Object.values(def.entries ?? {});
			const near = values.flatMap((value) => [value.toUpperCase(), ` ${value}`, `${value}\u0000`]);
			return {
				valid: fc.constantFrom(...values),
				hostile: fc.oneof(fc.constantFrom(...near), hostileText(40)),
				optional: false
			};
		}
		case 'array': {
			if (!def.element) throw new Error('array schema without element');
			const element = schemaArbitraries(def.element as unknown as core.$ZodType);
			return {
				valid: fc.array(element.valid, { maxLength: 6 }),
				hostile: fc.oneof(
					fc.array(element.hostile, { minLength: 1, maxLength: 3 }),
					fc.array(element.valid, { minLength: 100, maxLength: 400 }),
					wrongType.filter((value) => !Array.isArray(value))
				),
				optional: false
			};
		}
		case 'record': {
			if (!def.keyType || !def.valueType) throw new Error('record schema without key or value type');
			const key = schemaArbitraries(def.keyType as unknown as core.$ZodType);
			const value = schemaArbitraries(def.valueType as unknown as core.$ZodType);
			const keyText = key.valid.filter((k): k is string => typeof k === 'string');
			return {
				valid: fc.dictionary(keyText, value.valid, { maxKeys: 4 }),
				hostile: fc.oneof(
					fc.dictionary(
						key.hostile.filter((k): k is string => typeof k === 'string'),
						value.valid,
						{ minKeys: 1, maxKeys: 3 }
					),
					fc.dictionary(keyText, value.hostile, { minKeys: 1, maxKeys: 3 }),
					wrongType.filter((v) => typeof v !== 'object' || v === null || Array.isArray(v))
				),
				optional: false
			};
		}
		default:
			throw new Error(
				`the fuzz suite has no arbitrary for zod type "${def.type}": add one to zod-arbitrary.ts`
			);
	}
}

function inner(def: Def): core.$ZodType {
	if (!def.innerType) throw new Error(`${def.type} schema without inner type`);
	return def.innerType as unknown as core.$ZodType;
}

function objectArbitraries(shape: Record<string, Schema>): SchemaArbitraries {
	const fields = Object.entries(shape).map(
		([key, field]) => [key, schemaArbitraries(field as unknown as core.$ZodType)] as const
	);
	const required = fields.filter(([, field]) => !field.optional).map(([key]) => key);
	const valid = fc.record(Object.fromEntries(fields.map(([key, field]) => [key, field.valid])), {
		requiredKeys: required
	}) as fc.Arbitrary<Record<string, unknown>>;
	const withField = (key: string, value: fc.Arbitrary<unknown>) =>
		fc.tuple(valid, value).map(([record, replaced]) => ({ ...record, [key]: replaced }));
	const oneFieldHostile = fc.oneof(...fields.map(([key, field]) => withField(key, field.hostile)));
	const missing = required.length
		? fc
				.tuple(valid, fc.constantFrom(...required))
				.map(([record, key]) => Object.fromEntries(Object.entries(record).filter(([name]) => name !== key)))
		: valid;
	const extra = fc
		.tuple(valid, fc.oneof(fc.constantFrom(...EXTRA_FIELDS), fc.string({ maxLength: 12 })), wrongType)
		.filter(([, key]) => !(key in shape))
		// defineProperty: `__proto__` must become a real key of the JSON, not the object's prototype.
		.map(([record, key, value]) => Object.defineProperty({ ...record }, key, { value, enumerable: true }));
	return {
		valid,
		hostile: fc.oneof(
			{ arbitrary: oneFieldHostile, weight: 6 },
			{ arbitrary: missing, weight: 1 },
			{ arbitrary: extra, weight: 1 },
			{ arbitrary: wrongType, weight: 1 }
		),
		optional: false
	};
}

function stringArbitraries(schema: Schema, def: Def): SchemaArbitraries {
	switch (def.format) {
		case 'uuid':
			return { valid: validId, hostile: hostileId, optional: false };
		case 'datetime':
			return { valid: validTime, hostile: hostileTime, optional: false };
		case 'date':
			return { valid: validDate, hostile: hostileDate, optional: false };
		case undefined:
			break;
		default:
			throw new Error(`the fuzz suite has no arbitrary for string format "${def.format}"`);
	}
	const checks = (def.checks ?? []).map((check) => check._zod.def);
	const pattern = checks.find((check) => check.format === 'regex')?.pattern;
	const maximum = checks.find((check) => check.check === 'max_length')?.maximum ?? 2000;
	const candidates = pattern
		? fc.stringMatching(pattern)
		: fc.oneof(
				fc.string({ maxLength: 40 }),
				fc.string({ unit: fc.constantFrom('汉', '字', ' ', '\t', '\n', 'é', '😀', 'a'), maxLength: 40 }),
				fc.constant('a'.repeat(maximum))
			);
	// Whatever else the schema checks (refinements such as "no control characters") decides what is valid.
	return {
		valid: candidates.filter((value) => schema.safeParse(value).success),
		hostile: hostileText(maximum),
		optional: false
	};
}

function numberArbitraries(def: Def): SchemaArbitraries {
	const checks = (def.checks ?? []).map((check) => check._zod.def);
	const low = checks.find((check) => check.check === 'greater_than')?.value ?? -(2 ** 31);
	const high = checks.find((check) => check.check === 'less_than')?.value ?? 2 ** 31 - 1;
	const valid =
		def.format === 'safeint'
			? fc.integer({ min: low, max: high })
			: fc.double({ min: low, max: high, noNaN: true });
	return { valid, hostile: hostileInteger(low, high), optional: false };
}
