import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { reportHall } from './report';

/**
 * The monthly service-quality ledger (服务质量考核, 百分制台账): the purchaser scores the company out of 100 each
 * month, deductions first, then bonuses; 80 or more means no fee deduction. `public.ledger_month` (supabase/
 * migrations/*_workload_and_ledger.sql) computes each rule from the data with the rows to link to as evidence; this
 * schema is the client's one definition of the answer. docs/REPORTS.md "The monthly ledger" says how each rule
 * counts. A manager closes a month that has ended: from then on the answer is the snapshot taken at closing, until
 * a reopening that names its reason (both recorded in `events`).
 *
 * The month is the hall's calendar month (UTC+8); "at the month's end" is its last instant, or now while it runs.
 */

/** app.ledger_scale() on the server; the integration test compares the two. */
export const LEDGER_SCALE = { base: 100, passMark: 80 } as const;

/** app.ledger_closing_rules() on the server (the integration test compares them): a reopening's reason. */
export const LEDGER_CLOSING_RULES = { reasonMax: 200 } as const;

/**
 * app.ledger_item_rules() on the server (the integration test compares them): a manual item's points, tenths from
 * −pointsMax to +pointsMax (not 0: negative a deduction, positive a bonus), and its note.
 */
export const LEDGER_ITEM_RULES = { pointsMax: 20, noteMax: 200 } as const;

export type LedgerItemProblem = 'points_invalid' | 'note_missing' | 'note_too_long';

/**
 * What is wrong with a manual item as typed (the server refuses the same as `ledger_item_invalid`): points as
 * text, a number of tenths within the bounds and not 0; a note, trimmed, of at most noteMax characters.
 */
export function ledgerItemProblems(points: string, note: string): LedgerItemProblem[] {
	const problems: LedgerItemProblem[] = [];
	const text = points.trim().replace('−', '-');
	const value = Number(text);
	if (!/^[+-]?\d+(\.\d)?$/.test(text) || value === 0 || Math.abs(value) > LEDGER_ITEM_RULES.pointsMax) {
		problems.push('points_invalid');
	}
	const trimmed = note.trim();
	if (trimmed.length === 0) problems.push('note_missing');
	else if ([...trimmed].length > LEDGER_ITEM_RULES.noteMax) problems.push('note_too_long');
	return problems;
}

/**
 * A manager's item of the month: its points, its note (the evidence), who entered it and when, and how many photos
 * it has (owner kind `ledger_item`; absent from snapshots of months closed before items took photos: none).
 */
export const ledgerItem = lazySchema(() =>
	z.object({
		id: z.uuid(),
		points: z.number(),
		note: z.string(),
		by_name: z.string(),
		at: z.string(),
		photos: z._default(z.int().check(z.minimum(0)), 0)
	})
);
export type LedgerItem = z.infer<typeof ledgerItem>;

/**
 * The rules, deductions then bonuses, as app.ledger_default_rules() lists them (the integration test compares the
 * keys). Their labels are the UI's message keys; points and caps come with each answer (a hall may set its own).
 */
export const LEDGER_RULE_KEYS = [
	/** A plan window of an open day with no round at all. */
	'patrol_window_missed',
	/** A window whose finished rounds all started after its end plus grace. */
	'patrol_window_late',
	/** A finished round that did not check every active checkpoint. */
	'patrol_round_incomplete',
	/** An incident not resolved by its resolve limit, counted in the month the limit ran out. */
	'incident_over_limit',
	/** A complaint (投诉) reported in the month. */
	'complaint_reported',
	/** A complaint reported in the month and not closed by its end. */
	'complaint_open',
	/** A one-time notice whose applicant came back to a gap it did not name (once per notice). */
	'broken_promise',
	/** A follow-up open at the month's end and past its due date. */
	'follow_up_overdue',
	/** Bonus: every expected patrol window of the month on time. */
	'patrols_all_on_time',
	/** Bonus: pre-checks complete at the first round at least minRate of at least minCount made in the month. */
	'prechecks_complete_first'
] as const;
export const ledgerRuleKey = z.enum(LEDGER_RULE_KEYS);
export type LedgerRuleKey = z.infer<typeof ledgerRuleKey>;

const day = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const count = z.int().check(z.minimum(0));

export const ledgerRequest = lazySchema(() => z.object({ hall_id: z.uuid(), month: day }));
export type LedgerRequest = z.infer<typeof ledgerRequest>;

/** What an occurrence links to: the screen opens the row (or the patrol day) it names. */
export const ledgerEvidenceKind = z.enum([
	'patrol_window',
	'patrol_round',
	'incident',
	'precheck',
	'follow_up'
]);

export const ledgerEvidence = lazySchema(() =>
	z.object({
		kind: ledgerEvidenceKind,
		/**
		 * The row: the incident, the pre-check (its notice), the follow-up, the patrol round; for a late window its
		 * first finished round; null for a missed window (no row: link to the patrol day).
		 */
		id: z.nullable(z.uuid()),
		/**
		 * The hall day it happened: a window's or round's day, a complaint's report, a broken promise's return visit,
		 * an incident's resolve limit running out, a follow-up's due date.
		 */
		day,
		/** A short text: the window's label, the incident's place, the notice number, the follow-up's demand (60). */
		text: z.nullable(z.string()),
		/** The plan window's key (patrol evidence of a window), else null. */
		window_key: z.nullable(z.string())
	})
);
export type LedgerEvidence = z.infer<typeof ledgerEvidence>;

