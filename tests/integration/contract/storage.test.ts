import { randomUUID } from 'node:crypto';
import { StorageApiError } from '@supabase/storage-js';
import { describe, expect, it } from 'vitest';
import { anonClient, signedInClient, stack, useAdminDb } from '../support/clients';
import { center, staff, station } from '../sync/support/people';

// Supabase Storage as supabase-js's storage client sees it, against the gateway's Storage subset: uploads with
// upsert, authenticated downloads, signed URLs, deletes, the bucket's limits, Storage RLS deciding every access, and
// Storage's error bodies. The bucket and policies are the app's (supabase/migrations/*_photos.sql).

const db = useAdminDb();

/** A small JPEG-looking body: the gateway does not look inside, Storage does not either. */
function jpeg(size = 1_000, fill = 7): Blob {
	const bytes = new Uint8Array(size).fill(fill);
	bytes.set([0xff, 0xd8, 0xff], 0);
	return new Blob([bytes], { type: 'image/jpeg' });
}

const pathIn = (hall: string) => `${hall}/contract/${randomUUID()}.jpg`;

async function objectCount(name: string): Promise<number> {
	const { rows } = await db().query<{ count: string }>(
		`select count(*) from storage.objects where bucket_id = 'photos' and name = $1`,
		[name]
	);
	return Number(rows[0]?.count);
}

function storageError(error: unknown): StorageApiError {
	expect(error).toBeInstanceOf(StorageApiError);
	return error as StorageApiError;
}

describe('upload', () => {
	it('stores an object in the hall’s folder and answers its key; the bytes read back the same', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		const body = jpeg(5_000, 3);
		const { data, error } = await client.storage.from('photos').upload(path, body);
		expect(error).toBeNull();
		expect(data).toMatchObject({ path, fullPath: `photos/${path}` });
		expect(data?.id).toMatch(/^[0-9a-f-]{36}$/);
		const downloaded = await client.storage.from('photos').download(path);
		expect(downloaded.error).toBeNull();
		expect(Buffer.from(await downloaded.data!.arrayBuffer())).toEqual(Buffer.from(await body.arrayBuffer()));
		expect(downloaded.data?.type).toBe('image/jpeg');
	});

	it('with upsert, uploading the same path twice keeps one object holding the second bytes', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		const first = await client.storage.from('photos').upload(path, jpeg(2_000, 1), { upsert: true });
		const second = await client.storage.from('photos').upload(path, jpeg(3_000, 2), { upsert: true });
		expect(first.error).toBeNull();
		expect(second.error).toBeNull();
		expect(second.data?.id).toBe(first.data?.id);
		expect(await objectCount(path)).toBe(1);
		const { data } = await client.storage.from('photos').download(path);
		expect(data?.size).toBe(3_000);
	});

	it('without upsert, a second upload of the same path is refused as a duplicate (409 in the body)', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		await client.storage.from('photos').upload(path, jpeg());
		const { error } = await client.storage.from('photos').upload(path, jpeg());
		const refused = storageError(error);
		expect(refused.status).toBe(400);
		expect(refused.statusCode).toBe('409');
		expect(refused.message).toBe('The resource already exists');
		expect(await objectCount(path)).toBe(1);
	});

	it('uploads raw bytes with a content type as well as a Blob (multipart)', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		const bytes = new Uint8Array(await jpeg(1_500).arrayBuffer());
		const { error } = await client.storage.from('photos').upload(path, bytes, { contentType: 'image/jpeg' });
		expect(error).toBeNull();
		expect((await client.storage.from('photos').download(path)).data?.size).toBe(1_500);
	});
});

describe('the bucket’s limits', () => {
	it('refuses a file over file_size_limit (2 MB) with Storage’s EntityTooLarge, and stores nothing', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		const { error } = await client.storage.from('photos').upload(path, jpeg(2 * 1024 * 1024 + 1));
		const refused = storageError(error);
		expect(refused.statusCode).toBe('413');
		expect(refused.message).toBe('The object exceeded the maximum allowed size');
		expect(await objectCount(path)).toBe(0);
	});

	it('takes a file of exactly the limit', async () => {
		const client = await signedInClient(staff.intake.email);
		const { error } = await client.storage.from('photos').upload(pathIn(center), jpeg(2 * 1024 * 1024));
		expect(error).toBeNull();
	});

	it('refuses a type outside allowed_mime_types with InvalidMimeType (415), and stores nothing', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		const png = new Blob([new Uint8Array(100)], { type: 'image/png' });
		const { error } = await client.storage.from('photos').upload(path, png);
		const refused = storageError(error);
		expect(refused.statusCode).toBe('415');
		expect(refused.message).toBe('mime type image/png is not supported');
		expect(await objectCount(path)).toBe(0);
	});

	it('answers an unknown bucket with NoSuchBucket', async () => {
		const client = await signedInClient(staff.intake.email);
		const { error } = await client.storage.from('no-such-bucket').upload(pathIn(center), jpeg());
		expect(storageError(error)).toMatchObject({ statusCode: '404', message: 'Bucket not found' });
	});
});

