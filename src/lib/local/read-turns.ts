import { yieldToMain } from './yield-to-main';

/**
 * First answers take turns. A screen's live queries (the home has six) all start while the database is still
 * opening, and Dexie runs every read queued meanwhile in the one task that sees it open: a long task of a phone's
 * first load, on a new device a few hundred milliseconds. So each query starts once the database is open (when
 * `readsWaitFor` was told of its opening), and one per task.
 */
let opening: Promise<unknown> = Promise.resolve();
const waiting: (() => void)[] = [];
let taking = false;

/** Live queries started from now on wait for this (the device database's opening) before their first read. */
export function readsWaitFor(open: Promise<unknown>): void {
	// A database that cannot open says so to each query, as before; the wait itself never fails.
	opening = open.catch(() => undefined);
}

async function takeTurns(): Promise<void> {
	taking = true;
	for (;;) {
		// Checked before each start: the first query to run may be the one that asks for the database.
		await opening;
		await yieldToMain();
		const start = waiting.shift();
		if (!start) break;
		try {
			start();
		} catch (failure) {
			// One query failing to start must not hold up the others behind it.
			console.error('live query did not start', failure);
		}
	}
	taking = false;
}

/** Runs `start` (a live query's subscription) once the database is open, after those asked for before it. */
export function inTurn(start: () => void): void {
	waiting.push(start);
	if (!taking) void takeTurns();
}
