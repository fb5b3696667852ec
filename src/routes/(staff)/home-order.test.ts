import { describe, expect, it } from 'vitest';
import { POSTS } from '$lib/backend/staff-profile';
import { HOME_WORKFLOWS, homeOrder } from './home-order';

describe('the home’s order', () => {
	it('offers every workflow once to every post', () => {
		for (const post of POSTS) expect([...homeOrder(post)].sort()).toEqual([...HOME_WORKFLOWS].sort());
	});

	it('puts each post’s main work first', () => {
		expect(homeOrder('intake')[0]).toBe('tickets');
		expect(homeOrder('delivery')[0]).toBe('tickets');
		expect(homeOrder('assist')[0]).toBe('prechecks');
		expect(homeOrder('manager')[0]).toBe('incidents');
	});

	it('puts enterprise visits right after the main work of those who go out: assist and managers', () => {
		expect(homeOrder('assist').indexOf('visits')).toBe(2);
		expect(homeOrder('manager').indexOf('visits')).toBe(1);
		for (const post of ['intake', 'delivery'] as const) {
			expect(homeOrder(post).indexOf('visits')).toBe(homeOrder(post).indexOf('catalog') - 1);
		}
	});
});
