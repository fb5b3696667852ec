/**
 * The tickets screens' one seam to the device's data (src/lib/local): the reads they show and the writes they
 * make. Writes never wait for the network (DESIGN §1); a refused write comes back as a Chinese message for the
 * screen to show, with nothing the user typed lost.
 */
import type { EventKind, UpdateServiceRecord } from '$lib/domain/service-record';
import { t, type MessageKey } from '$lib/i18n';
import {
	addServiceRecordEvent,
	LocalWriteError,
	openServiceRecord,
	updateServiceRecord,
	type LocalWriteReason
} from '$lib/local';

export {
	serviceRecordWithTimeline as serviceRecordDetail,
	todaysServiceRecords as todaysRecords,
	type RecordDetail,
	type RecordFilter,
	type RecordListEntry,
	type TimelineEntry
} from '$lib/local';

export interface EventDetail {
	window_no: number | null;
	note: string | null;
}

export type WriteResult<T = void> = { ok: true; value: T } | { ok: false; message: string };

/** A ticket as parseTicket read it from a scan or a typed number. */
export interface Ticket {
	ticket_no: string;
	ticket_date: string;
	raw: string;
}

/** Opens today's record for the ticket: the one already on this device, or a new one with the user as 首问. */
export function openTicket(ticket: Ticket): Promise<WriteResult<string>> {
	return attempt(async () => {
		const record = await openServiceRecord({
			ticket_no: ticket.ticket_no,
			ticket_date: ticket.ticket_date,
			raw_payload: ticket.raw
		});
		return record.id;
	});
}

export function addEvent(recordId: string, kind: EventKind, detail: EventDetail): Promise<WriteResult> {
	return attempt(async () => {
		await addServiceRecordEvent({ record_id: recordId, kind, ...detail });
	});
}

export function changeRecord(change: UpdateServiceRecord): Promise<WriteResult> {
	return attempt(() => updateServiceRecord(change));
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
		// Unexpected failures (storage full, IndexedDB gone) still get words a person can act on.
		if (!(error instanceof LocalWriteError)) console.error(error);
		const key = error instanceof LocalWriteError ? WRITE_MESSAGES[error.reason] : 'tickets.saveFailed';
		return { ok: false, message: t(key) };
	}
}
