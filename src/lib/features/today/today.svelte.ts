import { live } from '$lib/local/live.svelte';
import { localDb } from '../registry';
import { loadToday, type Today } from './load-today';

/** Today, re-read on every change to the rows and every minute (`now` from a minute clock). */
export function liveToday(now: () => number): {
	readonly current: Today | undefined;
	readonly error: unknown;
} {
	return live(now, (at) => loadToday(localDb(), at));
}
