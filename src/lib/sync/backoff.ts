/**
 * Exponential backoff with full jitter: a random wait between 0 and min(cap, base·2^attempt). The randomness
 * spreads the retries of a hall full of tablets that lost Wi-Fi together, so they do not return in one wave.
 */
export interface BackoffPolicy {
	baseMs: number;
	capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, capMs: 5 * 60_000 };

export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number): number {
	const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
	return Math.floor(random() * ceiling);
}
