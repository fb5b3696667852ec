/**
 * What a one-time notice says, in one shape whatever it was built from: the device's own data (the staff
 * screens, which print it) or the server's `notice_view` (the applicant's page). The notice component renders
 * this and nothing else, so the three outputs (80 mm, A4, phone screen) and both sources say the same.
 */
import type { Material } from '$lib/domain/service-catalog';
import type { MarkStatus, NoticeLanguage, RejectionReason } from '$lib/domain/precheck';

export type NoticeFormat = 'thermal' | 'a4' | 'screen';

export interface NoticeGap {
	material: Material;
	status: MarkStatus;
	reason: RejectionReason | null;
	reason_text: string | null;
}

export interface NoticeItem {
	code: string;
	revision: number;
	name_zh: string;
	name_en: string;
	legal_days: number | null;
	promised_days: number | null;
	where_to_apply: string;
	online_url: string | null;
	fee: string;
}

export interface NoticeContent {
	notice_no: string;
	/** The hall date the notice was issued, YYYY-MM-DD. */
	issued_on: string;
	hall_name: string;
	hall_phone: string | null;
	language: NoticeLanguage;
	item: NoticeItem;
	situation: { name_zh: string; name_en: string } | null;
	gaps: NoticeGap[];
	staff_name: string;
	/** A post code (intake, assist…) or, from an older server, its name. */
	staff_post: string;
	/** The link in the QR code; null on the applicant's own page, which is that link. */
	url: string | null;
	/** The last day the applicant's link works, YYYY-MM-DD, when known. */
	expires_on: string | null;
	/**
	 * The applicant's name and phone as this output may show them: whole on the applicant's own notice, masked
	 * anywhere else, absent when not given or not this device's to know.
	 */
	applicant: { name: string | null; phone: string | null } | null;
}
