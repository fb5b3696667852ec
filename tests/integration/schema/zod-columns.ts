import type { core } from 'zod/mini';
import type { ZodNode as Schema } from '../support/zod-def';

/**
 * What a zod field says about its SQL column: information_schema's data_type, nullability, and an enum's values.
 * Lists of strings are text[]; lists of objects and records are jsonb.
 * Only the kinds of field the row schemas use; anything else throws, so a new kind gets a mapping here first.
 */
export interface ExpectedColumn {
	dataType: string;
	nullable: boolean;
	optional: boolean;
	/** For an enum, or an array of enum values. */
	enumValues?: string[];
	/** information_schema's udt_name where data_type alone does not say it (text[] is `_text`). */
	udtName?: string;
}

const STRING_FORMATS: Readonly<Record<string, string>> = {
	uuid: 'uuid',
	datetime: 'timestamp with time zone',
	date: 'date'
};

export function expectedColumn(field: core.$ZodType): ExpectedColumn {
	let schema = field as unknown as Schema;
	let nullable = false;
	let optional = false;
	for (;;) {
		const { type, innerType } = schema._zod.def;
		if (type === 'nullable' && innerType) nullable = true;
		else if (type === 'optional' && innerType) optional = true;
		else break;
		schema = innerType;
	}
	const def = schema._zod.def;
	switch (def.type) {
		case 'string':
			return { dataType: (def.format && STRING_FORMATS[def.format]) || 'text', nullable, optional };
		case 'number':
			// z.int() is a safe integer; z.float64() a double (positions, accuracies); plain numbers are the change
			// versions, bigint in SQL.
			if (def.format === 'float64') return { dataType: 'double precision', nullable, optional };
			return { dataType: def.format === 'safeint' ? 'integer' : 'bigint', nullable, optional };
		case 'boolean':
			return { dataType: 'boolean', nullable, optional };
		case 'enum':
			return { dataType: 'USER-DEFINED', nullable, optional, enumValues: Object.values(def.entries ?? {}) };
		case 'array': {
			const element = def.element?._zod.def;
			switch (element?.type) {
				case 'enum':
					return { dataType: 'ARRAY', nullable, optional, enumValues: Object.values(element.entries ?? {}) };
				case 'string':
					// Lists of ids (a visit's companions) are uuid[].
					if (element.format === 'uuid') return { dataType: 'ARRAY', nullable, optional, udtName: '_uuid' };
					if (element.format) throw new Error(`no SQL mapping for arrays of ${element.format} strings`);
					return { dataType: 'ARRAY', nullable, optional, udtName: '_text' };
				case 'object':
					// A list of objects (situations, materials, marks) is one jsonb value, checked by the table's rules.
					return { dataType: 'jsonb', nullable, optional };
				default:
					throw new Error(`no SQL mapping for arrays of zod type ${element?.type}`);
			}
		}
		case 'record':
			// Keyed values (answers by question key) are one jsonb object.
			return { dataType: 'jsonb', nullable, optional };
		default:
			throw new Error(`no SQL mapping for zod type ${def.type}`);
	}
}
