import { ENTERPRISE_LIMITS, streetOf } from '$lib/domain/enterprise';

/** The limits a row is checked against: the enterprise rules the server holds too (docs/VISITS.md). */
export const IMPORT_RULES = {
	nameMin: ENTERPRISE_LIMITS.nameMin,
	nameMax: ENTERPRISE_LIMITS.name,
	addressMax: ENTERPRISE_LIMITS.address,
	industryMax: ENTERPRISE_LIMITS.industry,
	visitEveryMin: ENTERPRISE_LIMITS.visitEveryMinDays,
	visitEveryMax: ENTERPRISE_LIMITS.visitEveryMaxDays
} as const;

/** The 12-digit 统计用区划代码 the statistics bureau publishes for a street: its 9-digit code and 000. */
const TWELVE_DIGITS = /^(\d{9})000$/;

/**
 * The street a sheet names: by name (望海楼街道, or 望海楼), by code (120105002) or by the 12-digit code
 * (120105002000); full-width digits as typed with a Chinese input method. Null when it names no street.
 */
export function streetCodeOf(text: string): string | null {
	const typed = text.normalize('NFKC').replace(/\s+/g, '');
	return streetOf(TWELVE_DIGITS.exec(typed)?.[1] ?? typed);
}
