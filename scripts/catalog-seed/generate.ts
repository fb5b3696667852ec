import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogSeedSql } from './sql';

/** `npm run seed:catalog`: writes supabase/seed-catalog.sql from the demo catalog in this folder. */
export const seedCatalogFile = path.resolve(
	path.dirname(fileURLToPath(import.meta.url)),
	'..',
	'..',
	'supabase',
	'seed-catalog.sql'
);

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	await writeFile(seedCatalogFile, catalogSeedSql());
	console.log(`Wrote ${path.relative(process.cwd(), seedCatalogFile)}`);
}
