import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { CATALOG_KEY_PATTERN } from './service-catalog';
import { deviceTimestamp } from './sync-protocol';
import { hasVisibleText, plainText, visibleText } from './text';

/**
 * A material pre-check (材料预审) of one applicant for one version of a service item, and the one-time notice
 * (一次性告知单) it produces when materials are missing. A pre-check has rounds: the first visit, then each return
 * visit that checks the open points again. The client's one definition of the shape; the server's is
 * supabase/migrations/*_prechecks.sql (schema agreement test). docs/PRECHECK.md has the rules and the numbering.
 */

export const MARK_STATUSES = ['present', 'missing', 'unacceptable'] as const; // 已提供 缺少 不符合要求
export const markStatus = z.enum(MARK_STATUSES);
export type MarkStatus = z.infer<typeof markStatus>;

/** The common reasons a material is not acceptable; `other` needs the reason typed (or taken from the material). */
export const REJECTION_REASONS = [
	'expired', // 已过期
	'unsigned', // 未签字或未盖章
	'unclear', // 复印件不清晰
	'wrong_version', // 版本不符
	'incomplete', // 内容不完整
	'mismatch', // 信息不一致
	'other' // 其他
] as const;
export const rejectionReason = z.enum(REJECTION_REASONS);
export type RejectionReason = z.infer<typeof rejectionReason>;

export const PRECHECK_STATUSES = ['complete', 'open'] as const; // 材料齐全(或复核齐全)  告知未结
export const precheckStatus = z.enum(PRECHECK_STATUSES);
export type PrecheckStatus = z.infer<typeof precheckStatus>;

export const ROUND_RESULTS = ['complete', 'incomplete'] as const;
export const roundResult = z.enum(ROUND_RESULTS);
export type RoundResult = z.infer<typeof roundResult>;

/** 中文, or 中文 + English for foreign applicants. */
export const NOTICE_LANGUAGES = ['zh', 'zh_en'] as const;
export const noticeLanguage = z.enum(NOTICE_LANGUAGES);
export type NoticeLanguage = z.infer<typeof noticeLanguage>;

export const PRECHECK_LIMITS = {
	applicantName: 50,
	reasonText: 100,
	brokenPromiseReason: 300,
	/** The applicant's link stops working this many days after the notice, or when the pre-check is complete. */
	publicLinkDays: 90
} as const;

/**
 * Device codes: two or three characters from digits and capitals without 0, 1, I and O (nothing to mistake when
 * read aloud), handed out by the server once per device database (public.claim_device_code).
 */
export const DEVICE_CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/**
 * A notice number, unique in its hall without the network: the hall date (YYMMDD), the device's code, and the
 * device's count of notices that day: 261130-K7-03. Read aloud in a few seconds; sorts by date.
 */
export const NOTICE_NO_PATTERN = '^[0-9]{6}-[2-9A-HJ-NP-Z]{2,3}-[0-9]{2,4}$';
/** The applicant's link's secret: 128 random bits, base64url. */
export const PUBLIC_TOKEN_PATTERN = '^[A-Za-z0-9_-]{22}$';
/** A phone number as people write it: digits, +, -, spaces and brackets. */
export const PHONE_PATTERN = '^[0-9+() -]{3,20}$';

/** What the server's app.prechecks_rules() must answer; the schema agreement test compares the two. */
export const PRECHECK_RULES = {
	...PRECHECK_LIMITS,
	noticeNoPattern: NOTICE_NO_PATTERN,
	publicTokenPattern: PUBLIC_TOKEN_PATTERN,
	phonePattern: PHONE_PATTERN,
	deviceCodeAlphabet: DEVICE_CODE_ALPHABET
};

const uuid = z.uuid();
const catalogKey = z.string().check(z.regex(new RegExp(CATALOG_KEY_PATTERN)));
export const noticeNo = z.string().check(z.regex(new RegExp(NOTICE_NO_PATTERN)));
const publicToken = z.string().check(z.regex(new RegExp(PUBLIC_TOKEN_PATTERN)));

/** One material's state in a round. Only materials that apply are marked. */
export const mark = lazySchema(() =>
	z
		.strictObject({
			material_key: catalogKey,
			status: markStatus,
			reason: z.nullable(rejectionReason),
			/** Typed, or one of the material's own reasons; required with `other`. */
			reason_text: z.nullable(plainText(PRECHECK_LIMITS.reasonText))
		})
		.check(
			z.refine((m) => (m.status === 'unacceptable') === (m.reason !== null), { path: ['reason'] }),
			z.refine((m) => m.reason !== 'other' || hasVisibleText(m.reason_text), { path: ['reason_text'] })
		)
);
export type Mark = z.infer<typeof mark>;

