import { localServiceRoleKey } from '../../supabase/local/config';
import { expect, signIn, test, zh } from './fixtures';
import { E2E_GATEWAY_URL } from './ports';
import { expectStatus, izh, reportFromHome, uniquePlace } from './support/incidents';
import { outboxCount } from './support/device';
import { cameraJpeg } from './support/photos';
import { holdRequests } from './support/held-requests';

// Photos added to an incident after its report (the repair done, say) in the real app: picked, compressed (in the
// worker), shown at once, saved on the device, and uploaded by their own queue to the local stack's Storage once
// the incident is on the server. 马骏's account is used by no other spec.
const PERSON = 'majun@demo.hall';

test('a photo added to an incident shows at once and is uploaded to Storage after the incident; a text file is refused', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, PERSON);
	await reportFromHome(page, {
		category: izh['incident.category.equipment'],
		severity: izh['incident.severity.4'],
		place: uniquePlace('自助服务区'),
		description: '自助打印机卡纸'
	});
	await page.getByTestId('incident-submit').click();
	await expectStatus(page, 'reported');

	// A file that is not a photo first: a Chinese message, and nothing else on the page changes.
	await page.getByTestId('photo-gallery-input').setInputFiles({
		name: '说明.txt',
		mimeType: 'text/plain',
		buffer: Buffer.from('不是照片')
	});
	await expect(page.getByTestId('photo-error')).toContainText('“说明.txt”不是图片');

	// Storage answers only when the test lets it: meanwhile the photo's bytes are only on the phone.
	const release = await holdRequests(page, '**/storage/v1/object/photos/**');

	const input = await cameraJpeg(page);
	await page.getByTestId('photo-gallery-input').setInputFiles({
		name: 'IMG_0001.jpg',
		mimeType: 'image/jpeg',
		buffer: input
	});
	await expect(page.getByRole('img', { name: /第 1 张照片/ })).toBeVisible();
	await expect(page.getByTestId('photo-error')).toHaveCount(0);
	await page.getByTestId('add-photos-save').click();
	await expect(page.getByTestId('add-photos-message')).toContainText('照片已保存在本机');

	// Shown from the device at once; uploaded when the incident and the photo's row are on the server.
	const item = page.getByTestId('photo-item');
	await expect(item).toHaveCount(1);
	await expect(item.getByRole('img')).toBeVisible();
	// Its row is on the server (nothing queued), its bytes are not: the header counts it, and never says synced.
	await expect.poll(() => outboxCount(page), { timeout: 30_000 }).toBe(0);
	const status = page.getByTestId('sync-status');
	await expect(status).toHaveText(zh['sync.statusPending'].replace('{count}', '1'));
	release();
	await expect(item).toHaveAttribute('data-upload', 'uploaded', { timeout: 60_000 });
	await expect(status).toHaveText(zh['sync.statusSynced']);

	const objectPath = await page.evaluate(async () => {
		const db = await new Promise<IDBDatabase>((resolve, reject) => {
			const request = indexedDB.open('hall-assist');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(new Error(String(request.error)));
		});
		const rows = await new Promise<{ object_path: string }[]>((resolve) => {
			const all = db.transaction('photos').objectStore('photos').getAll();
			all.onsuccess = () => resolve(all.result as { object_path: string }[]);
		});
		db.close();
		return rows[0]?.object_path ?? '';
	});
	const stored = await page.request.get(
		`${E2E_GATEWAY_URL}/storage/v1/object/authenticated/photos/${objectPath}`,
		{
			headers: { apikey: localServiceRoleKey, Authorization: `Bearer ${localServiceRoleKey}` }
		}
	);
	expect(stored.status()).toBe(200);
	expect(stored.headers()['content-type']).toBe('image/jpeg');
	const body = await stored.body();
	expect(body.length).toBeLessThanOrEqual(300 * 1024);
	expect(body.length).toBeLessThan(input.length);

	// An incident holds 12 photos: the field offers what still fits, and none once it is full.
	const small = await cameraJpeg(page, { width: 800, height: 600 });
	const pick = (count: number, from: number) =>
		page.getByTestId('photo-gallery-input').setInputFiles(
			Array.from({ length: count }, (_, index) => ({
				name: `IMG_${from + index}.jpg`,
				mimeType: 'image/jpeg',
				buffer: small
			}))
		);
	await pick(6, 2);
	await expect(page.getByRole('img', { name: /第 6 张照片/ })).toBeVisible();
	await page.getByTestId('add-photos-save').click();
	await expect(item).toHaveCount(7);
	await expect(page.getByTestId('photo-field')).toContainText('最多 5 张');
	await pick(6, 8);
	await expect(page.getByTestId('photo-error')).toHaveText('最多 5 张照片，“IMG_13.jpg”未添加。');
	await page.getByTestId('add-photos-save').click();
	await expect(item).toHaveCount(12);
	await expect(page.getByTestId('photo-field')).toHaveCount(0);
	await expect(page.getByTestId('add-photos-full')).toHaveText('已有 12 张照片，已达上限，不能再添加。');
});

test('a photo the server refuses stands out in the sync control until it is uploaded again', async ({
	page
}) => {
	test.setTimeout(120_000);
	// Storage refuses the first upload as too large (the way it answers: 400 with the real status in the body).
	let refuse = true;
	await page.route('**/storage/v1/object/photos/**', async (route) => {
		if (!refuse) return route.continue();
		await route.fulfill({
			status: 400,
			contentType: 'application/json',
			body: JSON.stringify({
				statusCode: '413',
				error: 'Payload too large',
				message: 'The object exceeded the maximum allowed size'
			})
		});
	});
	await signIn(page, 'wuqiang@demo.hall');
	await reportFromHome(page, {
		category: izh['incident.category.environment'],
		severity: izh['incident.severity.4'],
		place: uniquePlace('等候区'),
		description: '地面有积水'
	});
	await page.getByTestId('photo-gallery-input').setInputFiles({
		name: 'IMG_0002.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraJpeg(page)
	});
	await expect(page.getByRole('img', { name: /第 1 张照片/ })).toBeVisible();
	await page.getByTestId('incident-submit').click();
	await expectStatus(page, 'reported');

	const status = page.getByTestId('sync-status');
	await expect(status).toHaveText(zh['sync.statusAttention'].replace('{count}', '1'), { timeout: 60_000 });
	await expect(page.getByTestId('photo-item')).toHaveAttribute('data-upload', 'refused');
	await status.click();
	await expect(page.getByTestId('sync-refused-photo')).toHaveText('上传被拒绝：照片超过 2 MB 上限');

	refuse = false;
	await page.getByRole('button', { name: zh['sync.photosRetry'] }).click();
	await expect(page.getByTestId('photo-item')).toHaveAttribute('data-upload', 'uploaded', {
		timeout: 60_000
	});
	await expect(status).toHaveText(zh['sync.statusSynced']);
});