describe('Storage RLS', () => {
	it('another hall’s staff can neither read nor overwrite the hall’s photo; the hall’s staff can read it', async () => {
		const [owner, colleague, stranger] = await Promise.all([
			signedInClient(staff.intake.email),
			signedInClient(staff.manager.email),
			signedInClient(staff.stationAssist.email)
		]);
		const path = pathIn(center);
		await owner.storage.from('photos').upload(path, jpeg(1_000, 5));
		expect((await colleague.storage.from('photos').download(path)).data?.size).toBe(1_000);

		const read = await stranger.storage.from('photos').download(path);
		expect(storageError(read.error).statusCode).toBe('404');
		const signed = await stranger.storage.from('photos').createSignedUrl(path, 60);
		expect(storageError(signed.error).statusCode).toBe('404');
		const overwrite = await stranger.storage.from('photos').upload(path, jpeg(10, 9), { upsert: true });
		expect(storageError(overwrite.error)).toMatchObject({ statusCode: '403' });
		expect((await owner.storage.from('photos').download(path)).data?.size).toBe(1_000);
	});

	it('anon reads nothing and uploads nothing', async () => {
		const owner = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		await owner.storage.from('photos').upload(path, jpeg());
		const anon = anonClient();
		expect(storageError((await anon.storage.from('photos').download(path)).error).statusCode).toBe('404');
		const upload = await anon.storage.from('photos').upload(pathIn(center), jpeg());
		expect(storageError(upload.error)).toMatchObject({
			statusCode: '403',
			message: 'new row violates row-level security policy'
		});
	});

	it('staff cannot upload into another hall’s folder (the control: into their own they can)', async () => {
		const stationStaff = await signedInClient(staff.stationAssist.email);
		const intoCenter = await stationStaff.storage.from('photos').upload(pathIn(center), jpeg());
		expect(storageError(intoCenter.error).statusCode).toBe('403');
		const intoStation = await stationStaff.storage.from('photos').upload(pathIn(station), jpeg());
		expect(intoStation.error).toBeNull();
	});
});

describe('signed URLs', () => {
	it('reads the object without any key or token, until it expires; a tampered path is refused', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		await client.storage.from('photos').upload(path, jpeg(1_234));
		const { data, error } = await client.storage.from('photos').createSignedUrl(path, 60);
		expect(error).toBeNull();
		expect(data?.signedUrl).toMatch(new RegExp(`^${stack().url}/storage/v1/object/sign/photos/`));
		const response = await fetch(data!.signedUrl);
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('image/jpeg');
		expect((await response.arrayBuffer()).byteLength).toBe(1_234);

		const other = pathIn(center);
		await client.storage.from('photos').upload(other, jpeg());
		const tampered = data!.signedUrl.replace(path, other);
		const refused = await fetch(tampered);
		expect(refused.status).toBe(400);
		expect(await refused.json()).toMatchObject({ statusCode: '400', error: 'InvalidSignature' });
	});

	it('refuses an expired signed URL', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		await client.storage.from('photos').upload(path, jpeg());
		const { data } = await client.storage.from('photos').createSignedUrl(path, 1);
		await new Promise((resolve) => setTimeout(resolve, 2_100));
		const response = await fetch(data!.signedUrl);
		expect(response.status).toBe(400);
		expect(await response.json()).toMatchObject({ message: 'jwt expired' });
	});
});

describe('delete', () => {
	it('removes the objects RLS lets the caller delete: with no delete policy, staff delete nothing', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		await client.storage.from('photos').upload(path, jpeg());
		const { data, error } = await client.storage.from('photos').remove([path]);
		expect(error).toBeNull();
		expect(data).toEqual([]);
		expect(await objectCount(path)).toBe(1);
	});

	it('with the service role, deletes the object and its bytes', async () => {
		const client = await signedInClient(staff.intake.email);
		const path = pathIn(center);
		await client.storage.from('photos').upload(path, jpeg());
		const service = anonClient(stack().serviceRoleKey);
		const { data, error } = await service.storage.from('photos').remove([path]);
		expect(error).toBeNull();
		expect(data?.map((object) => object.name)).toEqual([path]);
		expect(await objectCount(path)).toBe(0);
		expect(storageError((await service.storage.from('photos').download(path)).error).statusCode).toBe('404');
	});

	it('a stray SQL delete on storage.objects is refused, as on Supabase', async () => {
		await expect(db().query(`delete from storage.objects where bucket_id = 'photos'`)).rejects.toThrow(
			/Direct deletion from storage tables is not allowed/
		);
	});
});

describe('what the subset does not serve', () => {
	it('answers 501 with a clear message, e.g. listing a bucket', async () => {
		const client = await signedInClient(staff.intake.email);
		const { error } = await client.storage.from('photos').list(center);
		const refused = storageError(error);
		expect(refused.status).toBe(501);
		expect(refused.message).toMatch(/does not implement POST \/storage\/v1\/object\/list\/photos/);
	});
});
