import { describe, expect, it } from 'vitest';
import type { BackendClient } from './client';
import { assessmentOver } from './assessment';
import { weeklySummaryOver } from './weekly-summary';

const HALL = 'a0000000-0000-4000-8000-000000000001';
const STAFF = 'c0000000-0000-4000-8000-000000000001';

type Answer = { data: unknown; error: { code: string; message: string } | null; status: number };

function clientAnswering(answer: Answer) {
	const asked: { fn: string; args: unknown }[] = [];
	const client = {
		rpc: (fn: string, args: unknown) => {
			asked.push({ fn, args });
			return { abortSignal: () => Promise.resolve(answer) };
		}
	} as unknown as BackendClient;
	return { client: () => client, asked };
}

const summary = {
	week: '2026-11-09',
	done: '受理 32 件',
	problems: null,
	next_week: null,
	updated_at: '2026-11-13T08:00:00+00:00',
	manager_comment: null,
	commented_by_name: null,
	commented_at: null
};

describe('the assessment calls', () => {
	it('send the SQL functions’ argument names; an empty comment is none', async () => {
		const { client, asked } = clientAnswering({
			data: {
				...summary,
				staff_id: STAFF,
				month: '2026-11-01',
				district_rating: 80,
				skill: 90,
				attendance: 100
			},
			error: null,
			status: 200
		});
		const calls = assessmentOver(client);
		await calls.saveReview({
			staff_id: STAFF,
			month: '2026-11-15',
			district_rating: 80,
			skill: 90,
			attendance: 100,
			comment: '   '
		});
		await calls.setWeights(HALL, { workload: 40, district_rating: 20, skill: 20, attendance: 20 });
		await calls.quarterlyRanking(HALL, '2026-10-01');
		expect(asked).toEqual([
			{
				fn: 'save_monthly_review',
				args: {
					staff_id: STAFF,
					month: '2026-11-15',
					district_rating: 80,
					skill: 90,
					attendance: 100,
					comment: null
				}
			},
			{
				fn: 'set_assessment_weights',
				args: { hall_id: HALL, workload: 40, district_rating: 20, skill: 20, attendance: 20 }
			},
			{ fn: 'quarterly_ranking', args: { hall_id: HALL, quarter_start: '2026-10-01' } }
		]);
	});

	it('a refusal is its reason', async () => {
		const { client } = clientAnswering({
			data: null,
			error: { code: '22023', message: 'report_invalid_range' },
			status: 400
		});
		expect(await assessmentOver(client).monthlyReviews(HALL, '2099-01-01')).toMatchObject({
			ok: false,
			reason: 'invalid_range'
		});
	});
});

describe('the weekly summary calls', () => {
	it('trim the texts, send empty optional ones as none, and read no summary as null', async () => {
		const { client, asked } = clientAnswering({ data: summary, error: null, status: 200 });
		const calls = weeklySummaryOver(client);
		expect(
			await calls.save('2026-11-12', { done: ' 受理 32 件 ', problems: '  ', next_week: '学习' })
		).toEqual({ ok: true, value: summary });
		expect(asked[0]).toEqual({
			fn: 'save_weekly_summary',
			args: { week: '2026-11-12', done: '受理 32 件', problems: null, next_week: '学习' }
		});
		const none = clientAnswering({ data: null, error: null, status: 200 });
		expect(await weeklySummaryOver(none.client).mine('2026-11-09')).toEqual({ ok: true, value: null });
	});
});
