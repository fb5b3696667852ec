import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { deviceTimestamp, fromYearOne } from './sync-protocol';
import { plainText, visibleText } from './text';

/**
 * Daily hall patrols (每日巡查): a hall's checkpoints with their checklists, its plan of rounds per day, and the
 * rounds staff walk with one check per checkpoint visited. The client's one definition of the shape; the
 * server's is supabase/migrations/*_patrols.sql (schema agreement test). docs/PATROL.md has the rules.
 * The server stores facts only (times, how a checkpoint was identified); flags such as "late" or "too fast" are
 * derived on the device by patrol-evaluation.ts.
 */

/** How a checkpoint was identified in a round: its poster's QR, or picked from the list (poster damaged). */
export const IDENTIFIED_BY = ['scan', 'list'] as const;
export const identifiedBy = z.enum(IDENTIFIED_BY);
export type IdentifiedBy = z.infer<typeof identifiedBy>;

export const CHECK_STATUSES = ['ok', 'problem'] as const; // 正常 有问题
export const checkStatus = z.enum(CHECK_STATUSES);
export type CheckStatus = z.infer<typeof checkStatus>;

/** The check items every checkpoint starts with; a checkpoint adds its own besides. */
export const COMMON_ITEM_KEYS = ['clean', 'equipment', 'consumables', 'order', 'safety'] as const;

export const PATROL_LIMITS = {
	name: 60,
	instruction: 100,
	items: 20,
	itemLabel: 60,
	/** Order of a round: 1… */
	position: 999,
	windows: 8,
	windowLabel: 30,
	graceMinutes: 120,
	minScanIntervalSeconds: 600,
	note: 300,
	listReason: 200,
	comment: 500
} as const;

/** A check item's or a window's key: stable across edits. Read the same by JavaScript and PostgreSQL. */
export const PATROL_KEY_PATTERN = '^[a-z0-9][a-z0-9_-]{0,31}$';
/** A time of day on the hall's 24-hour clock, HH:MM. */
export const CLOCK_PATTERN = '^([01][0-9]|2[0-3]):[0-5][0-9]$';

/** What the server's app.patrols_rules() must answer; the schema agreement test compares the two. */
export const PATROL_RULES = {
	...PATROL_LIMITS,
	keyPattern: PATROL_KEY_PATTERN,
	clockPattern: CLOCK_PATTERN
};

const uuid = z.uuid();
const patrolKey = z.string().check(z.regex(new RegExp(PATROL_KEY_PATTERN)));
const clock = z.string().check(z.regex(new RegExp(CLOCK_PATTERN)));
const hallDay = z.iso.date().check(fromYearOne);

const distinctKeys = <T extends { key: string }>(list: T[]) =>
	new Set(list.map((entry) => entry.key)).size === list.length;

/** One line of a checkpoint's checklist. */
export const checkItem = lazySchema(() =>
	z.strictObject({
		key: patrolKey,
		label_zh: visibleText(PATROL_LIMITS.itemLabel),
		label_en: plainText(PATROL_LIMITS.itemLabel)
	})
);
export type CheckItem = z.infer<typeof checkItem>;

const checkItems = z
	.array(checkItem)
	.check(z.minLength(1), z.maxLength(PATROL_LIMITS.items), z.refine(distinctKeys));

/** An expected round: from `start` to `end` (hall time), late after `end` + the plan's grace. */
export const patrolWindow = lazySchema(() =>
	z
		.strictObject({
			key: patrolKey,
			label_zh: visibleText(PATROL_LIMITS.windowLabel),
			label_en: plainText(PATROL_LIMITS.windowLabel),
			start: clock,
			end: clock
		})
		.check(z.refine((w) => w.start < w.end, { path: ['end'] }))
);
export type PatrolWindow = z.infer<typeof patrolWindow>;

/** Windows of a day: distinct keys, none overlapping another (HH:MM compares as text). */
export const windowsOverlap = (windows: readonly Pick<PatrolWindow, 'start' | 'end'>[]): boolean =>
	windows.some((a, i) => windows.some((b, j) => i < j && a.start < b.end && b.start < a.end));

const patrolWindows = z.array(patrolWindow).check(
	z.maxLength(PATROL_LIMITS.windows),
	z.refine(distinctKeys),
	z.refine((list) => !windowsOverlap(list))
);

/** One check item's finding. A problem needs a note or a photo: the screen's rule (photos attach after the check). */
export const checkResult = lazySchema(() =>
	z.strictObject({
		item_key: patrolKey,
		status: checkStatus,
		note: z.nullable(plainText(PATROL_LIMITS.note))
	})
);
export type CheckResult = z.infer<typeof checkResult>;

const checkResults = z.array(checkResult).check(
	z.minLength(1),
	z.maxLength(PATROL_LIMITS.items),
	z.refine((list) => new Set(list.map((r) => r.item_key)).size === list.length)
);

