import { hallDate } from '../../../src/lib/domain/hall-time';
import { uuidv7 } from '../../../src/lib/domain/uuid';
import { enqueuePhotos } from '../../../src/lib/local/photos/writes';
import { serviceRecords } from '../../../src/lib/local/service-records/tables';
import { LocalWriteError } from '../../../src/lib/local/write-error';
import { signalLocalWrite } from '../../../src/lib/local/write-signal';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * Photos under torture: a device attaches one or two photos to one of its own service records of today (the owner
 * kind the photos migration registers), in one write transaction as an owning workflow does, often while the record
 * itself is still in the outbox, so the record's op must reach the server first. The bytes' uploads are not part of
 * sync and not driven here. No refusal is meant: a record a manager deleted still owns its photos.
 */
export function photosWorkload(): Workload {
	async function ownRecord(device: WorkloadDevice): Promise<string | null> {
		const today = hallDate();
		const prefix = `P${device.runTag}${device.index}-`;
		const records = await serviceRecords
			.of(device.db)
			.where('[ticket_date+ticket_no]')
			.between([today, prefix], [today, `${prefix}\uffff`])
			.toArray();
		return records.length > 0 ? device.rng.pick(records).id : null;
	}

	return {
		workflow: 'photos',
		opTypes: ['photo.attach'],
		async step(device) {
			const recordId = await ownRecord(device);
			if (!recordId) return;
			const drafts = Array.from({ length: device.rng.int(1, 2) }, () => ({
				id: uuidv7(),
				blob: new Blob([new Uint8Array(device.rng.int(1_000, 4_000))], { type: 'image/jpeg' }),
				width: 1600,
				height: device.rng.int(900, 1600),
				taken_at: new Date().toISOString()
			}));
			try {
				await device.db.transaction('rw', device.db.writeTables, () =>
					enqueuePhotos(device.db, device.actor, { kind: 'service_record', id: recordId }, drafts)
				);
			} catch (error) {
				// A record with its photos full: a person would be told so and attach none.
				if (error instanceof LocalWriteError) return;
				throw error;
			}
			signalLocalWrite();
		},
		meantRejection() {
			return Promise.resolve(null);
		}
	};
}
