/**
 * `npm run demo:history -- [--anchor YYYY-MM-DD] [--days N] [--hall <uuid>]…`: generates demo history
 * (supabase/demo/history.sql, docs/HISTORY.md) in the running local stack's database and prints what it wrote.
 * The database: DATABASE_URL, else the embedded server on HALL_DB_PORT (54322), as supabase/local/cli.ts starts it.
 */
import { parseArgs } from 'node:util';
import { defaultDbPort, portFromEnv } from '../local/config';
import { describeHistory, generateHistory, hallToday } from '../local/demo-history';
import { superuserPassword } from '../local/postgres';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function databaseUrl(): string {
	const port = portFromEnv('HALL_DB_PORT', defaultDbPort);
	return (
		process.env['DATABASE_URL'] || `postgresql://postgres:${superuserPassword}@127.0.0.1:${port}/postgres`
	);
}

async function main(): Promise<void> {
	const { values } = parseArgs({
		options: {
			anchor: { type: 'string', default: hallToday() },
			days: { type: 'string', default: '90' },
			hall: { type: 'string', multiple: true }
		}
	});
	const days = Number(values.days);
	if (!DAY.test(values.anchor) || !Number.isInteger(days) || days < 1) {
		console.error('Usage: npm run demo:history -- [--anchor YYYY-MM-DD] [--days N] [--hall <hall uuid>]…');
		process.exit(2);
	}
	const started = performance.now();
	const result = await generateHistory(databaseUrl(), {
		anchor: values.anchor,
		days,
		hallIds: values.hall
	});
	console.log(describeHistory(result));
	console.log(`  replaced ${result.removed.toLocaleString('en')} rows of earlier runs`);
	for (const [table, count] of Object.entries(result.rows).sort(([a], [b]) => a.localeCompare(b))) {
		console.log(`  ${table.padEnd(24)} ${count.toLocaleString('en').padStart(8)}`);
	}
	const steps = Object.entries(result.step_ms)
		.map(([step, ms]) => `${step} ${ms}`)
		.join(', ');
	console.log(`  in the database: ${steps} (ms)`);
	console.log(`  command: ${((performance.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((error: unknown) => {
	console.error(`demo:history failed: ${error instanceof Error ? error.message : String(error)}`);
	process.exit(1);
});
