/**
 * The tickets screens' one seam to the device's data (src/lib/local/service-records): the reads they show, live,
 * and the writes they make. Writes never wait for the network; a refused write comes back as a Chinese message
 * for the screen to show, with nothing the user typed lost.
 */
import { hallDate } from '$lib/domain/hall-time';
import type {
	AddServiceRecordEvent,
	NewEvent,
	ServiceRecordEventRow,
	UpdateServiceRecord
} from '$lib/domain/service-record';
import { t, type MessageKey } from '$lib/i18n';
import { live } from '$lib/local/live.svelte';
import {
	listRecords,
	loadRecord,
	type RecordDetail,
	type RecordFilter,
	type RecordListEntry,
	type TimelineEntry
} from '$lib/local/service-records/queries';
import {
	addServiceRecordEvent,
	deleteServiceRecord,
	newServiceRecordEvent,
	openServiceRecord,
	updateServiceRecord
} from '$lib/local/service-records/writes';
import { LocalWriteError, type LocalWriteReason } from '$lib/local/write-error';
import { localDb } from '../registry';

export type { RecordDetail, RecordFilter, RecordListEntry, TimelineEntry };

export type WriteResult<T = void> = { ok: true; value: T } | { ok: false; message: string };

/** A ticket as parseTicket read it from a scan or a typed number. */
export interface Ticket {
	ticket_no: string;
	ticket_date: string;
	raw: string;
}

/** Today's records (the hall's day), newest first; re-reads on every local write and every pull. */
export function todaysRecords(filter: () => RecordFilter): {
	readonly current: RecordListEntry[] | undefined;
} {
	return live(
		() => ({ ...filter(), day: hallDate() }),
		({ day, ...rest }) => listRecords(localDb(), day, rest)
	);
}

/** One record with its timeline, following a merge to the surviving record. */
export function recordDetail(id: () => string): { readonly current: RecordDetail | null | undefined } {
	return live(id, (value) => loadRecord(localDb(), value));
}

/** Opens today's record for the ticket: the one already on this device, or a new one with the user as 首问. */
export function openTicket(ticket: Ticket): Promise<WriteResult<string>> {
	return attempt(async () => {
		const record = await openServiceRecord(localDb(), {
			ticket_no: ticket.ticket_no,
			ticket_date: ticket.ticket_date,
			raw_payload: ticket.raw
		});
		return record.id;
	});
}

/** Who adds an event, as the timeline names them. */
export type EventAuthor = Pick<ServiceRecordEventRow, 'staff_id' | 'staff_name' | 'hall_id'>;

/**
 * A record page's steps: the timeline the device has stored, plus the events just tapped that it is still storing
 * (a few milliseconds, up to ~100 ms on a slow phone), so a tap shows on the timeline at once, marked pending. An
 * event the device refuses to store leaves the screen again, with the reason.
 */
export class RecordSteps {
	#justAdded = $state<ServiceRecordEventRow[]>([]);

	/** The stored timeline, then the events still being stored (newest last, as they were tapped). */
	shown(stored: readonly TimelineEntry[]): TimelineEntry[] {
		const storedIds = stored.map((entry) => entry.event.id);
		const storing = this.#justAdded.filter((event) => !storedIds.includes(event.id));
		return storing.length === 0
			? [...stored]
			: [...stored, ...storing.map((event) => ({ event, pending: true }))];
	}

	async add(recordId: string, input: NewEvent, author: EventAuthor | null): Promise<WriteResult> {
		let event: AddServiceRecordEvent;
		try {
			event = newServiceRecordEvent(recordId, input);
		} catch (error) {
			return failed(error);
		}
		const shown: ServiceRecordEventRow | null = author ? { ...event, ...author, version: 0 } : null;
		if (shown) this.#justAdded = [...this.#justAdded, shown];
		const result = await attempt(() => addServiceRecordEvent(localDb(), event));
		if (!result.ok && shown) this.#justAdded = this.#justAdded.filter((row) => row !== shown);
		return result;
	}
}

export function changeRecord(change: UpdateServiceRecord): Promise<WriteResult> {
	return attempt(() => updateServiceRecord(localDb(), change));
}

export function deleteRecord(recordId: string): Promise<WriteResult> {
	return attempt(() => deleteServiceRecord(localDb(), recordId));
}

const WRITE_MESSAGES: Record<LocalWriteReason, MessageKey> = {
	invalid: 'tickets.writeInvalid',
	not_signed_in: 'tickets.writeNotSignedIn',
	not_found: 'tickets.writeNotFound',
	deleted: 'tickets.writeDeleted'
};

async function attempt<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
	try {
		return { ok: true, value: await write() };
	} catch (error) {
		return failed(error);
	}
}

function failed(error: unknown): { ok: false; message: string } {
	// Unexpected failures (storage full, IndexedDB gone) still get words a person can act on.
	if (!(error instanceof LocalWriteError)) console.error(error);
	const key = error instanceof LocalWriteError ? WRITE_MESSAGES[error.reason] : 'tickets.saveFailed';
	return { ok: false, message: t(key) };
}
