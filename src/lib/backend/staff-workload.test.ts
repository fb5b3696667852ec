import { describe, expect, it } from 'vitest';
import { staffWorkload } from '$lib/domain/assessment';
import type { BackendClient } from './client';
import { staffWorkloadOver } from './staff-workload';

const CENTER = 'a0000000-0000-4000-8000-000000000001';
const request = { hall_ids: [CENTER], from: '2026-11-01', to: '2026-11-30' };

type Answer = { data: unknown; error: { code: string; message: string } | null; status: number };

function clientAnswering(answer: Answer | Error) {
	const asked: { fn: string; args: unknown }[] = [];
	const client = {
		rpc: (fn: string, args: unknown) => {
			asked.push({ fn, args });
			return {
				abortSignal: () => (answer instanceof Error ? Promise.reject(answer) : Promise.resolve(answer))
			};
		}
	} as unknown as BackendClient;
	return { workload: staffWorkloadOver(() => client), asked };
}

const answer = staffWorkload.parse({
	halls: [{ id: CENTER, name: '天津市河北区政务服务中心' }],
	from: '2026-11-01',
	to: '2026-11-30',
	generated_at: '2026-12-01T08:00:00+00:00',
	staff: [
		{
			staff_id: 'c0000000-0000-4000-8000-000000000001',
			name: '王芳',
			post: 'intake',
			hall_id: CENTER,
			active: true,
			records_first_responder: 120,
			record_events: 300,
			prechecks: 40,
			notices: 12,
			return_rounds: 8,
			patrol_rounds: 6,
			patrol_rounds_late: 1,
			patrol_rounds_incomplete: 0,
			incidents_reported: 2,
			incidents_handled: 1,
			incident_steps: 3,
			visits: 0,
			visits_accompanied: 1,
			follow_ups_opened: 0,
			follow_ups_closed: 0,
			follow_up_steps: 0
		}
	]
});

describe('staffWorkload', () => {
	it('sends the request under the SQL function’s argument names and returns the parsed answer', async () => {
		const { workload, asked } = clientAnswering({ data: answer, error: null, status: 200 });
		expect(await workload.staffWorkload(request)).toEqual({ ok: true, value: answer });
		expect(asked).toEqual([
			{ fn: 'staff_workload', args: { hall_ids: [CENTER], from_day: '2026-11-01', to_day: '2026-11-30' } }
		]);
	});

	it('a refusal is its reason; another shape is unexpected; a thrown fetch is the network', async () => {
		const refused = clientAnswering({
			data: null,
			error: { code: '42501', message: 'report_forbidden' },
			status: 403
		});
		expect(await refused.workload.staffWorkload(request)).toEqual({
			ok: false,
			reason: 'forbidden',
			detail: '42501: report_forbidden'
		});
		const wrong = clientAnswering({ data: { ...answer, staff: [{ name: 'x' }] }, error: null, status: 200 });
		expect(await wrong.workload.staffWorkload(request)).toMatchObject({ ok: false, reason: 'unexpected' });
		const thrown = clientAnswering(new Error('AbortError: timed out'));
		expect(await thrown.workload.staffWorkload(request)).toMatchObject({ ok: false, reason: 'network' });
	});

	it('a range it cannot ask is refused before any call', async () => {
		const { workload, asked } = clientAnswering({ data: answer, error: null, status: 200 });
		for (const bad of [
			{ ...request, hall_ids: [] },
			{ ...request, from: '2026-12-01' },
			{ ...request, from: '2025-10-26', to: '2026-11-30' }
		]) {
			expect(await workload.staffWorkload(bad)).toMatchObject({ ok: false, reason: 'invalid_range' });
		}
		expect(asked).toEqual([]);
	});
});
