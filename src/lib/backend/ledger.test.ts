import { describe, expect, it } from 'vitest';
import { LEDGER_RULE_KEYS, ledgerMonth } from '$lib/domain/ledger';
import type { BackendClient } from './client';
import { isAskableMonth, ledgerOver } from './ledger';

const CENTER = 'a0000000-0000-4000-8000-000000000001';
const request = { hall_id: CENTER, month: '2026-11-01' };

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
	return { ledger: ledgerOver(() => client), asked };
}

const answer = ledgerMonth.parse({
	hall: { id: CENTER, name: '天津市河北区政务服务中心' },
	month: '2026-11-01',
	from: '2026-11-01',
	to: '2026-11-30',
	until: '2026-11-30T16:00:00+00:00',
	complete: true,
	generated_at: '2026-12-01T08:00:00+00:00',
	base: 100,
	pass_mark: 80,
	rules: LEDGER_RULE_KEYS.map((key) => ({
		key,
		kind: key.startsWith('patrols_') || key.startsWith('prechecks_') ? 'bonus' : 'deduction',
		points: key === 'complaint_reported' ? -2 : 1,
		cap: key === 'complaint_reported' ? -10 : 1,
		counted: key === 'complaint_reported' ? 1 : 0,
		applied: key === 'complaint_reported' ? -2 : 0,
		measured: null,
		evidence:
			key === 'complaint_reported'
				? [
						{
							kind: 'incident',
							id: 'b0000000-0000-4000-8000-000000000001',
							day: '2026-11-03',
							text: '等候区',
							window_key: null
						}
					]
				: []
	})),
	deductions: -2,
	bonuses: 0,
	score: 98,
	passes: true,
	items: [],
	closed: null,
	events: []
});

describe('ledgerMonth', () => {
	it('sends the request under the SQL function’s argument names and returns the parsed ledger', async () => {
		const { ledger, asked } = clientAnswering({ data: answer, error: null, status: 200 });
		expect(await ledger.ledgerMonth(request)).toEqual({ ok: true, value: answer });
		expect(asked).toEqual([{ fn: 'ledger_month', args: { hall_id: CENTER, month: '2026-11-01' } }]);
	});

	it('a refusal is its reason; a rule the contract does not know is unexpected', async () => {
		const refused = clientAnswering({
			data: null,
			error: { code: '22023', message: 'report_invalid_range' },
			status: 400
		});
		expect(await refused.ledger.ledgerMonth(request)).toMatchObject({ ok: false, reason: 'invalid_range' });
		const unknownRule = { ...answer, rules: [{ ...answer.rules[0], key: 'late_lunch' }] };
		const wrong = clientAnswering({ data: unknownRule, error: null, status: 200 });
		expect(await wrong.ledger.ledgerMonth(request)).toMatchObject({ ok: false, reason: 'unexpected' });
	});

	it('a month not begun or not a day is refused before any call', async () => {
		const { ledger, asked } = clientAnswering({ data: answer, error: null, status: 200 });
		expect(await ledger.ledgerMonth({ ...request, month: '2999-01-01' })).toMatchObject({
			ok: false,
			reason: 'invalid_range'
		});
		expect(asked).toEqual([]);
	});
});

describe('closing and reopening', () => {
	it('sends the SQL functions’ argument names, the reason trimmed, and reads the frozen ledger', async () => {
		const closed = {
			...answer,
			closed: { at: '2026-12-01T09:00:00+00:00', by_name: '刘洋' },
			events: [{ kind: 'close', at: '2026-12-01T09:00:00+00:00', by_name: '刘洋', reason: null }]
		};
		const { ledger, asked } = clientAnswering({ data: closed, error: null, status: 200 });
		expect(await ledger.closeMonth(request)).toEqual({ ok: true, value: closed });
		await ledger.reopenMonth(request, '  补录漏报的投诉  ');
		expect(asked).toEqual([
			{ fn: 'close_ledger_month', args: { hall_id: CENTER, month: '2026-11-01' } },
			{
				fn: 'reopen_ledger_month',
				args: { hall_id: CENTER, month: '2026-11-01', reason: '补录漏报的投诉' }
			}
		]);
	});

	it('names the ledger’s own refusals; the reports’ stay theirs', async () => {
		const refusal = async (code: string, message: string, status: number) => {
			const result = await clientAnswering({
				data: null,
				error: { code, message },
				status
			}).ledger.closeMonth(request);
			return result.ok ? 'ok' : result.reason;
		};
		expect(await refusal('PT409', 'ledger_month_closed', 409)).toBe('month_closed');
		expect(await refusal('PT409', 'ledger_month_open', 409)).toBe('month_open');
		expect(await refusal('22023', 'ledger_month_running', 400)).toBe('month_running');
		expect(await refusal('22023', 'ledger_reason_missing', 400)).toBe('reason_missing');
		expect(await refusal('22023', 'ledger_item_invalid', 400)).toBe('item_invalid');
		expect(await refusal('42501', 'report_forbidden', 403)).toBe('forbidden');
		expect(await refusal('XX000', 'boom: ledger_month_closed', 500)).toBe('unexpected');
	});
});

describe('isAskableMonth', () => {
	it('takes any real day of a month begun by today, in the hall’s calendar', () => {
		expect(isAskableMonth({ hall_id: CENTER, month: '2026-12-31' }, '2026-12-01')).toBe(true);
		expect(isAskableMonth({ hall_id: CENTER, month: '2027-01-01' }, '2026-12-31')).toBe(false);
		expect(isAskableMonth({ hall_id: CENTER, month: '2026-02-30' }, '2026-12-01')).toBe(false);
		expect(isAskableMonth({ hall_id: 'nope', month: '2026-11-01' }, '2026-12-01')).toBe(false);
	});
});
