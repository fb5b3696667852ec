import { hallDate } from '$lib/domain/hall-time';
import {
	ledgerMonth,
	ledgerRequest,
	ledgerRuleSettings,
	type LedgerMonth,
	type LedgerRequest,
	type LedgerRuleSetting,
	type LedgerRuleSettings
} from '$lib/domain/ledger';
import type { BackendClient } from './client';
import { reportCaller, unaskable, type ReportFailure, type ReportResult } from './report-rpc';

/**
 * The monthly service-quality ledger over RPC (docs/REPORTS.md, "The monthly ledger"): `public.ledger_month(hall_id,
 * month)`, computed in Postgres with the report's checks, and a manager's changes to a month (closing, reopening).
 * The answer is read with `ledgerMonth` (ledger.ts); a refusal is one of the reasons of ./report-rpc.ts or one of
 * the ledger's own below.
 */

/**
 * The ledger's own refusals, by the server's stable messages: a change to a closed month, reopening one that is
 * open, closing one not yet over, a reopening without its reason, a manual item's points or note.
 */
const LEDGER_REFUSALS = {
	ledger_month_closed: 'month_closed',
	ledger_month_open: 'month_open',
	ledger_month_running: 'month_running',
	ledger_reason_missing: 'reason_missing',
	ledger_item_invalid: 'item_invalid',
	ledger_rules_invalid: 'rules_invalid'
} as const;
export type LedgerFailure = ReportFailure | (typeof LEDGER_REFUSALS)[keyof typeof LEDGER_REFUSALS];
export type LedgerResult<T> = { ok: true; value: T } | { ok: false; reason: LedgerFailure; detail: string };

/** A report call's result, with the ledger's own refusals (which report-rpc.ts calls unexpected) named. */
function withLedgerRefusals<T>(result: ReportResult<T>): LedgerResult<T> {
	if (result.ok || result.reason !== 'unexpected') return result;
	// report-rpc.ts puts the refusal as `${code}: ${message}`; the message is the stable part.
	const message = result.detail.slice(result.detail.indexOf(': ') + 2);
	const reason = Object.hasOwn(LEDGER_REFUSALS, message)
		? LEDGER_REFUSALS[message as keyof typeof LEDGER_REFUSALS]
		: result.reason;
	return { ...result, reason };
}

/** Whether the month can be asked: a hall, a real day of a month begun by the hall's today (UTC+8). */
export function isAskableMonth(request: LedgerRequest, today: string = hallDate()): boolean {
	if (!ledgerRequest.safeParse(request).success) return false;
	const day = new Date(`${request.month}T00:00:00Z`);
	return (
		!Number.isNaN(day.getTime()) &&
		day.toISOString().slice(0, 10) === request.month &&
		request.month.slice(0, 7) <= today.slice(0, 7)
	);
}

export function ledgerOver(client: () => BackendClient) {
	const call = reportCaller(client);
	const askable = 'the request names no hall or a month not yet begun';
	return {
		/** The ledger of the month holding `request.month`. */
		ledgerMonth: async (request: LedgerRequest): Promise<ReportResult<LedgerMonth>> => {
			if (!isAskableMonth(request)) return unaskable(askable);
			return call('ledger_month', { hall_id: request.hall_id, month: request.month }, ledgerMonth);
		},

		/** Closes the month (it must have ended): the answer is the ledger as frozen now. */
		closeMonth: async (request: LedgerRequest): Promise<LedgerResult<LedgerMonth>> => {
			if (!isAskableMonth(request)) return unaskable(askable);
			return withLedgerRefusals(
				await call('close_ledger_month', { hall_id: request.hall_id, month: request.month }, ledgerMonth)
			);
		},

		/** Adds a manual item (points: negative a deduction, positive a bonus) with its note to an open month. */
		addItem: async (
			request: LedgerRequest,
			points: number,
			note: string
		): Promise<LedgerResult<LedgerMonth>> => {
			if (!isAskableMonth(request)) return unaskable(askable);
			return withLedgerRefusals(
				await call(
					'add_ledger_item',
					{ hall_id: request.hall_id, month: request.month, points, note: note.trim() },
					ledgerMonth
				)
			);
		},

		/** Removes a manual item of an open month; the answer is its month's ledger. */
		removeItem: async (itemId: string): Promise<LedgerResult<LedgerMonth>> =>
			withLedgerRefusals(await call('remove_ledger_item', { item_id: itemId }, ledgerMonth)),

		/** A hall's rules (its own or the defaults), every rule with whether it counts. */
		rules: async (hallId: string): Promise<LedgerResult<LedgerRuleSettings>> =>
			withLedgerRefusals(await call('ledger_rules', { hall_id: hallId }, ledgerRuleSettings)),

		/** Sets a hall's rules (the whole set), or with null goes back to the defaults. */
		setRules: async (
			hallId: string,
			rules: LedgerRuleSetting[] | null
		): Promise<LedgerResult<LedgerRuleSettings>> =>
			withLedgerRefusals(await call('set_ledger_rules', { hall_id: hallId, rules }, ledgerRuleSettings)),

		/** Reopens a closed month with the reason, which the server records. */
		reopenMonth: async (request: LedgerRequest, reason: string): Promise<LedgerResult<LedgerMonth>> => {
			if (!isAskableMonth(request)) return unaskable(askable);
			return withLedgerRefusals(
				await call(
					'reopen_ledger_month',
					{ hall_id: request.hall_id, month: request.month, reason: reason.trim() },
					ledgerMonth
				)
			);
		}
	};
}

/** The ledger calls through the app's client, loaded on first use like the rest of Supabase. */
export async function appLedger(): Promise<ReturnType<typeof ledgerOver>> {
	const { supabase } = await import('./client');
	return ledgerOver(supabase);
}

/** `ledger_month` through the app's client. */
export async function fetchLedgerMonth(request: LedgerRequest): Promise<ReportResult<LedgerMonth>> {
	return (await appLedger()).ledgerMonth(request);
}