const marks = z.array(mark).check(
	z.maxLength(40),
	z.refine((list) => new Set(list.map((m) => m.material_key)).size === list.length)
);

/** Answers to the version's questions, by question key. */
const answers = z.record(catalogKey, z.boolean());

/** A pre-check as the server sends it. The applicant's name and phone are in `precheck_applicants`. */
export const precheckRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		item_id: uuid,
		item_version_id: uuid,
		/** The service record it was started from, if any. */
		record_id: z.nullable(uuid),
		situation_key: z.nullable(catalogKey),
		answers,
		language: noticeLanguage,
		status: precheckStatus,
		notice_no: z.nullable(noticeNo),
		public_token: z.nullable(publicToken),
		staff_id: uuid,
		staff_name: z.string(),
		staff_post: z.string(),
		created_at: deviceTimestamp,
		completed_at: z.nullable(deviceTimestamp),
		version: z.number()
	})
);
export type PrecheckRow = z.infer<typeof precheckRow>;

/**
 * The applicant's name and phone, optional: only the pre-check's author and the hall's managers receive this row
 * (RLS), and screens show it masked except on the applicant's own notice.
 */
export const precheckApplicantRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		staff_id: uuid,
		name: z.nullable(plainText(PRECHECK_LIMITS.applicantName)),
		phone: z.nullable(z.string().check(z.regex(new RegExp(PHONE_PATTERN)))),
		version: z.number()
	})
);
export type PrecheckApplicantRow = z.infer<typeof precheckApplicantRow>;

/** One visit's check: the first (round 1) or a return visit. */
export const precheckRoundRow = lazySchema(() =>
	z.object({
		id: uuid,
		precheck_id: uuid,
		hall_id: uuid,
		round_no: z.int().check(z.minimum(1)),
		marks,
		result: roundResult,
		/** Materials found missing on a return visit that the notice did not name: the promise was broken. */
		new_gap_keys: z.array(catalogKey),
		broken_promise_reason: z.nullable(plainText(PRECHECK_LIMITS.brokenPromiseReason)),
		/** Who wrote the notice whose promise this round broke (null when none was broken). */
		promise_staff_id: z.nullable(uuid),
		staff_id: uuid,
		staff_name: z.string(),
		checked_at: deviceTimestamp,
		version: z.number()
	})
);
export type PrecheckRoundRow = z.infer<typeof precheckRoundRow>;

// ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The first visit: the pre-check, its first round, and (when something is missing) its notice, in one op.
 * `id` is the pre-check's; `round_id` its first round's. The server decides complete/incomplete from the marks
 * and the version's materials, and refuses a notice number or token that does not match that result.
 */
export const recordPrecheck = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			round_id: uuid,
			item_version_id: uuid,
			record_id: z.nullable(uuid),
			situation_key: z.nullable(catalogKey),
			answers,
			language: noticeLanguage,
			marks,
			notice_no: z.nullable(noticeNo),
			public_token: z.nullable(publicToken),
			applicant_name: z.nullable(visibleText(PRECHECK_LIMITS.applicantName)),
			applicant_phone: z.nullable(z.string().check(z.regex(new RegExp(PHONE_PATTERN)))),
			checked_at: deviceTimestamp
		})
		.check(z.refine((p) => (p.notice_no === null) === (p.public_token === null), { path: ['public_token'] }))
);
export type RecordPrecheck = z.infer<typeof recordPrecheck>;

/**
 * A return visit (`id` is the new round's): marks for the notice's open points, plus any new gap, which must say
 * why (a broken promise). Refused when the pre-check is already complete.
 */
export const recheckPrecheck = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			precheck_id: uuid,
			marks,
			new_gap_keys: z.array(catalogKey).check(z.maxLength(40)),
			broken_promise_reason: z.nullable(plainText(PRECHECK_LIMITS.brokenPromiseReason)),
			checked_at: deviceTimestamp
		})
		.check(
			z.refine((p) => p.new_gap_keys.length > 0 === hasVisibleText(p.broken_promise_reason), {
				path: ['broken_promise_reason']
			}),
			z.refine((p) => p.new_gap_keys.every((key) => p.marks.some((m) => m.material_key === key)), {
				path: ['new_gap_keys']
			})
		)
);
export type RecheckPrecheck = z.infer<typeof recheckPrecheck>;
