import { beforeAll, describe, expect, it } from 'vitest';
import { visitMessages } from '$lib/features/visits/messages';
import { dueLabel, followUpRefusalMessage } from './labels';

// The follow-up screens load the pack before any of them runs this.
beforeAll(() => visitMessages.load());

describe('a follow-up’s due date in words', () => {
	const today = '2026-12-01';
	it('says overdue in words, not by colour alone', () => {
		expect(dueLabel({ status: 'in_progress', due_on: '2026-11-30' }, today)).toBe('已逾期 · 2026-11-30 到期');
	});

	it('says due today, and the date otherwise', () => {
		expect(dueLabel({ status: 'open', due_on: today }, today)).toBe('今天到期');
		expect(dueLabel({ status: 'open', due_on: '2026-12-08' }, today)).toBe('2026-12-08 到期');
	});

	it('never calls a closed one overdue', () => {
		expect(dueLabel({ status: 'done', due_on: '2026-11-01' }, today)).toBe('2026-11-01 到期');
	});
});

describe('a refused step in words', () => {
	it('names the status it has now when the step came too late', () => {
		expect(followUpRefusalMessage({ code: 'conflict', reason: 'stale', current: 'done' })).toBe(
			'这条事项已变为“已办结”，请看最新情况后再操作。'
		);
	});

	it('says who may take it', () => {
		expect(followUpRefusalMessage({ code: 'forbidden', reason: 'managers_only' })).toBe(
			'只有管理人员可以这样操作。'
		);
	});
});
