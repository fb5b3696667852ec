/**
 * serve.ts writes the running e2e stack's connection details here, so a test can make fixtures the seed does
 * not have (such as an account without a staff row). The directory is git-ignored.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

const FILE = join(import.meta.dirname, '..', '.artifacts', 'e2e-stack.json');

export interface StackInfo {
	databaseUrl: string;
}

export async function writeStackInfo(info: StackInfo): Promise<void> {
	await mkdir(dirname(FILE), { recursive: true });
	await writeFile(FILE, JSON.stringify(info));
}

export async function readStackInfo(): Promise<StackInfo> {
	const parsed: unknown = JSON.parse(await readFile(FILE, 'utf8'));
	if (typeof parsed !== 'object' || parsed === null || !('databaseUrl' in parsed)) {
		throw new Error(`${FILE} does not describe a running stack`);
	}
	return { databaseUrl: String(parsed.databaseUrl) };
}
