import { liveQuery } from 'dexie';
import { localReads } from './read-failures.svelte';
import { inTurn } from './read-turns';

/**
 * Dexie's liveQuery for runes, the one wrapper the app uses: `current` is undefined until the first answer, then
 * follows every change to the tables the query read. `args` is read in the effect, so when the arguments change
 * the query restarts; the previous answer stays on screen meanwhile (no flash of "loading").
 * Call during component initialisation (it uses $effect).
 */
export function live<A, T>(
	args: () => A,
	query: (args: A) => Promise<T>
): { readonly current: T | undefined; readonly error: unknown } {
	let current = $state<T | undefined>(undefined);
	let error = $state<unknown>(undefined);
	const subscribe = (value: A) =>
		liveQuery(() => query(value)).subscribe({
			next: (next) => {
				current = next;
				error = undefined;
			},
			error: (failure: unknown) => {
				// A screen showing "loading" forever would hide this; the console (and the e2e suite) sees it. A
				// database that cannot open at all is the device's, not a bug: the sync status says so to the user.
				if (databaseUnavailable(failure))
					console.warn('local read failed: the database is not open', failure);
				else {
					console.error('local read failed', failure);
					localReads.failed = true;
				}
				error = failure;
			}
		});
	$effect(() => {
		const value = args();
		let subscription: { unsubscribe(): void } | undefined;
		let stopped = false;
		inTurn(() => {
			if (stopped) return;
			subscription = subscribe(value);
		});
		return () => {
			stopped = true;
			subscription?.unsubscribe();
		};
	});
	return {
		get current() {
			return current;
		},
		get error() {
			return error;
		}
	};
}

/** Dexie's names for "there is no database to read" (private mode, storage blocked or full), as opposed to a query bug. */
function databaseUnavailable(failure: unknown): boolean {
	return (
		failure instanceof Error &&
		['OpenFailedError', 'MissingAPIError', 'DatabaseClosedError'].includes(failure.name)
	);
}
