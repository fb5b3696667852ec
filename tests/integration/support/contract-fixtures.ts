import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { stack } from './clients';

const contractDir = path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'contract');

async function runSqlFile(file: string): Promise<void> {
	const client = new pg.Client({ connectionString: stack().databaseUrl });
	await client.connect();
	try {
		await client.query(await readFile(path.join(contractDir, file), 'utf8'));
	} finally {
		await client.end();
	}
}

/**
 * Installs the contract fixtures (users, contract_* functions) for the calling test file only and removes
 * them afterwards: they must not show up in the app's own checks, such as the list of executable functions.
 */
export function useContractFixtures(): void {
	beforeAll(() => runSqlFile('fixtures.sql'));
	afterAll(() => runSqlFile('fixtures-teardown.sql'));
}
