/**
 * A schema built the first time anything reads it (a parse, its shape, a schema that embeds it), not when its
 * module is evaluated. The app's row and op schemas are a few hundred zod objects with their field schemas; built
 * eagerly they were the largest part of the one long task that loads the device's data layer on every staff
 * screen, although a screen that only reads IndexedDB never parses with them. The returned object stands for the
 * schema everywhere (its type is the schema's): every property read goes to the schema, built on demand.
 *
 * Only property reads, `in` and the prototype are forwarded: a schema is used through its properties, never
 * enumerated or spread (zod itself reads `_zod`, `safeParse`, `shape`…).
 */
export function lazySchema<Schema extends object>(build: () => Schema): Schema {
	let built: Schema | undefined;
	const schema = (): Schema => (built ??= build());
	return new Proxy({} as Schema, {
		get: (_, key) => Reflect.get(schema(), key),
		has: (_, key) => Reflect.has(schema(), key),
		getPrototypeOf: () => Reflect.getPrototypeOf(schema())
	});
}
