import { describe, expect, it } from 'vitest';
import type { LedgerItem } from '$lib/domain/ledger';
import { addedItem } from './added-item';

const item = (id: string, points: number, note: string): LedgerItem => ({
	id,
	points,
	note,
	by_name: '刘洋',
	at: '2026-11-30T02:00:00Z',
	photos: 0
});

describe('addedItem', () => {
	const before = [item('a', -2, '电话投诉')];

	it('finds the new item with the points and note sent (the server trims the note)', () => {
		const after = [...before, item('b', 1.5, '收到表扬信')];
		expect(addedItem(before, after, { points: 1.5, note: '  收到表扬信 ' })?.id).toBe('b');
	});

	it('passes over an item another manager added meanwhile, and an old one with the same text', () => {
		const after = [item('a', 1.5, '收到表扬信'), item('b', 1.5, '收到表扬信'), item('c', -1, '另一项')];
		expect(addedItem([item('a', 1.5, '收到表扬信')], after, { points: 1.5, note: '收到表扬信' })?.id).toBe(
			'b'
		);
	});

	it('answers undefined when the ledger shows no such new item', () => {
		expect(addedItem(before, before, { points: -2, note: '电话投诉' })).toBeUndefined();
	});
});
