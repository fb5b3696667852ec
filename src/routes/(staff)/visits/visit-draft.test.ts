import { beforeAll, describe, expect, it } from 'vitest';
import { visitMessages } from '$lib/features/visits/messages';
import { defaultDue, demandProblems, emptyStart, startProblems, type DemandDraft } from './visit-draft';

// The visit screens load the pack before any of them runs this.
beforeAll(() => visitMessages.load());

const NOW = new Date('2026-12-01T02:00:00.000Z'); // 10:00 on 2026-12-01 in the hall
const OWNER = '0190d000-0000-7000-8000-000000000001';
const demand = (fields: Partial<DemandDraft> = {}): DemandDraft => ({
	key: 'k',
	demand: '希望协调办理施工许可',
	owner_id: OWNER,
	due_on: defaultDue('2026-12-01'),
	...fields
});

describe('starting a visit', () => {
	it('needs a project for a project follow-up, nothing else', () => {
		expect(startProblems(emptyStart())).toEqual({});
		expect(startProblems({ ...emptyStart(), kind: 'project' }).project_id).toBe('项目跟踪需选择一个项目。');
	});

	it('limits the people met to 200 characters', () => {
		expect(startProblems({ ...emptyStart(), met: '王'.repeat(201) }).met).toBe('内容过长，最多 200 个字。');
	});
});

describe('a demand', () => {
	it('is due two weeks after today by default, and then has no problem', () => {
		expect(defaultDue('2026-12-01')).toBe('2026-12-15');
		expect(demandProblems(demand(), NOW)).toEqual({});
	});

	it('says what is missing, field by field', () => {
		expect(demandProblems(demand({ demand: '  ', owner_id: '', due_on: '' }), NOW)).toEqual({
			demand: '请填写诉求内容。',
			owner_id: '请选择负责人。',
			due_on: '请选择办结期限。'
		});
	});

	it('accepts today up to 365 days ahead (hall dates), not yesterday nor later', () => {
		expect(demandProblems(demand({ due_on: '2026-12-01' }), NOW)).toEqual({});
		expect(demandProblems(demand({ due_on: '2027-12-01' }), NOW)).toEqual({});
		expect(demandProblems(demand({ due_on: '2026-11-30' }), NOW).due_on).toBe(
			'办结期限应在今天到 365 天之内。'
		);
		expect(demandProblems(demand({ due_on: '2027-12-02' }), NOW).due_on).toBe(
			'办结期限应在今天到 365 天之内。'
		);
	});
});
