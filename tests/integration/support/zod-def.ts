/**
 * The parts of a zod/mini schema's internal definition (`schema._zod.def`) that the tests read to derive things
 * from the client's schemas: SQL columns (schema/zod-columns.ts) and fuzz arbitraries (fuzz/support/zod-arbitrary.ts).
 */
export interface ZodCheck {
	check: string;
	format?: string;
	pattern?: RegExp;
	maximum?: number;
	value?: number;
}

export interface ZodDef {
	type: string;
	format?: string;
	innerType?: ZodNode;
	element?: ZodNode;
	/** z.record's key and value schemas. */
	keyType?: ZodNode;
	valueType?: ZodNode;
	entries?: Record<string, string>;
	shape?: Record<string, ZodNode>;
	checks?: { _zod: { def: ZodCheck } }[];
}

export interface ZodNode {
	_zod: { def: ZodDef };
	safeParse(value: unknown): { success: boolean };
}
