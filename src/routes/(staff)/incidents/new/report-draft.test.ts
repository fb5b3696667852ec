import { describe, expect, it } from 'vitest';
import { draftFromUrl, draftProblems, draftToReport, type ReportDraft } from './report-draft';

const CHECK = '0190d000-0000-7000-8000-000000000001';
const CHECKPOINT = '0190d000-0000-7000-8000-000000000002';

const draft = (fields: Partial<ReportDraft> = {}): ReportDraft => ({
	...draftFromUrl(new URLSearchParams()),
	category: 'equipment',
	place: '一楼大厅',
	description: '叫号屏不亮',
	...fields
});

describe('a report started from a patrol problem', () => {
	it('takes the place, category, description, checkpoint and check from the link', () => {
		const params = new URLSearchParams({
			check: CHECK,
			checkpoint: CHECKPOINT,
			place: '二楼自助服务区',
			category: 'hazard',
			description: '安全：灭火器过期'
		});
		expect(draftFromUrl(params)).toEqual({
			category: 'hazard',
			severity: 4,
			place: '二楼自助服务区',
			checkpoint_id: CHECKPOINT,
			description: '安全：灭火器过期',
			complainant_name: '',
			complainant_phone: '',
			source_check_id: CHECK
		});
	});

	it('ignores what it cannot use: an unknown category, ids that are not UUIDs', () => {
		const started = draftFromUrl(new URLSearchParams({ category: 'fire', check: '12', checkpoint: 'x' }));
		expect(started).toMatchObject({ category: null, checkpoint_id: null, source_check_id: null });
	});
});

describe('what the form asks for before storing', () => {
	it('a category, a place and a description', () => {
		expect(draftProblems(draft({ category: null, place: ' ', description: '' }))).toEqual({
			category: 'required',
			place: 'required',
			description: 'required'
		});
		expect(draftProblems(draft())).toEqual({});
	});

	it('a complaint: a name or a phone, and a phone that looks like one', () => {
		expect(draftProblems(draft({ category: 'complaint' }))).toEqual({
			complainant_name: 'complainant_required'
		});
		expect(draftProblems(draft({ category: 'complaint', complainant_phone: '138-1234-5678' }))).toEqual({});
		expect(draftProblems(draft({ category: 'complaint', complainant_phone: 'abc' }))).toEqual({
			complainant_phone: 'phone_invalid'
		});
	});

	it('a complainant typed before switching away from 投诉 is not stored', () => {
		const report = draftToReport(draft({ complainant_name: '张三明', complainant_phone: '13800000000' }));
		expect(report).toMatchObject({ complainant_name: null, complainant_phone: null });
	});
});
