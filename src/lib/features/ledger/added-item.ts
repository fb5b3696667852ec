import type { LedgerItem } from '$lib/domain/ledger';

/**
 * The item an add_ledger_item call made, found in the ledger it answered (the call answers the month, not the new
 * row): the newest item that was not listed before with the points and note sent. Another manager's item added
 * meanwhile differs in its id, and almost always in its points or note; undefined when none matches.
 */
export function addedItem(
	before: readonly LedgerItem[],
	after: readonly LedgerItem[],
	sent: { points: number; note: string }
): LedgerItem | undefined {
	const known = new Set(before.map((item) => item.id));
	return after.findLast(
		(item) => !known.has(item.id) && item.points === sent.points && item.note.trim() === sent.note.trim()
	);
}
