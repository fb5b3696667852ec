import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// Supabase records a migration by the number before its name (supabase_migrations.schema_migrations.version, a
// primary key): two files with one number stop `supabase db push` and the local stack's start alike. Two
// branches each adding "the next" migration is how that happens.
const MIGRATIONS = join(import.meta.dirname, '..', '..', 'supabase', 'migrations');

describe('migration files', () => {
	const files = readdirSync(MIGRATIONS).filter((name) => name.endsWith('.sql'));

	it('are named <14-digit version>_<name>.sql', () => {
		expect(files.filter((name) => !/^\d{14}_[a-z0-9_]+\.sql$/.test(name))).toEqual([]);
	});

	it('each have a version of their own', () => {
		const byVersion = new Map<string, string[]>();
		for (const name of files)
			byVersion.set(name.slice(0, 14), [...(byVersion.get(name.slice(0, 14)) ?? []), name]);
		const shared = [...byVersion.values()].filter((names) => names.length > 1);
		expect(shared).toEqual([]);
	});
});
