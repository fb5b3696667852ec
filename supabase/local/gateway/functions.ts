import type pg from 'pg';

export interface FunctionParameter {
	name: string;
	/** The declared type as SQL (format_type), used to cast the JSON value. */
	type: string;
	hasDefault: boolean;
}

export type ReturnShape = 'void' | 'scalar' | 'composite' | 'set';

export interface ExposedFunction {
	schema: string;
	name: string;
	parameters: FunctionParameter[];
	returns: ReturnShape;
	volatility: 'i' | 's' | 'v';
}

interface ProcRow {
	name: string;
	volatility: 'i' | 's' | 'v';
	returns_set: boolean;
	return_type: string;
	return_kind: string;
	has_out_params: boolean;
	parameters: { name: string; type: string; has_default: boolean }[];
}

/**
 * The functions of the exposed schema, like PostgREST's schema cache. Loaded lazily and reloaded when a call
 * names a function or signature not in the cache, so new migrations need no restart (PostgREST needs
 * `notify pgrst, 'reload schema'`; here a miss is enough).
 */
export class FunctionCatalog {
	private cache: Map<string, ExposedFunction[]> | undefined;

	constructor(
		private readonly pool: pg.Pool,
		readonly schema = 'public'
	) {}

	async find(
		name: string,
		argumentNames: string[]
	): Promise<{ match?: ExposedFunction; overloads: ExposedFunction[] }> {
		let result = this.lookup(await this.load(false), name, argumentNames);
		if (!result.match) result = this.lookup(await this.load(true), name, argumentNames);
		return result;
	}

	async names(): Promise<string[]> {
		return [...(await this.load(false)).keys()];
	}

	private lookup(
		all: Map<string, ExposedFunction[]>,
		name: string,
		argumentNames: string[]
	): { match?: ExposedFunction; overloads: ExposedFunction[] } {
		const overloads = all.get(name) ?? [];
		const given = new Set(argumentNames);
		const match = overloads.find((fn) => {
			const names = new Set(fn.parameters.map((p) => p.name));
			return (
				argumentNames.every((arg) => names.has(arg)) &&
				fn.parameters.every((p) => p.hasDefault || given.has(p.name))
			);
		});
		// A single unnamed json/jsonb parameter receives the whole body, as in PostgREST.
		const single =
			match ??
			overloads.find(
				(fn) =>
					fn.parameters.length === 1 &&
					fn.parameters[0]?.name === '' &&
					/^jsonb?$/.test(fn.parameters[0].type)
			);
		return { match: single, overloads };
	}

	private async load(force: boolean): Promise<Map<string, ExposedFunction[]>> {
		if (this.cache && !force) return this.cache;
		const result = await this.pool.query<ProcRow>(
			`select p.proname as name,
			        p.provolatile as volatility,
			        p.proretset as returns_set,
			        format_type(p.prorettype, null) as return_type,
			        t.typtype as return_kind,
			        coalesce('o' = any(p.proargmodes) or 't' = any(p.proargmodes), false) as has_out_params,
			        coalesce((
			          select json_agg(json_build_object(
			                   'name', coalesce(p.proargnames[a.ordinality], ''),
			                   'type', format_type(a.type_oid, null),
			                   'has_default', a.input_position > p.pronargs - p.pronargdefaults)
			                 order by a.ordinality)
			          from (
			            select args.type_oid, args.ordinality,
			                   row_number() over (order by args.ordinality) as input_position
			            from unnest(coalesce(p.proallargtypes, p.proargtypes::oid[])) with ordinality as args(type_oid, ordinality)
			            where coalesce(p.proargmodes[args.ordinality], 'i') in ('i', 'b', 'v')
			          ) a
			        ), '[]'::json) as parameters
			   from pg_proc p
			   join pg_namespace n on n.oid = p.pronamespace
			   join pg_type t on t.oid = p.prorettype
			  where n.nspname = $1 and p.prokind = 'f'`,
			[this.schema]
		);
		const functions = new Map<string, ExposedFunction[]>();
		for (const row of result.rows) {
			const fn: ExposedFunction = {
				schema: this.schema,
				name: row.name,
				volatility: row.volatility,
				parameters: row.parameters.map((p) => ({ name: p.name, type: p.type, hasDefault: p.has_default })),
				returns: returnShape(row)
			};
			functions.set(row.name, [...(functions.get(row.name) ?? []), fn]);
		}
		this.cache = functions;
		return functions;
	}
}

function returnShape(row: ProcRow): ReturnShape {
	if (row.returns_set) return 'set';
	if (row.return_type === 'void') return 'void';
	if (row.return_kind === 'c' || (row.return_type === 'record' && row.has_out_params)) return 'composite';
	return 'scalar';
}
