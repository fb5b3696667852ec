import { PHOTO_RULES } from '../../../src/lib/domain/photo';
import { uuidv7 } from '../../../src/lib/domain/uuid';
import { enqueuePhotos } from '../../../src/lib/local/photos/writes';
import { incidents } from '../../../src/lib/local/incidents/tables';
import { LocalWriteError } from '../../../src/lib/local/write-error';
import { signalLocalWrite } from '../../../src/lib/local/write-signal';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * Photos under torture: a device attaches one or two photos to an incident of its hall that it holds (one it
 * reported, often still in the outbox, so the incident's op must reach the server first, or a colleague's), in one
 * write transaction as an owning workflow does. The bytes' uploads are not part of sync and not driven here. Any
 * staff member of the hall may add photos to any of its incidents, in any status; the one refusal meant is an
 * incident full on the server (`perOwner`) while each device, offline, still saw room on its own.
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
				await device.db.transaction('rw', device.db.writeTables, async () =>
					enqueuePhotos(device.db, device.actor, { kind: 'incident', id: incidentId }, drafts)
				);
			} catch (error) {
				// An incident with its photos full: a person would be told so and attach none.
				if (error instanceof LocalWriteError) return;
				throw error;
			}
			signalLocalWrite();
		},
		async meantRejection(entry, server) {
			const payload = entry.payload as { owner_id?: string };
			if (entry.type !== 'photo.attach' || entry.code !== 'conflict' || !payload.owner_id) return null;
			const { rows } = await server.query<{ photos: number }>(
				'select count(*)::int as photos from app.photos where owner_id = $1',
				[payload.owner_id]
			);
			return (rows[0]?.photos ?? 0) >= PHOTO_RULES.perOwner
				? 'the incident is full on the server: colleagues filled it while this device was offline'
				: null;
		}
	};
}
