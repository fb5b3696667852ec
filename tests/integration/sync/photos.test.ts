import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PHOTO_LIMITS } from '../../../src/lib/domain/photo';
import { uuidv7 } from '../../../src/lib/domain/uuid';
import { useAdminDb } from '../support/clients';
import { op, openRecord } from './support/ops';
import { center, staff } from './support/people';
import { device, pullAll, push, type SyncClient } from './support/sync-client';

// photo.attach: a photo belongs to a row of the caller's hall of a registered owner kind. A test owner kind is
// registered here, as an owning area's migration would (app.register_photo_owner).

const db = useAdminDb();
let intake: SyncClient;
let stationStaff: SyncClient;

beforeAll(async () => {
	await db().query(`
		create table if not exists app.photo_test_owners (id uuid primary key, hall_id uuid not null);
		grant select on app.photo_test_owners to app_writer;
		select app.register_photo_owner('photo_test_owner', 'app.photo_test_owners');`);
	[intake, stationStaff] = await Promise.all([device(staff.intake.email), device(staff.stationAssist.email)]);
});
afterAll(async () => {
	await db().query(`
		delete from app.photos where owner_kind = 'photo_test_owner';
		delete from app.photo_owners where kind = 'photo_test_owner';
		drop table if exists app.photo_test_owners;`);
});

async function ownerIn(hall: string): Promise<string> {
	const id = randomUUID();
	await db().query('insert into app.photo_test_owners (id, hall_id) values ($1, $2)', [id, hall]);
	return id;
}

function attach(ownerId: string, overrides: Partial<Parameters<typeof op<'photo.attach'>>[1]> = {}) {
	return op('photo.attach', {
		id: uuidv7(),
		owner_kind: 'photo_test_owner',
		owner_id: ownerId,
		bytes: 280_000,
		width: 1600,
		height: 1200,
		taken_at: new Date().toISOString(),
		...overrides
	});
}

async function photoRows(ownerId: string) {
	const { rows } = await db().query<{ id: string; object_path: string; created_by_name: string }>(
		'select id, object_path, created_by_name from app.photos where owner_id = $1 order by id',
		[ownerId]
	);
	return rows;
}

describe('photo.attach', () => {
	it('attaches a photo to a row of the caller’s hall, under the hall’s folder, and the hall’s devices pull it', async () => {
		const owner = await ownerIn(center);
		const sent = attach(owner);
		expect(await push(intake, [sent])).toMatchObject([{ status: 'applied' }]);
		expect(await photoRows(owner)).toEqual([
			{
				id: sent.payload.id,
				object_path: `${center}/photo_test_owner/${sent.payload.id}.jpg`,
				created_by_name: staff.intake.name
			}
		]);
		const { pages } = await pullAll(intake);
		const pulled = pages.flatMap((page) => page.changes).filter((change) => change.table === 'photos');
		expect(pulled.map((change) => (change.row as { id: string }).id)).toContain(sent.payload.id);
	});

	it('refuses a row of another hall as not_found, and stores nothing', async () => {
		const owner = await ownerIn(center);
		const [result] = await push(stationStaff, [attach(owner)]);
		expect(result).toMatchObject({ status: 'rejected', code: 'not_found' });
		expect(await photoRows(owner)).toEqual([]);
	});

	it('refuses an owner id that is no row at all, and an owner kind nobody registered', async () => {
		const [missing] = await push(intake, [attach(randomUUID())]);
		expect(missing).toMatchObject({ code: 'not_found' });
		const owner = await ownerIn(center);
		const [unknownKind] = await push(intake, [attach(owner, { owner_kind: 'no_such_owner' })]);
		expect(unknownKind).toMatchObject({ code: 'not_found' });
		expect(unknownKind?.message).toMatch(/no such owner kind/);
	});

	it('the same photo sent again under a new op id is applied once', async () => {
		const owner = await ownerIn(center);
		const first = attach(owner);
		const again = { ...first, op_id: randomUUID() };
		expect(await push(intake, [first, again])).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);
		expect(await photoRows(owner)).toHaveLength(1);
	});

	it(`refuses the photo past ${PHOTO_LIMITS.perOwner} on one row as a conflict`, async () => {
		const owner = await ownerIn(center);
		const full = Array.from({ length: PHOTO_LIMITS.perOwner }, () => attach(owner));
		const results = await push(intake, [...full, attach(owner)]);
		expect(results.slice(0, -1).every((result) => result.status === 'applied')).toBe(true);
		expect(results.at(-1)).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(await photoRows(owner)).toHaveLength(PHOTO_LIMITS.perOwner);
	});

	it.each([
		['bytes over the bucket’s limit', { bytes: PHOTO_LIMITS.maxBytes + 1 }],
		['no bytes', { bytes: 0 }],
		['a side over 1600 px', { width: PHOTO_LIMITS.maxSide + 1 }],
		['a fractional height', { height: 10.5 }],
		['an owner kind that is not a name', { owner_kind: 'Incident!' }]
	])('refuses %s as validation, and stores nothing', async (_case, overrides) => {
		const owner = await ownerIn(center);
		const [result] = await push(intake, [attach(owner, overrides)]);
		expect(result).toMatchObject({ status: 'rejected', code: 'validation' });
		expect(await photoRows(owner)).toEqual([]);
	});

	it('a service record owns no photos: an applicant’s papers stay out of the hall’s photos', async () => {
		const record = openRecord();
		const photo = attach(record.payload.id, { owner_kind: 'service_record' });
		const results = await push(intake, [record, photo]);
		expect(results[0]).toMatchObject({ status: 'applied' });
		expect(results[1]).toMatchObject({ status: 'rejected', code: 'not_found' });
		expect(results[1]?.message).toMatch(/no such owner kind/);
	});
});
