import { createHash, randomUUID } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';

/**
 * Where the local Storage keeps object bytes: one file per object under the stack's data folder
 * (`<bucket>/<sha-256 of the object name>`), so no object name can reach outside it and `db:reset` clears them
 * with the database. Which objects exist and who may read them is storage.objects' business, never the files'.
 */
export class ObjectFiles {
	constructor(private readonly root: string) {}

	private fileOf(bucket: string, name: string): string {
		const bucketDir = createHash('sha256').update(bucket).digest('hex').slice(0, 32);
		return path.join(this.root, bucketDir, createHash('sha256').update(name).digest('hex'));
	}

	/** Written whole to a temporary file, then renamed: a reader never sees half an object. */
	async write(bucket: string, name: string, bytes: Buffer): Promise<void> {
		const target = this.fileOf(bucket, name);
		await mkdir(path.dirname(target), { recursive: true });
		const temporary = `${target}.${randomUUID()}.tmp`;
		await writeFile(temporary, bytes);
		await rename(temporary, target);
	}

	/** The bytes, or undefined when the file is missing (an object row whose bytes were lost). */
	async read(bucket: string, name: string): Promise<Buffer | undefined> {
		try {
			return await readFile(this.fileOf(bucket, name));
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
			throw error;
		}
	}

	async remove(bucket: string, name: string): Promise<void> {
		await rm(this.fileOf(bucket, name), { force: true });
	}
}
