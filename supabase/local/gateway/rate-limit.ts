/** GoTrue's limit on /token: `token_refresh` requests per 5 minutes and client address, in bursts of up to 30. */
export interface RateLimit {
	perFiveMinutes: number;
	burst: number;
}

/** Supabase's defaults: `[auth.rate_limit] token_refresh = 150`, and GoTrue's fixed burst of 30. */
export const defaultTokenRateLimit: RateLimit = { perFiveMinutes: 150, burst: 30 };

/** Buckets kept before full ones (clients idle long enough to have their whole burst back) are dropped. */
const maxTrackedClients = 10_000;

interface Bucket {
	tokens: number;
	updatedAt: number;
}

/**
 * A token bucket per key, as GoTrue's limiter (tollbooth) does: each key starts with `burst` requests and gets
 * them back at `perFiveMinutes / 300` per second.
 */
export class RateLimiter {
	private readonly buckets = new Map<string, Bucket>();
	private readonly perMs: number;

	constructor(
		private readonly limit: RateLimit,
		private readonly now: () => number = Date.now
	) {
		this.perMs = limit.perFiveMinutes / 300_000;
	}

	/** True when `key` may make one more request now (and counts it). */
	take(key: string): boolean {
		const now = this.now();
		const bucket = this.buckets.get(key) ?? { tokens: this.limit.burst, updatedAt: now };
		bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (now - bucket.updatedAt) * this.perMs);
		bucket.updatedAt = now;
		if (this.buckets.size >= maxTrackedClients) this.dropFull(now);
		this.buckets.set(key, bucket);
		if (bucket.tokens < 1) return false;
		bucket.tokens -= 1;
		return true;
	}

	private dropFull(now: number): void {
		for (const [key, bucket] of this.buckets) {
			if (bucket.tokens + (now - bucket.updatedAt) * this.perMs >= this.limit.burst) this.buckets.delete(key);
		}
	}
}