// ─── Rows ─────────────────────────────────────────────────────────────────────────────────────────────────────

/** What a checkpoint says: everything a manager edits. Shared by the row and the save op, built with them. */
const checkpointContent = () => ({
	name_zh: visibleText(PATROL_LIMITS.name),
	name_en: plainText(PATROL_LIMITS.name),
	position: z.int().check(z.minimum(1), z.maximum(PATROL_LIMITS.position)),
	/** The poster's short line; null: the app's default instruction. */
	instruction_zh: z.nullable(plainText(PATROL_LIMITS.instruction)),
	items: checkItems
});

export const checkpointRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		...checkpointContent(),
		retired_at: z.nullable(deviceTimestamp),
		is_demo: z.boolean(),
		version: z.number()
	})
);
export type CheckpointRow = z.infer<typeof checkpointRow>;

/** The hall's plan of rounds per day: one row per hall. */
export const patrolPlanRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		windows: patrolWindows,
		grace_minutes: z.int().check(z.minimum(0), z.maximum(PATROL_LIMITS.graceMinutes)),
		min_scan_interval_seconds: z.int().check(z.minimum(0), z.maximum(PATROL_LIMITS.minScanIntervalSeconds)),
		is_demo: z.boolean(),
		version: z.number()
	})
);
export type PatrolPlanRow = z.infer<typeof patrolPlanRow>;

export const patrolRoundRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		staff_id: uuid,
		staff_name: z.string(),
		/** The hall date of started_at. */
		day: hallDay,
		/** The plan's window it belongs to; null: an extra round. */
		window_key: z.nullable(patrolKey),
		started_at: deviceTimestamp,
		finished_at: z.nullable(deviceTimestamp),
		comment: z.nullable(plainText(PATROL_LIMITS.comment)),
		version: z.number()
	})
);
export type PatrolRoundRow = z.infer<typeof patrolRoundRow>;

export const patrolCheckRow = lazySchema(() =>
	z.object({
		id: uuid,
		round_id: uuid,
		hall_id: uuid,
		checkpoint_id: uuid,
		identified_by: identifiedBy,
		list_reason: z.nullable(plainText(PATROL_LIMITS.listReason)),
		checked_at: deviceTimestamp,
		results: checkResults,
		same_as_last: z.boolean(),
		version: z.number()
	})
);
export type PatrolCheckRow = z.infer<typeof patrolCheckRow>;

// ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/** Creates or replaces a checkpoint whole (manager); saving a retired checkpoint restores it. */
export const saveCheckpoint = lazySchema(() =>
	z.strictObject({
		id: uuid,
		...checkpointContent(),
		saved_at: deviceTimestamp
	})
);
export type SaveCheckpoint = z.infer<typeof saveCheckpoint>;

export const retireCheckpoint = lazySchema(() => z.strictObject({ id: uuid, retired_at: deviceTimestamp }));
export type RetireCheckpoint = z.infer<typeof retireCheckpoint>;

/** Replaces the hall's plan (manager); `id` is the plan's, chosen by the first save. */
export const savePatrolPlan = lazySchema(() =>
	z.strictObject({
		id: uuid,
		windows: patrolWindows,
		grace_minutes: z.int().check(z.minimum(0), z.maximum(PATROL_LIMITS.graceMinutes)),
		min_scan_interval_seconds: z.int().check(z.minimum(0), z.maximum(PATROL_LIMITS.minScanIntervalSeconds)),
		saved_at: deviceTimestamp
	})
);
export type SavePatrolPlan = z.infer<typeof savePatrolPlan>;

export const startRound = lazySchema(() =>
	z.strictObject({
		id: uuid,
		window_key: z.nullable(patrolKey),
		started_at: deviceTimestamp
	})
);
export type StartRound = z.infer<typeof startRound>;

/**
 * One checkpoint visited (`id` is the check's). Checking a checkpoint again in the same round replaces its
 * check: the device sends the id it already has for that checkpoint, and the server keeps the first id it stored.
 */
export const checkCheckpoint = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			round_id: uuid,
			checkpoint_id: uuid,
			identified_by: identifiedBy,
			list_reason: z.nullable(plainText(PATROL_LIMITS.listReason)),
			checked_at: deviceTimestamp,
			results: checkResults,
			same_as_last: z.boolean()
		})
		.check(
			z.refine(
				(p) => (p.identified_by === 'list') === (p.list_reason !== null && /[^ \t\r\n]/.test(p.list_reason)),
				{ path: ['list_reason'] }
			)
		)
);
export type CheckCheckpoint = z.infer<typeof checkCheckpoint>;

/** Ends a round (`id` is the round's). A comment is required when checkpoints were not checked: the server decides. */
export const finishRound = lazySchema(() =>
	z.strictObject({
		id: uuid,
		finished_at: deviceTimestamp,
		comment: z.nullable(plainText(PATROL_LIMITS.comment))
	})
);
export type FinishRound = z.infer<typeof finishRound>;
