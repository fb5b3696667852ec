import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/**
 * The wire format of the sync protocol (docs/SYNC.md), the same for every workflow. Which op types and synced
 * tables exist is not listed here: each workflow declares its own (src/lib/features/registry.ts gathers them),
 * and the server registers the same names in app.op_types / app.synced_tables.
 */

/** Bumped when an op payload changes incompatibly; the server rejects ops from versions it no longer accepts. */
export const SCHEMA_VERSION = 1;

/**
 * The protocol's limits; the server's app.sync_limits() must answer the same (schema agreement test).
 * Device times (payload timestamps, an op's created_at) must lie between maxDeviceTimeAgeDays before and
 * maxClockAheadMinutes after the server's time. One push stops taking new ops after pushBudgetMs.
 */
export const SYNC_LIMITS = {
	newestSchemaVersion: SCHEMA_VERSION,
	oldestSchemaVersion: 1,
	maxPushBatch: 100,
	maxPullRows: 1000,
	pushBudgetMs: 2000,
	maxDeviceTimeAgeDays: 30,
	maxClockAheadMinutes: 10,
	maxMessageLength: 500
} as const;

/** zod's ISO formats allow year 0000, which PostgreSQL cannot store (the server would refuse it). */
export const fromYearOne = z.refine<string>((value) => !value.startsWith('0000'));

/** A time a device stamps (an op's created_at, times in payloads): RFC 3339 with an offset, as the server reads it. */
export const deviceTimestamp = z.iso.datetime({ offset: true }).check(fromYearOne);

/**
 * An outbox entry as sent to sync_push: no token, no user id (the server takes those from the JWT). `hall_id` is
 * the hall it was made in: the server refuses it in another one (its author moved before it was sent).
 */
export interface Op<Type extends string = string, Payload = unknown> {
	op_id: string;
	type: Type;
	payload: Payload;
	created_at: string;
	schema_version: number;
	hall_id: string;
}

export const REJECTION_CODES = [
	'validation', // the payload breaks a rule (too long, unknown category, bad ticket number…)
	'not_found', // the target does not exist or is not visible to the caller (another hall)
	'forbidden', // visible, but the caller's post may not do this
	'conflict', // a state change not allowed from the current state
	'unknown_op_type', // an op type this server does not know
	'outdated_app', // schema_version no longer accepted: the device must update the app
	'device_time', // a time the device stamped is outside the accepted window: its clock is wrong
	'hall_changed' // made in another hall, before its author moved; it cannot be applied in the new one
] as const;
export const rejectionCode = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof rejectionCode>;

export const opResult = lazySchema(() =>
	z.object({
		op_id: z.string(),
		status: z.enum(['applied', 'duplicate', 'rejected']),
		code: z.optional(z.string()),
		message: z.optional(z.string())
	})
);
export type OpResult = z.infer<typeof opResult>;

const isObject = (value: unknown): value is Record<string, unknown> =>
	typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * One changed row. `table` is any name: a server newer than this app may send tables it does not know yet, and
 * those rows are counted and reported by the device rather than failing the whole page. The row is only checked
 * to be an object here, not walked and copied key by key: its table's own schema checks every field next, and a
 * page is hundreds of rows on a phone's first pull.
 */
export const pulledChange = lazySchema(() =>
	z.object({
		table: z.string(),
		row: z.custom<Record<string, unknown>>(isObject)
	})
);
export type PulledChange = z.infer<typeof pulledChange>;

/**
 * A page of changes. `cursor` is opaque to the device: it stores it and sends it back. The first pull sends
 * FIRST_CURSOR.
 */
export const pullResult = lazySchema(() =>
	z.object({
		changes: z.array(pulledChange),
		cursor: z.string(),
		has_more: z.boolean(),
		epoch: z.number()
	})
);
export type PullResult = z.infer<typeof pullResult>;

export const FIRST_CURSOR = '0';