export const ledgerRule = lazySchema(() =>
	z.object({
		key: ledgerRuleKey,
		kind: z.enum(['deduction', 'bonus']),
		/** Points per occurrence: negative for a deduction (−0.5, −1, −2), positive for a bonus. */
		points: z.number(),
		/** The most the rule moves the score in a month (−10, +2…). */
		cap: z.number(),
		/** Occurrences (a deduction) or 1 when the bonus is earned, else 0. */
		counted: count,
		/** points × counted, held to the cap. */
		applied: z.number(),
		/** A bonus's measure: windows on time of those expected, complete first rounds of pre-checks made. */
		measured: z.nullable(z.object({ value: count, of: count })),
		/** Every occurrence, by day (deductions; empty for bonuses). */
		evidence: z.array(ledgerEvidence)
	})
);
export type LedgerRule = z.infer<typeof ledgerRule>;

export const ledgerMonthEvent = lazySchema(() =>
	z.object({
		kind: z.enum(['close', 'reopen']),
		at: z.string(),
		by_name: z.string(),
		reason: z.nullable(z.string())
	})
);
export type LedgerMonthEvent = z.infer<typeof ledgerMonthEvent>;

/** Why a reopening's reason is refused before asking (the server says `ledger_reason_missing` for both). */
export function reopenReasonProblem(reason: string): 'missing' | 'too_long' | null {
	const trimmed = reason.trim();
	if (trimmed.length === 0) return 'missing';
	return [...trimmed].length > LEDGER_CLOSING_RULES.reasonMax ? 'too_long' : null;
}

export const ledgerMonth = lazySchema(() =>
	z.object({
		hall: reportHall,
		/** The month's first day; `from` … `to` its days. */
		month: day,
		from: day,
		to: day,
		/** The month's end the "still open" rules read: its last instant, or when computed while it runs. */
		until: z.string(),
		/** Whether the month is over (else the figures may still change). */
		complete: z.boolean(),
		generated_at: z.string(),
		base: z.number(),
		pass_mark: z.number(),
		/** Deductions first, then bonuses, each in the rules' order. */
		rules: z.array(ledgerRule),
		/** The manual items of the month (not removed), oldest first; they count in the sums below. */
		items: z.array(ledgerItem),
		/** The sums of the applied points and the manual items: deductions ≤ 0, bonuses ≥ 0. */
		deductions: z.number().check(z.maximum(0)),
		bonuses: z.number().check(z.minimum(0)),
		/** min(base, max(0, base + deductions) + bonuses): never below 0, never above the base. */
		score: z.number().check(z.minimum(0), z.maximum(LEDGER_SCALE.base)),
		/** score ≥ pass_mark. */
		passes: z.boolean(),
		/** When the month was closed and by whom (the answer is then the snapshot taken at closing), or null: open. */
		closed: z.nullable(z.object({ at: z.string(), by_name: z.nullable(z.string()) })),
		/** Every closing and reopening of the month, oldest first; a reopening names its reason. */
		events: z.array(ledgerMonthEvent)
	})
);
export type LedgerMonth = z.infer<typeof ledgerMonth>;

/**
 * app.ledger_rule_limits() on the server (the integration test compares them): a hall's own rules' points and caps
 * in tenths, a deduction's negative and a bonus's positive, |points| ≤ pointsMax, the cap from one occurrence's
 * points to capMax; the pre-checks bonus's minCount up to minCountMax.
 */
export const LEDGER_RULE_LIMITS = { pointsMax: 20, capMax: 100, minCountMax: 1000 } as const;

/** One rule as a hall sets it (app.ledger_rules): the defaults' fields and whether it counts. */
export const ledgerRuleSetting = lazySchema(() =>
	z.object({
		key: ledgerRuleKey,
		kind: z.enum(['deduction', 'bonus']),
		points: z.number(),
		cap: z.number(),
		enabled: z.boolean(),
		minRate: z.optional(z.number()),
		minCount: z.optional(z.number())
	})
);
export type LedgerRuleSetting = z.infer<typeof ledgerRuleSetting>;

/** A hall's rules as `ledger_rules` / `set_ledger_rules` answer: its own (`custom`) or the defaults. */
export const ledgerRuleSettings = lazySchema(() =>
	z.object({
		hall_id: z.uuid(),
		custom: z.boolean(),
		rules: z.array(ledgerRuleSetting),
		updated_by_name: z.nullable(z.string()),
		updated_at: z.nullable(z.string())
	})
);
export type LedgerRuleSettings = z.infer<typeof ledgerRuleSettings>;

const isTenths = (value: number) =>
	Number.isFinite(value) && Math.abs(Math.round(value * 10) - value * 10) < 1e-9;

/** Whether one rule's points and cap are within LEDGER_RULE_LIMITS (as app.ledger_rules_problem checks them). */
export function ruleSettingValid(rule: Pick<LedgerRuleSetting, 'kind' | 'points' | 'cap'>): boolean {
	const { points, cap } = rule;
	if (!isTenths(points) || !isTenths(cap)) return false;
	return rule.kind === 'deduction'
		? points <= -0.1 &&
				points >= -LEDGER_RULE_LIMITS.pointsMax &&
				cap <= points &&
				cap >= -LEDGER_RULE_LIMITS.capMax
		: points >= 0.1 &&
				points <= LEDGER_RULE_LIMITS.pointsMax &&
				cap >= points &&
				cap <= LEDGER_RULE_LIMITS.capMax;
}
