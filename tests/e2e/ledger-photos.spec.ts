import pg from 'pg';
import { zhCN as lzh } from '../../src/lib/features/ledger/messages/zh-CN';
import { expect, signIn, test, zh, type Page } from './fixtures';
import { cameraJpeg } from './support/photos';
import { waitUntilSynced } from './support/prechecks';
import { readStackInfo } from './stack-info';

// Photos on the ledger's manual items (docs/REPORTS.md, "Manual items"): the center's manager adds an item to a
// month of the center's own ledger, photographs its evidence, sees the photo on the item at once and uploaded, its
// count printed, and, once the month is closed, the photo still there but no way to add another; a photo taken
// offline while another manager closes the month is refused, with its reason in Chinese. Reading a
// station's ledger, the same manager is told its photos are the station's. Months of 2025, which no other spec's
// ledger reads.

const CENTER = 'a0000000-0000-4000-8000-000000000001';
const STATION = 'a0000000-0000-4000-8000-000000000002';

async function addItem(page: Page, points: string, note: string): Promise<void> {
	const form = page.getByTestId('ledger-item-form');
	await page.getByTestId('ledger-item-points').fill(points);
	await page.getByTestId('ledger-item-note').fill(note);
	await form.getByRole('button', { name: lzh['ledger.itemSave'] }).click();
	await expect(page.getByTestId('ledger-item-done')).toHaveText(lzh['ledger.itemAdded']);
}

test('the manager photographs a manual item’s evidence: shown at once, uploaded, counted, kept once the month is closed', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'manager@demo.hall');
	await page.goto(`/reports/ledger?hall=${CENTER}&month=2025-03`);
	await expect(page.getByTestId('ledger-open')).toBeVisible();
	await addItem(page, '1.5', '收到群众表扬信');

	const item = page.getByTestId('ledger-item');
	await expect(item).toHaveCount(1);
	await expect(item.getByTestId('ledger-item-photo-count')).toHaveText('0 张');
	const photos = page.getByTestId('ledger-item-photos');
	await expect(photos.getByRole('group', { name: '为此项添加照片（收到群众表扬信）' })).toBeVisible();

	await photos.getByTestId('photo-gallery-input').setInputFiles({
		name: '表扬信.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraJpeg(page)
	});
	await expect(photos.getByRole('img', { name: /第 1 张照片/ })).toBeVisible();
	await photos.getByTestId('ledger-item-photos-save').click();
	await expect(page.getByTestId('ledger-item-photos-message')).toHaveText(lzh['ledger.itemPhotosSaved']);
	const shown = photos.getByTestId('photo-item');
	await expect(shown).toHaveCount(1);
	await expect(shown.getByRole('img')).toBeVisible();
	await expect(item.getByTestId('ledger-item-photo-count')).toHaveText('1 张');
	await expect(shown).toHaveAttribute('data-upload', 'uploaded', { timeout: 60_000 });

	// Read again from the server: the count is the server's, the photo the device's.
	await page.reload();
	await expect(item.getByTestId('ledger-item-photo-count')).toHaveText('1 张');
	await expect(page.getByTestId('photo-item')).toHaveCount(1);

	// Closed: the photo stays with the item and its count prints; no photo can be added any more.
	await page.getByTestId('ledger-close').click();
	await page.getByTestId('ledger-close-confirm').click();
	await expect(page.getByTestId('ledger-closed')).toBeVisible();
	await expect(page.getByTestId('photo-item')).toHaveCount(1);
	await expect(page.getByTestId('photo-field')).toHaveCount(0);
	await page.emulateMedia({ media: 'print' });
	await expect(item.getByTestId('ledger-item-photo-count')).toHaveText('1 张');
	await expect(page.getByTestId('ledger-item-photos')).toBeHidden();
	await page.emulateMedia({ media: 'screen' });
});

