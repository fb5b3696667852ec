import { uuidv7 } from '../../../src/lib/domain/uuid';
import { enqueuePhotos } from '../../../src/lib/local/photos/writes';
import { incidents } from '../../../src/lib/local/incidents/tables';
import { LocalWriteError } from '../../../src/lib/local/write-error';
import { signalLocalWrite } from '../../../src/lib/local/write-signal';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * Photos under torture: a device attaches one or two photos to an incident of its hall that it holds (one it
 * reported, often still in the outbox, so the incident's op must reach the server first, or a colleague's), in one
 * write transaction as an owning workflow does. The bytes' uploads are not part of sync and not driven here. No
 * refusal is meant: any staff member of the hall may add photos to any of its incidents, in any status.
 */
export function photosWorkload(): Workload {
	async function someIncident(device: WorkloadDevice): Promise<string | null> {
		const held = await incidents.of(device.db).limit(50).primaryKeys();
		return held.length > 0 ? device.rng.pick(held) : null;
	}

	return {
		workflow: 'photos',
		opTypes: ['photo.attach'],
		async step(device) {
			const incidentId = await someIncident(device);
			if (!incidentId) return;
			const drafts = Array.from({ length: device.rng.int(1, 2) }, () => ({
				id: uuidv7(),
				blob: new Blob([new Uint8Array(device.rng.int(1_000, 4_000))], { type: 'image/jpeg' }),
				width: 1600,
				height: device.rng.int(900, 1600),
				taken_at: new Date().toISOString()
			}));
			try {
				await device.db.transaction('rw', device.db.writeTables, () =>
					enqueuePhotos(device.db, device.actor, { kind: 'incident', id: incidentId }, drafts)
				);
			} catch (error) {
				// An incident with its photos full: a person would be told so and attach none.
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
