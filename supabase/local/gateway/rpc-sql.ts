import type { ExposedFunction } from './functions';

const quote = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

/**
 * The statement for one RPC call. Arguments travel as one JSON document and are unpacked by
 * json_to_record() into the declared parameter types, as PostgREST does: PostgreSQL itself converts JSON
 * strings, numbers, arrays and objects (a bad value fails with its own SQLSTATE, e.g. 22P02 → 400). The result
 * is turned into JSON by PostgreSQL too, so numbers, timestamps and nulls look exactly as PostgREST prints them.
 */
export function callStatement(
	fn: ExposedFunction,
	argumentNames: string[],
	wholeBody: boolean,
	argumentsLiteral: string
): string {
	const target = `${quote(fn.schema)}.${quote(fn.name)}`;
	let call: string;
	let from = '';
	if (wholeBody) {
		call = `${target}(${argumentsLiteral}::${fn.parameters[0]?.type ?? 'json'})`;
	} else {
		const used = fn.parameters.filter((p) => argumentNames.includes(p.name));
		call = `${target}(${used.map((p) => `${quote(p.name)} := _pgrst_args.${quote(p.name)}`).join(', ')})`;
		if (used.length > 0) {
			const columns = used.map((p) => `${quote(p.name)} ${p.type}`).join(', ');
			from = `from json_to_record(${argumentsLiteral}::json) as _pgrst_args(${columns})`;
		}
	}
	switch (fn.returns) {
		case 'void':
			return `select ${call} ${from}`;
		case 'scalar':
			return `select to_json(${call})::text as body ${from}`;
		case 'composite':
			return `select to_json(_pgrst_result)::text as body ${from || 'from'} ${from ? 'cross join lateral' : ''} ${call} as _pgrst_result`;
		case 'set':
			return `select coalesce(json_agg(_pgrst_result), '[]')::text as body ${from || 'from'} ${from ? 'cross join lateral' : ''} ${call} as _pgrst_result`;
	}
}
