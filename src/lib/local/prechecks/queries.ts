import type {
	Mark,
	PrecheckApplicantRow,
	PrecheckRoundRow,
	PrecheckRow,
	PrecheckStatus
} from '$lib/domain/precheck';
import { addDays, hallDate } from '$lib/domain/hall-time';
import { normalizeNoticeNo, openPoints } from '$lib/domain/precheck-rules';
import type { ServiceItemRow, ServiceItemVersionRow } from '$lib/domain/service-catalog';
import type { LocalDb } from '../db';
import { readActor } from '../device-actor';
import { pendingIds } from '../outbox';
import { serviceItems, serviceItemVersions } from '../service-catalog/tables';
import { serviceRecords } from '../service-records/tables';
import { precheckApplicants, precheckRounds, prechecks, roundsOf } from './tables';

/** The reads behind the pre-check screens, as plain async functions (live.svelte.ts makes them live). */

export interface PrecheckDetail {
	/** With `status` read from its last round (see statusOf). */
	precheck: PrecheckRow;
	/** The item now (withdrawn or not); null if the device does not have it. */
	item: ServiceItemRow | null;
	/** The version the pre-check was made with, whatever was published since. */
	version: ServiceItemVersionRow;
	/** Oldest first. */
	rounds: PrecheckRoundRow[];
	/** The notice's points still open: the last round's gaps. */
	openPoints: Mark[];
	/** Only on the author's and the managers' devices. */
	applicant: PrecheckApplicantRow | null;
	/** The pre-check or one of its rounds still waits for the server. */
	pending: boolean;
}

export interface PrecheckListEntry {
	precheck: PrecheckRow;
	version: ServiceItemVersionRow;
	openPoints: Mark[];
	applicant: PrecheckApplicantRow | null;
	pending: boolean;
}

export interface ItemUsage {
	count: number;
	lastUsedAt: string;
}

const readScope = (db: LocalDb) => [
	prechecks.of(db),
	precheckRounds.of(db),
	precheckApplicants.of(db),
	serviceItems.of(db),
	serviceItemVersions.of(db),
	serviceRecords.of(db),
	db.outbox,
	db.sync_state
];

/**
 * Complete when the last round found nothing missing. The stored status follows the rounds on this device (apply
 * and undo keep it), but a pull may bring a pre-check's new round a page before its row: the rounds decide.
 */
function statusOf(rounds: readonly PrecheckRoundRow[]): PrecheckStatus {
	return rounds.at(-1)?.result === 'complete' ? 'complete' : 'open';
}

async function entryOf(
	db: LocalDb,
	precheck: PrecheckRow,
	pending: Set<string>
): Promise<PrecheckDetail | null> {
	const [version, item, rounds, applicant] = await Promise.all([
		serviceItemVersions.of(db).get(precheck.item_version_id),
		serviceItems.of(db).get(precheck.item_id),
		roundsOf(db, precheck.id).toArray(),
		precheckApplicants.of(db).get(precheck.id)
	]);
	if (!version) return null;
	const status = rounds.length > 0 ? statusOf(rounds) : precheck.status;
	return {
		precheck: status === precheck.status ? precheck : { ...precheck, status },
		item: item ?? null,
		version,
		rounds,
		openPoints: status === 'complete' ? [] : openPoints(version, rounds),
		applicant: applicant ?? null,
		pending: pending.has(precheck.id) || rounds.some((round) => pending.has(round.id))
	};
}

/** One pre-check with its version, rounds and applicant; null when it (or its version) is not on this device. */
export function loadPrecheck(db: LocalDb, id: string): Promise<PrecheckDetail | null> {
	return db.transaction('r', readScope(db), async () => {
		const precheck = await prechecks.of(db).get(id);
		return precheck ? entryOf(db, precheck, await pendingIds(db)) : null;
	});
}

