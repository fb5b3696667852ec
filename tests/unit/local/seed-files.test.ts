import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot, seedFiles, seedFilesOf } from '../../../supabase/local/config';

const dir = '/project/supabase';

describe('the seed files the local stack applies', () => {
	it('are the ones supabase/config.toml lists, in order: the people first, then the catalog they publish, the patrol checkpoints and the key enterprises', async () => {
		expect(await seedFiles()).toEqual([
			path.join(repoRoot, 'supabase', 'seed.sql'),
			path.join(repoRoot, 'supabase', 'seed-catalog.sql'),
			path.join(repoRoot, 'supabase', 'seed-patrols.sql'),
			path.join(repoRoot, 'supabase', 'seed-enterprises.sql')
		]);
	});

	it('read a list over several lines, only from [db.seed], relative to the supabase folder', () => {
		const toml = [
			'[db]',
			'sql_paths = ["./not-this.sql"]',
			'[db.seed]',
			'enabled = true',
			'sql_paths = [',
			'  "./seed.sql",',
			"  'data/more.sql',",
			']',
			'[realtime]',
			'enabled = false'
		].join('\n');
		expect(seedFilesOf(toml, dir)).toEqual(['/project/supabase/seed.sql', '/project/supabase/data/more.sql']);
	});

	it('are none when seeding is disabled, and seed.sql when no list is given, as the Supabase CLI does', () => {
		expect(seedFilesOf('[db.seed]\nenabled = false\nsql_paths = ["./seed.sql"]\n', dir)).toEqual([]);
		expect(seedFilesOf('[db.seed]\nenabled = true\n', dir)).toEqual(['/project/supabase/seed.sql']);
	});
});
