import {
	NOTICE_NO_PATTERN,
	PUBLIC_TOKEN_PATTERN,
	type Mark,
	type PrecheckRoundRow,
	type RoundResult
} from './precheck';
import type { Material, ServiceItemVersionRow } from './service-catalog';

/**
 * The pre-check's rules as pure functions (docs/PRECHECK.md): which materials apply, what makes a gap, what is
 * still open after the rounds so far, and the notice's number and link. Screens, local applies and tests read
 * these, so the device shows the result the server will decide.
 */

/** What these rules read of a version: its materials (a row, an op payload or a draft all fit). */
type VersionMaterials = Pick<ServiceItemVersionRow, 'materials'>;

/**
 * The materials to check for the chosen situation and answers, in the version's order: required and optional
 * ones, and conditional ones whose question got the answer that makes them required; each limited to its
 * situations (none listed: every situation). With no situation chosen, materials limited to a situation do not
 * apply.
 */
export function applicableMaterials(
	version: VersionMaterials,
	situationKey: string | null,
	answers: Readonly<Record<string, boolean>>
): Material[] {
	return version.materials.filter((material) => {
		if (
			material.situations.length > 0 &&
			(situationKey === null || !material.situations.includes(situationKey))
		)
			return false;
		if (material.requirement !== 'conditional') return true;
		const condition = material.condition;
		return condition !== null && answers[condition.question] === condition.answer;
	});
}

/**
 * The marks that are gaps: missing or not acceptable, of a material the version has and does not list as
 * optional (an optional material never makes a gap).
 */
export function gapsOf(version: VersionMaterials, marks: readonly Mark[]): Mark[] {
	const byKey = new Map(version.materials.map((material) => [material.key, material]));
	return marks.filter((mark) => {
		const material = byKey.get(mark.material_key);
		return mark.status !== 'present' && material !== undefined && material.requirement !== 'optional';
	});
}

/** Complete when the marks hold no gap; otherwise incomplete, and the applicant gets a notice. */
export function roundResult(version: VersionMaterials, marks: readonly Mark[]): RoundResult {
	return gapsOf(version, marks).length === 0 ? 'complete' : 'incomplete';
}

/**
 * The open points after the rounds so far: the last round's gaps. A return visit marks every open point, so its
 * gaps are exactly what is still open; should a round leave an open point unmarked, that point stays open with
 * its earlier mark rather than silently closing.
 */
export function openPoints(
	version: VersionMaterials,
	rounds: readonly Pick<PrecheckRoundRow, 'round_no' | 'marks'>[]
): Mark[] {
	const ordered = [...rounds].sort((a, b) => a.round_no - b.round_no);
	let open: Mark[] = [];
	for (const round of ordered) {
		const marked = new Set(round.marks.map((mark) => mark.material_key));
		const carried = open.filter((mark) => !marked.has(mark.material_key));
		open = [...carried, ...gapsOf(version, round.marks)];
	}
	const order = new Map(version.materials.map((material, index) => [material.key, index]));
	return open.sort(
		(a, b) => (order.get(a.material_key) ?? Infinity) - (order.get(b.material_key) ?? Infinity)
	);
}

// ─── Personal data shown outside the applicant's own notice ──────────────────────────────────────────────────

/** 张三明 → 张*明, 张三 → 张*, "Li Na" → L***a: enough for staff to recognise, too little to identify. */
export function maskName(name: string): string {
	const chars = Array.from(name.trim());
	if (chars.length === 0) return '';
	if (chars.length === 1) return '*';
	if (chars.length === 2) return `${chars[0]}*`;
	return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars.at(-1)}`;
}

/**
 * 13812345678 → 138****5678; separators stay where they are, only digits are hidden. Numbers of fewer than eight
 * digits keep only their last two.
 */
export function maskPhone(phone: string): string {
	const text = phone.trim();
	const digits = [...text].filter((char) => /[0-9]/.test(char)).length;
	const keepFirst = digits >= 8 ? 3 : 0;
	const keepLast = digits >= 8 ? 4 : Math.min(2, digits);
	let seen = 0;
	return [...text]
		.map((char) => {
			if (!/[0-9]/.test(char)) return char;
			seen++;
			return seen <= keepFirst || seen > digits - keepLast ? char : '*';
		})
		.join('');
}

// ─── The notice's number and link ────────────────────────────────────────────────────────────────────────────

const NOTICE_NO = new RegExp(NOTICE_NO_PATTERN);
const PUBLIC_TOKEN = new RegExp(PUBLIC_TOKEN_PATTERN);
/** The most notices one device numbers in one hall day (four digits). */
export const MAX_NOTICES_PER_DAY = 9999;

/** A notice number as a person may type it (spaces, lower case, full-width dashes) in its stored form. */
export function normalizeNoticeNo(text: string): string {
	return text
		.trim()
		.replace(/[\s]/g, '')
		.replace(/[－—–‐]/g, '-')
		.toUpperCase();
}

/** Whether the text is a notice number, e.g. 261130-K7-03 (typed in lower case or with spaces, too). */
export function isNoticeNo(text: string): boolean {
	return NOTICE_NO.test(normalizeNoticeNo(text));
}

/** 2026-11-30, device K7, its 3rd notice that day → 261130-K7-03. */
export function formatNoticeNo(hallDay: string, deviceCode: string, count: number): string {
	if (!Number.isInteger(count) || count < 1 || count > MAX_NOTICES_PER_DAY) {
		throw new RangeError(`A device numbers 1 to ${MAX_NOTICES_PER_DAY} notices a day, not ${count}`);
	}
	const day = hallDay.replaceAll('-', '').slice(2);
	const formatted = `${day}-${deviceCode}-${String(count).padStart(2, '0')}`;
	if (!NOTICE_NO.test(formatted)) throw new RangeError(`Not a notice number: ${formatted}`);
	return formatted;
}

/** The applicant's link: `<origin>/n/<token>`. */
export function noticeUrl(origin: string, token: string): string {
	return `${origin.replace(/\/+$/, '')}/n/${token}`;
}

/**
 * The token of an applicant's link read from a QR code or typed, whatever the origin (a device may open the app
 * under another address than the one that printed the notice); null when the text is not such a link.
 */
export function parseNoticeUrl(text: string): string | null {
	let path: string;
	try {
		const url = new URL(text.trim());
		if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
		path = url.pathname;
	} catch {
		return null;
	}
	const match = /^(?:\/.*)?\/n\/([^/]+)\/?$/.exec(path);
	const token = match?.[1];
	return token !== undefined && PUBLIC_TOKEN.test(token) ? token : null;
}