test('the add-item form takes photos, attached to the new item once the server has it; an item refused as typed keeps them', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'manager@demo.hall');
	await page.goto(`/reports/ledger?hall=${CENTER}&month=2025-06`);
	await expect(page.getByTestId('ledger-open')).toBeVisible();
	const form = page.getByTestId('ledger-item-form');
	await form.getByTestId('photo-gallery-input').setInputFiles({
		name: '感谢信.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraJpeg(page)
	});
	await expect(form.getByRole('img', { name: /第 1 张照片/ })).toBeVisible();
	// No note: refused on the device, the photo still in the field.
	await page.getByTestId('ledger-item-points').fill('2');
	await form.getByRole('button', { name: lzh['ledger.itemSave'] }).click();
	await expect(form.getByText(lzh['ledger.itemProblem.note_missing'])).toBeVisible();
	await expect(form.getByRole('img', { name: /第 1 张照片/ })).toBeVisible();

	await page.getByTestId('ledger-item-note').fill('企业送来感谢信');
	await form.getByRole('button', { name: lzh['ledger.itemSave'] }).click();
	await expect(page.getByTestId('ledger-item-done')).toHaveText(lzh['ledger.itemAddedWithPhotos']);
	await expect(form.getByRole('img')).toHaveCount(0);
	const item = page.getByTestId('ledger-item');
	await expect(item.getByTestId('ledger-item-photo-count')).toHaveText('1 张');
	const shown = page.getByTestId('ledger-item-photos').getByTestId('photo-item');
	await expect(shown).toHaveCount(1);
	await expect(shown).toHaveAttribute('data-upload', 'uploaded', { timeout: 60_000 });
});

test('a station’s item in the center manager’s hands shows its photo count, and says its photos are the station’s', async ({
	page
}) => {
	await signIn(page, 'manager@demo.hall');
	await page.goto(`/reports/ledger?hall=${STATION}&month=2025-04`);
	await expect(page.getByTestId('ledger-open')).toBeVisible();
	await addItem(page, '-1', '窗口服务态度投诉（电话）');
	await expect(page.getByTestId('ledger-item-photo-count')).toHaveText('0 张');
	await expect(page.getByTestId('ledger-item-photos-other-hall')).toHaveText(
		lzh['ledger.itemPhotosOtherHall']
	);
	await expect(page.getByTestId('ledger-item-photos')).toHaveCount(0);
	await expect(page.getByTestId('photo-field')).toHaveCount(0);
});

test('a photo taken offline while the month is closed meanwhile is refused, and the sync panel says why in Chinese', async ({
	page,
	context
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'manager@demo.hall');
	await page.goto(`/reports/ledger?hall=${CENTER}&month=2025-05`);
	await expect(page.getByTestId('ledger-open')).toBeVisible();
	await addItem(page, '-2', '群众来信投诉（纸质）');
	await waitUntilSynced(page);

	await context.setOffline(true);
	const photos = page.getByTestId('ledger-item-photos');
	await photos.getByTestId('photo-gallery-input').setInputFiles({
		name: '来信.jpg',
		mimeType: 'image/jpeg',
		buffer: await cameraJpeg(page)
	});
	await photos.getByTestId('ledger-item-photos-save').click();
	await expect(page.getByTestId('ledger-item-photos-message')).toHaveText(lzh['ledger.itemPhotosSaved']);

	// Another manager closes the month (here, straight in the database) before this phone is back online.
	const db = new pg.Pool({ connectionString: (await readStackInfo()).databaseUrl, max: 1 });
	try {
		await db.query(
			`insert into app.ledger_months (hall_id, month, snapshot, closed_by)
			 select $1::uuid, '2025-05-01', app.ledger_live($1::uuid, '2025-05-01'), s.id
			 from app.staff s where s.hall_id = $1::uuid and s.post = 'manager' and s.display_name = '高峰'`,
			[CENTER]
		);
	} finally {
		await db.end();
	}
	await context.setOffline(false);
	await page.getByTestId('sync-status').click();
	const refused = page.getByTestId('sync-rejected');
	await expect(refused).toHaveAttribute('data-code', 'conflict', { timeout: 60_000 });
	await expect(refused).toContainText(zh['sync.op.photo.attach']);
	await expect(refused).toContainText(zh['sync.rejection.conflict']);
});