/** The rows with their versions, rounds and applicants; those whose version is not on the device left out. */
async function detailsOf(db: LocalDb, rows: PrecheckRow[]): Promise<PrecheckDetail[]> {
	const pending = await pendingIds(db);
	const entries = await Promise.all(rows.map((row) => entryOf(db, row, pending)));
	return entries.filter((entry): entry is PrecheckDetail => entry !== null);
}

async function listOf(db: LocalDb, rows: PrecheckRow[]): Promise<PrecheckListEntry[]> {
	return (await detailsOf(db, rows)).map(({ precheck, version, openPoints, applicant, pending }) => ({
		precheck,
		version,
		openPoints,
		applicant,
		pending
	}));
}

/** The signed-in staff member's notices still open, newest first (the home's "mine"). */
export function listMyOpenPrechecks(db: LocalDb): Promise<PrecheckListEntry[]> {
	return db.transaction('r', readScope(db), async () => {
		const actor = await readActor(db);
		if (!actor) return [];
		// By the stored status: the completed ones (most of a long-used device's) are not read at all.
		const mine = await prechecks
			.of(db)
			.where('[staff_id+status+created_at]')
			.between([actor.staff_id, 'open', ''], [actor.staff_id, 'open', '\uffff'])
			.reverse()
			.filter((row) => row.notice_no !== null)
			.toArray();
		return (await listOf(db, mine)).filter((entry) => entry.precheck.status === 'open');
	});
}

/** The hall's pre-checks made on a hall day, oldest first, with their rounds (the manager's "today"). */
export function listPrechecksOn(db: LocalDb, day: string): Promise<PrecheckDetail[]> {
	return db.transaction('r', readScope(db), async () => {
		// The index narrows to the UTC dates around the hall day (a server's timestamp may carry any offset); the
		// hall clock decides. Not a scan of every pre-check the device ever held.
		const rows = await prechecks
			.of(db)
			.where('created_at')
			.between(addDays(day, -1), `${addDays(day, 1)}\uffff`)
			.filter((row) => hallDate(new Date(row.created_at)) === day)
			.toArray();
		return (await detailsOf(db, rows)).sort((a, b) =>
			a.precheck.created_at.localeCompare(b.precheck.created_at)
		);
	});
}

/** A service record's pre-checks, oldest first, including those filed under a record merged into it. */
export function listRecordPrechecks(db: LocalDb, recordId: string): Promise<PrecheckListEntry[]> {
	return db.transaction('r', readScope(db), async () => {
		const merged = await serviceRecords.of(db).where('merged_into').equals(recordId).primaryKeys();
		const rows = await prechecks
			.of(db)
			.where('record_id')
			.anyOf([recordId, ...merged])
			.toArray();
		rows.sort((a, b) => a.created_at.localeCompare(b.created_at));
		return listOf(db, rows);
	});
}

/** The pre-check a scanned link's token names, or null. */
export async function findByToken(db: LocalDb, token: string): Promise<string | null> {
	return (await prechecks.of(db).where('public_token').equals(token).first())?.id ?? null;
}

/** The pre-check a notice number names (typed in any case, with spaces), or null. */
export async function findByNoticeNo(db: LocalDb, noticeNo: string): Promise<string | null> {
	const row = await prechecks.of(db).where('notice_no').equals(normalizeNoticeNo(noticeNo)).first();
	return row?.id ?? null;
}

/** How often and how lately the signed-in staff member pre-checked each item on this device. */
export function itemUsage(db: LocalDb): Promise<Map<string, ItemUsage>> {
	return db.transaction('r', [prechecks.of(db), db.sync_state], async () => {
		const usage = new Map<string, ItemUsage>();
		const actor = await readActor(db);
		if (!actor) return usage;
		await prechecks
			.of(db)
			.where('[staff_id+created_at]')
			.between([actor.staff_id, ''], [actor.staff_id, '\uffff'])
			.each((row) => {
				const seen = usage.get(row.item_id);
				usage.set(row.item_id, {
					count: (seen?.count ?? 0) + 1,
					lastUsedAt: seen && seen.lastUsedAt > row.created_at ? seen.lastUsedAt : row.created_at
				});
			});
		return usage;
	});
}
