import { expect, it } from 'vitest';
import { RateLimiter } from '../../../supabase/local/gateway/rate-limit';

it('allows a burst, then one request per 300/perFiveMinutes seconds, per key', () => {
	let now = 0;
	const limiter = new RateLimiter({ perFiveMinutes: 150, burst: 3 }, () => now);
	expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([
		true,
		true,
		true,
		false
	]);
	expect(limiter.take('b')).toBe(true);
	now += 1_999; // 150 per 5 minutes: one request back every 2 s
	expect(limiter.take('a')).toBe(false);
	now += 1;
	expect(limiter.take('a')).toBe(true);
	now += 3_600_000; // never more than the burst, however long the key was idle
	expect([limiter.take('a'), limiter.take('a'), limiter.take('a'), limiter.take('a')]).toEqual([
		true,
		true,
		true,
		false
	]);
});
