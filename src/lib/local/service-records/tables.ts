import { serviceRecordEventRow, serviceRecordRow } from '$lib/domain/service-record';
import type { LocalDb } from '../db';
import { putPulledRows, syncedTable } from '../workflow';

/** The service-record workflow's synced tables on the device. */

export const serviceRecordEvents = syncedTable('service_record_events', serviceRecordEventRow, {
	// [record_id+occurred_at]: a record's timeline in order.
	indexes: ['record_id', '[record_id+occurred_at]']
});

export const serviceRecords = syncedTable('service_records', serviceRecordRow, {
	// [ticket_date+ticket_no]: finding today's record for a scanned ticket; [ticket_date+opened_at]: newest first.
	indexes: ['[ticket_date+ticket_no]', '[ticket_date+opened_at]', 'merged_into'],
	/**
	 * A tombstone with `merged_into` means the server merged that record into another (one ticket opened on two
	 * devices): events this device still files under it move to the survivor now, so the timeline stays whole
	 * before the server's moved copies arrive; the tombstone stays as the alias later applies and screens follow.
	 */
	async storePulled(db: LocalDb, rows) {
		await putPulledRows(serviceRecords.of(db), rows);
		for (const row of rows) {
			if (!row.merged_into) continue;
			await serviceRecordEvents
				.of(db)
				.where('record_id')
				.equals(row.id)
				.modify({ record_id: row.merged_into });
		}
	}
});
