import { describe, expect, it, vi } from 'vitest';
import { forgetOthersReports, keepReport, recallReport } from './saved-report';
import { testReport } from './test-report';

function memoryStore() {
	const entries = new Map<string, string>();
	return {
		get length() {
			return entries.size;
		},
		key: (index: number) => [...entries.keys()][index] ?? null,
		getItem: (key: string) => entries.get(key) ?? null,
		setItem: (key: string, value: string) => void entries.set(key, value),
		removeItem: (key: string) => void entries.delete(key),
		entries
	};
}

describe('the last report kept for offline reading', () => {
	it('is kept per user and read back with when it was saved', () => {
		const store = memoryStore();
		keepReport('user-a', testReport(), new Date('2026-11-03T02:00:00Z'), store);
		expect(recallReport('user-a', store)).toEqual({
			saved_at: '2026-11-03T02:00:00.000Z',
			report: testReport()
		});
		expect(recallReport('user-b', store)).toBeNull();
	});

	it('is not shown when stored in another shape', () => {
		const store = memoryStore();
		store.setItem('hall-assist.report.user-a', JSON.stringify({ saved_at: 'x', report: { halls: [] } }));
		expect(recallReport('user-a', store)).toBeNull();
		store.setItem('hall-assist.report.user-a', '{not json');
		expect(recallReport('user-a', store)).toBeNull();
	});

	it("drops other users' reports, keeping this user's and unrelated keys", () => {
		const store = memoryStore();
		keepReport('user-a', testReport(), new Date(), store);
		keepReport('user-b', testReport(), new Date(), store);
		store.setItem('hall-assist.profile.user-b', '{}');
		forgetOthersReports('user-a', store);
		expect([...store.entries.keys()].sort()).toEqual([
			'hall-assist.profile.user-b',
			'hall-assist.report.user-a'
		]);
	});

	it('survives a full storage', () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
		const store = {
			...memoryStore(),
			setItem: () => {
				throw new Error('QuotaExceededError');
			}
		};
		expect(keepReport('user-a', testReport(), new Date('2026-11-03T02:00:00Z'), store).saved_at).toBe(
			'2026-11-03T02:00:00.000Z'
		);
		expect(warn).toHaveBeenCalledOnce();
		warn.mockRestore();
	});
});
