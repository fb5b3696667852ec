import * as z from 'zod/mini';
import {
	addServiceRecordEvent,
	deleteServiceRecord,
	openServiceRecord,
	serviceRecordEventRow,
	serviceRecordRow,
	updateServiceRecord
} from './service-record';

/**
 * The wire format of the sync protocol (DESIGN §2, docs/SYNC.md). Later workflows add their op types and
 * synced tables here; the server's dispatcher in SQL must know the same names.
 */

/** Bumped when an op payload changes incompatibly; the server rejects ops from versions it no longer accepts. */
export const SCHEMA_VERSION = 1;

export const OP_PAYLOADS = {
	'service_record.open': openServiceRecord,
	'service_record.update': updateServiceRecord,
	'service_record.add_event': addServiceRecordEvent,
	'service_record.delete': deleteServiceRecord
} as const;
export type OpType = keyof typeof OP_PAYLOADS;
export type OpPayload<T extends OpType> = z.infer<(typeof OP_PAYLOADS)[T]>;

/** An outbox entry as sent to sync_push: no token, no user id (the server takes those from the JWT). */
export interface Op<T extends OpType = OpType> {
	op_id: string;
	type: T;
	payload: OpPayload<T>;
	created_at: string;
	schema_version: number;
}

export const REJECTION_CODES = [
	'validation', // the payload breaks a rule (too long, unknown category, bad ticket number…)
	'not_found', // the target does not exist or is not visible to the caller (another hall)
	'forbidden', // visible, but the caller's post may not do this
	'conflict', // a state change not allowed from the current state
	'unknown_op_type', // an op type this server does not know
	'outdated_app' // schema_version no longer accepted: the device must update the app
] as const;
export const rejectionCode = z.enum(REJECTION_CODES);
export type RejectionCode = z.infer<typeof rejectionCode>;

export const opResult = z.object({
	op_id: z.string(),
	status: z.enum(['applied', 'duplicate', 'rejected']),
	code: z.optional(z.string()),
	message: z.optional(z.string())
});
export type OpResult = z.infer<typeof opResult>;

export const SYNCED_TABLES = {
	service_records: serviceRecordRow,
	service_record_events: serviceRecordEventRow
} as const;
export type SyncedTable = keyof typeof SYNCED_TABLES;

export const pulledChange = z.object({
	table: z.enum(Object.keys(SYNCED_TABLES) as [SyncedTable, ...SyncedTable[]]),
	row: z.record(z.string(), z.unknown())
});
export type PulledChange = z.infer<typeof pulledChange>;

export const pullResult = z.object({
	changes: z.array(pulledChange),
	cursor: z.number(),
	has_more: z.boolean(),
	epoch: z.number()
});
export type PullResult = z.infer<typeof pullResult>;
