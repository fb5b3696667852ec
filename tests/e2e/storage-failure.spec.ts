import { expect, signIn, test } from './fixtures';
import { zh } from './support/messages';

// A browser that cannot open the app's database (private browsing, storage full, blocked by another tab): the
// staff member is told so on the sync status, in words that say what to do, instead of a sync that silently
// never starts.

test('a device whose database cannot be opened says so on the sync status', async ({ page }) => {
	await page.addInitScript(() => {
		IDBFactory.prototype.open = function open(): IDBOpenDBRequest {
			throw new DOMException(
				'A mutation operation was attempted on a database that did not allow mutations.',
				'InvalidStateError'
			);
		};
	});
	await signIn(page, 'intake@demo.hall');
	const status = page.getByTestId('sync-status');
	await expect(status).toContainText(zh['sync.statusStorage']);
	await status.click();
	await expect(page.getByTestId('sync-storage-failed')).toHaveText(zh['sync.storageFailed']);
	await expect(page.getByRole('button', { name: zh['sync.reload'] })).toBeVisible();
});
