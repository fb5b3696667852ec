import { describe, expect, it } from 'vitest';
import { STAFF_POSTS } from '$lib/domain/staff-directory';
import { HOME_WORKFLOWS, homeOrder, MANAGER_ONLY } from './home-order';

describe('the home’s order', () => {
	it('offers every workflow once to every post, and the day at a glance and the reports to managers only', () => {
		for (const post of STAFF_POSTS) {
			const own = post === 'manager' ? [...HOME_WORKFLOWS, ...MANAGER_ONLY] : [...HOME_WORKFLOWS];
			expect([...homeOrder(post)].sort()).toEqual(own.sort());
		}
	});

	it('puts each post’s main work first', () => {
		expect(homeOrder('intake')[0]).toBe('tickets');
		expect(homeOrder('delivery')[0]).toBe('tickets');
		expect(homeOrder('assist')[0]).toBe('prechecks');
		expect(homeOrder('manager').slice(0, 2)).toEqual(['today', 'incidents']);
	});

	it('puts enterprise visits right after the main work of those who go out: assist and managers', () => {
		expect(homeOrder('assist').indexOf('visits')).toBe(2);
		expect(homeOrder('manager').indexOf('visits')).toBe(2);
		for (const post of ['intake', 'delivery'] as const) {
			expect(homeOrder(post).indexOf('visits')).toBe(homeOrder(post).indexOf('catalog') - 1);
		}
	});
});
