import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { material, serviceScope } from './service-catalog';
import { markStatus, noticeLanguage, noticeNo, rejectionReason } from './precheck';

/**
 * What the applicant's own copy of a one-time notice shows (`public.notice_view(token)`, callable without
 * signing in): the notice's open points and how to obtain each, the item's time limits and where to apply, the
 * hall's phone. Never the applicant's name or phone. Plain objects, not strict: a newer server may add a field.
 */

const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));

export const noticeViewItem = lazySchema(() =>
	z.object({
		code: z.string(),
		revision: z.int().check(z.minimum(1)),
		name_zh: z.string(),
		name_en: z.string(),
		scope: serviceScope,
		legal_days: z.nullable(z.int()),
		promised_days: z.nullable(z.int()),
		where_to_apply: z.string(),
		online_url: z.nullable(z.string()),
		fee: z.string()
	})
);

/** One open point: the version's material as the notice named it, and why it is a gap. */
export const noticeViewGap = lazySchema(() =>
	z.object({
		material,
		status: markStatus,
		reason: z.nullable(rejectionReason),
		reason_text: z.nullable(z.string())
	})
);
export type NoticeViewGap = z.infer<typeof noticeViewGap>;

export const noticeView = lazySchema(() =>
	z.object({
		notice_no: noticeNo,
		/** The hall date the notice was issued (YYYY-MM-DD). */
		issued_on: isoDate,
		hall_name: z.string(),
		hall_phone: z.nullable(z.string()),
		language: noticeLanguage,
		item: noticeViewItem,
		situation: z.nullable(z.object({ name_zh: z.string(), name_en: z.string() })),
		gaps: z.array(noticeViewGap),
		staff_name: z.string(),
		staff_post: z.string(),
		/** The last day the link works (the hall date), unless the pre-check is completed before. */
		expires_on: isoDate
	})
);
export type NoticeView = z.infer<typeof noticeView>;
