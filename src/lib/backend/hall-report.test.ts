import { describe, expect, it } from 'vitest';
import { hallReport } from '$lib/domain/report';
import type { BackendClient } from './client';
import { hallReportsOver, isAskableRange, reportFailure } from './hall-report';

const CENTER = 'a0000000-0000-4000-8000-000000000001';
const request = { hall_ids: [CENTER], from: '2026-11-01', to: '2026-11-30' };

type Answer = { data: unknown; error: { code: string; message: string } | null; status: number };

/** A client whose rpc() answers `answer` (or throws it), recording what it was asked. */
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
	return { reports: hallReportsOver(() => client), asked };
}

const zeros = (kinds: readonly string[], key: string, value = 'count') =>
	kinds.map((kind) => ({ [key]: kind, [value]: 0 }));

const emptyReport = hallReport.parse({
	halls: [{ id: CENTER, name: '天津市河北区政务服务中心' }],
	from: '2026-11-01',
	to: '2026-11-30',
	generated_at: '2026-12-01T08:00:00+00:00',
	operation: {
		visitors: 0,
		by_day: [],
		by_hour: Array.from({ length: 24 }, (_, hour) => ({ hour, visitors: 0 })),
		by_category: [],
		special_groups: zeros(['elderly', 'disabled', 'pregnant', 'foreigner'], 'group', 'visitors'),
		special_visitors: 0,
		green_channel: 0,
		events: zeros(
			['consult', 'precheck', 'guide_to_window', 'accept', 'notify_pickup', 'picked_up', 'mail', 'note'],
			'kind'
		)
	},
	consultations: { records: 0, events: 0, by_category: [] },
	prechecks: {
		prechecks: 0,
		complete_first: 0,
		complete_rate: null,
		notices: 0,
		returned: 0,
		completed_on_return: 0,
		broken_promises: 0,
		promise_kept_rate: null,
		most_missed: []
	},
	incidents: {
		reported: 0,
		by_category: [],
		by_severity: [],
		responded: 0,
		responded_within: 0,
		respond_median_minutes: null,
		resolved: 0,
		resolved_within: 0,
		resolve_median_minutes: null,
		overdue_open: 0
	},
	patrols: {
		expected_rounds: 0,
		rounds_on_time: 0,
		rounds_late: 0,
		rounds_missed: 0,
		extra_rounds: 0,
		checkpoints_missed: 0,
		problems: 0,
		problems_by_checkpoint: [],
		compliance_rate: null
	},
	supervision: { complaints: 0, callbacks: 0, closed: 0, open: 0 },
	visits: {
		visits: 0,
		by_kind: zeros(['onsite', 'stationed', 'project'], 'kind'),
		enterprises_visited: 0,
		follow_ups_opened: 0,
		follow_ups_done: 0,
		follow_ups_cannot_solve: 0,
		follow_ups_overdue: 0
	}
});

describe('reportFailure', () => {
	it('maps the server’s refusals, the network and anything else', () => {
		expect(reportFailure(403, '42501', 'report_forbidden')).toBe('forbidden');
		expect(reportFailure(400, '22023', 'report_invalid_range')).toBe('invalid_range');
		expect(reportFailure(0, '', 'TypeError: Failed to fetch')).toBe('network');
		expect(reportFailure(504, 'PGRST003', 'Timed out acquiring connection from connection pool.')).toBe(
			'network'
		);
		expect(reportFailure(500, '57014', 'canceling statement due to statement timeout')).toBe('unexpected');
		expect(reportFailure(403, '42501', 'permission denied for function hall_report')).toBe('unexpected');
	});
});

describe('hallReport', () => {
	it('sends the request under the SQL function’s argument names and returns the parsed report', async () => {
		const { reports, asked } = clientAnswering({ data: emptyReport, error: null, status: 200 });
		expect(await reports.hallReport(request)).toEqual({ ok: true, value: emptyReport });
		expect(asked).toEqual([
			{ fn: 'hall_report', args: { hall_ids: [CENTER], from_day: '2026-11-01', to_day: '2026-11-30' } }
		]);
	});

	it('a refusal is its reason, with the detail for the log', async () => {
		const { reports } = clientAnswering({
			data: null,
			error: { code: '42501', message: 'report_forbidden' },
			status: 403
		});
		expect(await reports.hallReport(request)).toEqual({
			ok: false,
			reason: 'forbidden',
			detail: '42501: report_forbidden'
		});
	});

	it('an answer of another shape is unexpected, a thrown fetch is the network', async () => {
		const wrong = clientAnswering({ data: { ...emptyReport, visits: null }, error: null, status: 200 });
		expect(await wrong.reports.hallReport(request)).toMatchObject({ ok: false, reason: 'unexpected' });
		const thrown = clientAnswering(new Error('AbortError: timed out'));
		expect(await thrown.reports.hallReport(request)).toMatchObject({ ok: false, reason: 'network' });
	});

	it('a range it cannot ask is refused before any call', async () => {
		const { reports, asked } = clientAnswering({ data: emptyReport, error: null, status: 200 });
		for (const bad of [
			{ ...request, hall_ids: [] },
			{ ...request, from: '2026-12-01' },
			{ ...request, from: '2025-10-26', to: '2026-11-30' }
		]) {
			expect(await reports.hallReport(bad)).toMatchObject({ ok: false, reason: 'invalid_range' });
		}
		expect(asked).toEqual([]);
	});
});

describe('isAskableRange', () => {
	it('takes one day and 400 days, not 401', () => {
		expect(isAskableRange({ ...request, from: '2026-11-30' })).toBe(true);
		expect(isAskableRange({ ...request, from: '2025-10-27' })).toBe(true);
		expect(isAskableRange({ ...request, from: '2025-10-26' })).toBe(false);
	});
});

describe('reportHalls', () => {
	it('returns the halls with their kind', async () => {
		const halls = [{ id: CENTER, name: '天津市河北区政务服务中心', kind: 'district_center' }];
		const { reports } = clientAnswering({ data: halls, error: null, status: 200 });
		expect(await reports.reportHalls()).toEqual({ ok: true, value: halls });
	});
});
