import { afterEach, describe, expect, it, vi } from 'vitest';
import { CallerSlots } from '../../../supabase/local/gateway/caller-slots';

// One caller's calls beyond its share wait for a slot; other callers are not affected.

afterEach(() => {
	vi.useRealTimers();
});

describe('CallerSlots', () => {
	it('lets a caller have its share at once, queues the rest, and hands a released slot to the next', async () => {
		const slots = new CallerSlots(2);
		const first = await slots.acquire('alice', 1_000);
		await slots.acquire('alice', 1_000);
		let third: (() => void) | undefined;
		const waiting = slots.acquire('alice', 1_000).then((release) => (third = release));
		await Promise.resolve();
		expect(third).toBeUndefined();
		expect(await slots.acquire('bob', 1_000)).toBeTypeOf('function');
		first?.();
		await waiting;
		expect(third).toBeTypeOf('function');
	});

	it('gives up after the timeout when no slot is released', async () => {
		vi.useFakeTimers();
		const slots = new CallerSlots(1);
		const held = await slots.acquire('alice', 1_000);
		const waiting = slots.acquire('alice', 1_000);
		vi.advanceTimersByTime(1_000);
		expect(await waiting).toBeUndefined();
		// The slot that timed out waiting was never handed out: after the holder leaves, a new call gets one.
		held?.();
		expect(await slots.acquire('alice', 0)).toBeTypeOf('function');
	});
});
