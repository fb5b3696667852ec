/**
 * Runs `task` after the next paint, when the browser is idle (or within a second, or soon where it cannot say).
 * What a staff screen does not need for its first paint (Supabase Auth restoring the session, the profile's
 * refresh, the device's database and sync) starts here, so the screen shows from what the device stored first
 * and the rest neither competes with it for the network nor runs in the same task on a slow CPU.
 */
/** A user-timing mark: the first screen is rendered, and the first deferred work is about to start. */
export const FIRST_SCREEN_MARK = 'hall-assist:first-screen';

export function afterFirstPaint(task: () => void): () => void {
	let cancelled = false;
	const run = (): void => {
		if (!cancelled) task();
	};
	const frame = requestAnimationFrame(() => {
		// For measurements (tests/bench/bundle-size.ts): what the page requested before this is what its first
		// screen needed; what it requests after is deferred work.
		if (performance.getEntriesByName(FIRST_SCREEN_MARK).length === 0) performance.mark(FIRST_SCREEN_MARK);
		if ('requestIdleCallback' in globalThis) requestIdleCallback(run, { timeout: 1000 });
		else setTimeout(run, 0);
	});
	return () => {
		cancelled = true;
		cancelAnimationFrame(frame);
	};
}
