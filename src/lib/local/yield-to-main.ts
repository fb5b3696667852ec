/**
 * Ends the current task and continues in a new one, so the browser can paint and answer a tap in between. The
 * device's start-up (open the database, prepare it for the user, start the engine) is several steps of a few
 * milliseconds each on a desktop; on a phone's slower CPU, chained in one task, they become one long task that
 * delays the first tap on the home screen.
 */
export function yieldToMain(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}
