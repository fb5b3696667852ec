/**
 * Points as the ledger prints them: a sign on every non-zero figure (a deduction −0.5, a bonus +2), at most one
 * decimal (the rules' points are halves and the manual items' tenths; sums of them stay exact at one decimal).
 */
export function formatPoints(points: number): string {
	const rounded = Math.round(points * 10) / 10;
	if (rounded === 0) return '0';
	return rounded > 0 ? `+${rounded}` : `−${Math.abs(rounded)}`;
}

/** A score without a sign, at most one decimal: 92.5, 100. */
export function formatScore(score: number): string {
	return String(Math.round(score * 10) / 10);
}
