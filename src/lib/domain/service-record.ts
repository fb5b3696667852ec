import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { deviceTimestamp, fromYearOne } from './sync-protocol';
import { hasVisibleText, plainText } from './text';

export { isPlainText } from './text';

/**
 * A service record (办事记录): everything that happens to one visitor holding one queue ticket, on one day, in
 * one hall. These schemas are the client's one definition of the shape; the SQL in
 * supabase/migrations/*_service_record*.sql is the server's, and tests/integration/schema/ keeps the two in step
 * (columns, types, enums, op fields, and the rules below).
 */

export const BUSINESS_CATEGORIES = [
	'enterprise_setup', // 企业开办
	'construction_project', // 工程建设项目
	'cross_province', // 跨省通办
	'one_thing', // 高效办成一件事
	'credit_repair', // 信用修复
	'unified_certificate', // 统一出证
	'other_approval', // 行政审批(其他)
	'consultation' // 咨询
] as const;
export const businessCategory = z.enum(BUSINESS_CATEGORIES);
export type BusinessCategory = z.infer<typeof businessCategory>;

export const SPECIAL_GROUPS = ['elderly', 'disabled', 'pregnant', 'foreigner'] as const; // 老年人 残疾人 孕妇 外籍人士
export const specialGroup = z.enum(SPECIAL_GROUPS);
export type SpecialGroup = z.infer<typeof specialGroup>;

export const EVENT_KINDS = [
	'consult', // 咨询
	'precheck', // 预审
	'guide_to_window', // 引导至窗口 N (window_no required)
	'accept', // 受理
	'notify_pickup', // 通知领取
	'picked_up', // 已领取
	'mail', // 邮寄
	'note' // 备注 (note required)
] as const;
export const eventKind = z.enum(EVENT_KINDS);
export type EventKind = z.infer<typeof eventKind>;

export const LIMITS = {
	ticketNo: 12,
	rawPayload: 2000,
	note: 500,
	windowNo: 99,
	/** A visitor's timeline has a handful of steps; the bound keeps what one merge moves small. */
	eventsPerRecord: 200
} as const;

/**
 * Ticket numbers as queue machines print them: letters, digits and -, e.g. A023, VIP01; stored upper-case. The
 * server checks the same text (app.service_records_rules()), so it is written to mean the same as a JavaScript and
 * as a PostgreSQL regular expression.
 */
export const TICKET_NO_PATTERN = `^[A-Z0-9][A-Z0-9-]{0,${LIMITS.ticketNo - 1}}$`;

/** What the server's app.service_records_rules() must answer; the schema agreement test compares the two. */
export const SERVICE_RECORD_RULES = { ...LIMITS, ticketNoPattern: TICKET_NO_PATTERN };

export const ticketNo = z.string().check(z.regex(new RegExp(TICKET_NO_PATTERN)));
const uuid = z.uuid();
const timestamp = deviceTimestamp;
const localDate = z.iso.date().check(fromYearOne);
const rawPayload = plainText(LIMITS.rawPayload);
const windowNo = z.nullable(z.int().check(z.minimum(1), z.maximum(LIMITS.windowNo)));
const eventNote = z.nullable(plainText(LIMITS.note));

/** A service record as the server sends it in a pull and as the device stores it. */
export const serviceRecordRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		ticket_date: localDate,
		ticket_no: ticketNo,
		raw_payload: rawPayload,
		category: z.nullable(businessCategory),
		special_groups: z.array(specialGroup),
		green_channel: z.boolean(),
		first_responder_id: uuid,
		first_responder_name: z.string(),
		opened_at: timestamp,
		updated_at: timestamp,
		deleted_at: z.nullable(timestamp),
		/** Set on the tombstone of a record that the server merged into another (same ticket opened twice). */
		merged_into: z.nullable(uuid),
		version: z.number()
	})
);
export type ServiceRecordRow = z.infer<typeof serviceRecordRow>;

/** One entry on a record's append-only timeline. */
export const serviceRecordEventRow = lazySchema(() =>
	z.object({
		id: uuid,
		record_id: uuid,
		hall_id: uuid,
		kind: eventKind,
		window_no: windowNo,
		note: eventNote,
		staff_id: uuid,
		staff_name: z.string(),
		occurred_at: timestamp,
		version: z.number()
	})
);
export type ServiceRecordEventRow = z.infer<typeof serviceRecordEventRow>;

// Operation payloads: what a device sends in sync_push. The writing functions in SQL validate the same rules.
// Strict objects: the server refuses a payload with a field its op type does not take (app.dispatch_op), so the
// client's check must refuse it too rather than strip it.

export const openServiceRecord = lazySchema(() =>
	z.strictObject({
		id: uuid,
		ticket_no: ticketNo,
		ticket_date: localDate,
		raw_payload: rawPayload,
		category: z.nullable(businessCategory),
		special_groups: z.array(specialGroup),
		green_channel: z.boolean(),
		opened_at: timestamp
	})
);
export type OpenServiceRecord = z.infer<typeof openServiceRecord>;

/** Plain editable fields: last writer wins, in server order. Absent fields are left as they are. */
export const updateServiceRecord = lazySchema(() =>
	z.strictObject({
		id: uuid,
		category: z.optional(z.nullable(businessCategory)),
		special_groups: z.optional(z.array(specialGroup)),
		green_channel: z.optional(z.boolean())
	})
);
export type UpdateServiceRecord = z.infer<typeof updateServiceRecord>;

export const addServiceRecordEvent = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			record_id: uuid,
			kind: eventKind,
			window_no: windowNo,
			note: eventNote,
			occurred_at: timestamp
		})
		.check(
			// The server's rules across fields (app.op_service_record_add_event), named by the field to fix.
			z.refine((event) => event.kind !== 'guide_to_window' || event.window_no !== null, {
				path: ['window_no']
			}),
			z.refine((event) => event.kind !== 'note' || hasVisibleText(event.note), { path: ['note'] })
		)
);
export type AddServiceRecordEvent = z.infer<typeof addServiceRecordEvent>;

/** What a person chooses when adding an event; the device adds the ids and the time. */
export type NewEvent = Pick<AddServiceRecordEvent, 'kind' | 'window_no' | 'note'>;

/** What opening a record needs from a scanned or typed ticket; the rest has defaults. */
export type NewRecord = Pick<OpenServiceRecord, 'ticket_no' | 'ticket_date' | 'raw_payload'> &
	Partial<Pick<OpenServiceRecord, 'category' | 'special_groups' | 'green_channel'>>;

export const deleteServiceRecord = lazySchema(() => z.strictObject({ id: uuid }));
export type DeleteServiceRecord = z.infer<typeof deleteServiceRecord>;
