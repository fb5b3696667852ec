import { postgrestError, type PostgrestError } from './errors';
import type { ExposedFunction, FunctionCatalog } from './functions';

/**
 * PostgREST's PGRST202 (404) for a function it cannot find by name and argument names, with its message,
 * details and "Perhaps you meant" hint. The client treats this 404 as version skew, so the shape matters.
 */
export async function noFunctionError(
	catalog: FunctionCatalog,
	name: string,
	argumentNames: string[],
	overloads: ExposedFunction[],
	isPost: boolean
): Promise<PostgrestError> {
	const qualified = `${catalog.schema}.${name}`;
	const sorted = [...argumentNames].sort();
	const withParameters =
		sorted.length === 0
			? ' without parameters'
			: ` with parameter${sorted.length > 1 ? 's' : ''} ${sorted.join(', ')}`;
	const message = `Could not find the function ${qualified}${sorted.length === 0 ? ' without parameters' : `(${sorted.join(', ')})`} in the schema cache`;
	const details = `Searched for the function ${qualified}${withParameters}${
		isPost ? ' or with a single unnamed json/jsonb parameter' : ''
	}, but no matches were found in the schema cache.`;
	return postgrestError(404, 'PGRST202', message, details, await hint(catalog, name, overloads));
}

async function hint(
	catalog: FunctionCatalog,
	name: string,
	overloads: ExposedFunction[]
): Promise<string | null> {
	const prefix = `Perhaps you meant to call the function ${catalog.schema}.`;
	const overload = overloads[0];
	if (overload) {
		return `${prefix}${name}(${overload.parameters
			.map((p) => p.name)
			.sort()
			.join(', ')})`;
	}
	const names = await catalog.names();
	let best: { name: string; distance: number } | undefined;
	for (const candidate of names) {
		const distance = levenshtein(candidate, name);
		if (!best || distance < best.distance) best = { name: candidate, distance };
	}
	// Roughly PostgREST's 0.75 fuzzy-match threshold: only near misses (typos) get a suggestion.
	return best && best.distance <= Math.max(1, Math.floor(name.length / 4)) ? `${prefix}${best.name}` : null;
}

function levenshtein(a: string, b: string): number {
	let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
	for (let i = 1; i <= a.length; i++) {
		const current = [i];
		for (let j = 1; j <= b.length; j++) {
			const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
			current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution));
		}
		previous = current;
	}
	return previous[b.length] ?? 0;
}
