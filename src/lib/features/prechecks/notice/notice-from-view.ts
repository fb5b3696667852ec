import type { NoticeView } from '$lib/domain/notice-view';
import type { NoticeContent } from './notice-content';

/**
 * The applicant's page's notice: what the server's `notice_view` answers, which never holds the applicant's
 * name or phone, and no QR code (the page is the QR code's link).
 */
export function noticeFromView(view: NoticeView): NoticeContent {
	return {
		notice_no: view.notice_no,
		issued_on: view.issued_on,
		hall_name: view.hall_name,
		hall_phone: view.hall_phone,
		language: view.language,
		item: {
			code: view.item.code,
			revision: view.item.revision,
			name_zh: view.item.name_zh,
			name_en: view.item.name_en,
			legal_days: view.item.legal_days,
			promised_days: view.item.promised_days,
			where_to_apply: view.item.where_to_apply,
			online_url: view.item.online_url,
			fee: view.item.fee
		},
		situation: view.situation,
		gaps: view.gaps.map((gap) => ({
			material: gap.material,
			status: gap.status,
			reason: gap.reason,
			reason_text: gap.reason_text
		})),
		staff_name: view.staff_name,
		staff_post: view.staff_post,
		url: null,
		expires_on: view.expires_on,
		applicant: null
	};
}
