import { hallDate } from '$lib/domain/hall-time';
import {
	PRECHECK_LIMITS,
	type PrecheckApplicantRow,
	type PrecheckRoundRow,
	type PrecheckRow
} from '$lib/domain/precheck';
import { noticeUrl, openPoints } from '$lib/domain/precheck-rules';
import type { ServiceItemRow, ServiceItemVersionRow } from '$lib/domain/service-catalog';
import type { NoticeContent, NoticeGap } from './notice-content';

export interface NoticeSource {
	precheck: PrecheckRow;
	/** Null when the device does not have the item row (the version still says everything but the code). */
	item: ServiceItemRow | null;
	version: ServiceItemVersionRow;
	rounds: readonly PrecheckRoundRow[];
	applicant: PrecheckApplicantRow | null;
}

export interface NoticeHall {
	hall_name: string;
	hall_phone: string | null;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The notice as this device prints it: the version the pre-check names (never the item's newest), its open
 * points with how to obtain each, the hall as the staff member's profile knows it. Null for a pre-check that has
 * no notice (complete at the first visit).
 */
export function noticeFromRows(source: NoticeSource, hall: NoticeHall, origin: string): NoticeContent | null {
	const { precheck, item, version, rounds, applicant } = source;
	if (precheck.notice_no === null) return null;
	const materials = new Map(version.materials.map((material) => [material.key, material]));
	const gaps: NoticeGap[] = openPoints(version, rounds).flatMap((mark) => {
		const material = materials.get(mark.material_key);
		return material
			? [{ material, status: mark.status, reason: mark.reason, reason_text: mark.reason_text }]
			: [];
	});
	const created = new Date(precheck.created_at);
	const situation = version.situations.find((entry) => entry.key === precheck.situation_key) ?? null;
	return {
		notice_no: precheck.notice_no,
		issued_on: hallDate(created),
		hall_name: hall.hall_name,
		hall_phone: hall.hall_phone,
		language: precheck.language,
		item: {
			code: item?.code ?? '',
			revision: version.revision,
			name_zh: version.name_zh,
			name_en: version.name_en,
			legal_days: version.legal_days,
			promised_days: version.promised_days,
			where_to_apply: version.where_to_apply,
			online_url: version.online_url,
			fee: version.fee
		},
		situation: situation ? { name_zh: situation.name_zh, name_en: situation.name_en } : null,
		gaps,
		staff_name: precheck.staff_name,
		staff_post: precheck.staff_post,
		url: precheck.public_token ? noticeUrl(origin, precheck.public_token) : null,
		expires_on: hallDate(new Date(created.getTime() + PRECHECK_LIMITS.publicLinkDays * DAY_MS)),
		applicant:
			applicant && (applicant.name || applicant.phone)
				? { name: applicant.name, phone: applicant.phone }
				: null
	};
}
