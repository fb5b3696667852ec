import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { adminDb } from '../support/clients';
import { reportIncident } from './support/incidents';
import { op } from './support/ops';
import { activeCheckpointIds, checkAt, startRound } from './support/patrols';
import { center, staff, station } from './support/people';
import { device, push, type SyncClient } from './support/sync-client';

// The links between the areas of docs/PATROL.md (20261202000400_patrol_incident_links.sql): an incident's
// checkpoint is one of its hall's, and incidents and patrol checks own photos.

const db = adminDb();
let intake: SyncClient;
beforeAll(async () => {
	intake = await device(staff.intake.email);
});
afterAll(async () => {
	await db.end();
});

function photoOf(kind: 'incident' | 'patrol_check', ownerId: string) {
	return op('photo.attach', {
		id: randomUUID(),
		owner_kind: kind,
		owner_id: ownerId,
		bytes: 200_000,
		width: 1600,
		height: 1200,
		taken_at: new Date().toISOString()
	});
}

describe('an incident’s checkpoint', () => {
	it('is one of the hall’s checkpoints: its own is taken, another hall’s or an unknown one is refused', async () => {
		const [own] = await activeCheckpointIds(db, center);
		const [other] = await activeCheckpointIds(db, station);
		const atOwn = reportIncident({ checkpoint_id: own ?? null });
		const atOther = reportIncident({ checkpoint_id: other ?? null });
		const atNone = reportIncident({ checkpoint_id: randomUUID() });
		expect(await push(intake, [atOwn, atOther, atNone])).toMatchObject([
			{ status: 'applied' },
			{ status: 'rejected', code: 'not_found' },
			{ status: 'rejected', code: 'not_found' }
		]);
		const { rows } = await db.query('select id from app.incidents where id = any($1)', [
			[atOther.payload.id, atNone.payload.id]
		]);
		expect(rows).toEqual([]);
	});
});

describe('photos', () => {
	it('attach to an incident and to a patrol check of the caller’s hall', async () => {
		const report = reportIncident();
		const [checkpoint] = await activeCheckpointIds(db, center);
		const round = startRound();
		const check = checkAt(round.payload.id, checkpoint ?? '');
		expect(
			await push(intake, [
				report,
				photoOf('incident', report.payload.id),
				round,
				check,
				photoOf('patrol_check', check.payload.id)
			])
		).toMatchObject([
			{ status: 'applied' },
			{ status: 'applied' },
			{ status: 'applied' },
			{ status: 'applied' },
			{ status: 'applied' }
		]);
	});

	it('of an incident that does not exist are refused', async () => {
		expect(await push(intake, [photoOf('incident', randomUUID())])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);
	});
});
