import { appendFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';

/**
 * The screens scanned in this run, by either worker: a file in the run's output folder (Playwright empties it when
 * a run starts), one line per screen, key and route. Both workers show the home, the sign-in page and most entry
 * screens, and a scan (axe twice) costs far more than reading a few kB: each screen is scanned once per run.
 * Two workers may still scan one screen at the same moment; that costs time, never a finding.
 */
export class ScannedScreens {
	private readonly file: string;
	/** Key → route, as last read or written by this worker. */
	private readonly known = new Map<string, string>();
	/** The output folder, made once: Playwright creates it only when something is written there. */
	private folder: Promise<unknown> | undefined;

	constructor(outputDir: string) {
		this.file = join(outputDir, '.accessibility-scanned');
	}

	/** Already scanned, as far as this worker has heard: cheap enough for every action of a test. */
	has(key: string): boolean {
		return this.known.has(key);
	}

	/** Hears what the other worker has scanned since. */
	async refresh(): Promise<void> {
		const text = await readFile(this.file, 'utf8').catch(() => '');
		for (const line of text.split('\n')) {
			const [key, route] = line.split('\t');
			if (key && route) this.known.set(key, route);
		}
	}

	async add(key: string, route: string): Promise<void> {
		this.known.set(key, route);
		await (this.folder ??= mkdir(dirname(this.file), { recursive: true }));
		// One short append per line: the other worker never reads half of it.
		await appendFile(this.file, `${key.replaceAll(/[\t\n]/g, ' ')}\t${route}\n`);
	}

	routes(): Set<string> {
		return new Set(this.known.values());
	}
}
