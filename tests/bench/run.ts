// `npm run bench`: runs every benchmark in this folder, one after another (they share two cores, so never in
// parallel), each as its own process so a crash in one still lets the others report.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const benches = readdirSync(here)
	.filter((file) => file.endsWith('.ts') && file !== basename(fileURLToPath(import.meta.url)))
	.sort();

const failed: string[] = [];
for (const file of benches) {
	console.log(`\n=== ${file} ===`);
	const result = spawnSync(process.execPath, ['--import', 'tsx', join(here, file)], { stdio: 'inherit' });
	if (result.status !== 0) failed.push(file);
}
if (failed.length > 0) {
	console.error(`\nbenchmarks that failed: ${failed.join(', ')}`);
	process.exit(1);
}
