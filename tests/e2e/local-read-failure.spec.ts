import { expect, signIn, test } from './fixtures';
import { zh } from './support/messages';

// A read of the device's database that fails (a query's fault, the database itself open): the staff screen says
// so and offers a reload, where each list would otherwise show "loading" for ever.

test('a failing read of the device’s data is said once, with a way out', async ({ page, pageProblems }) => {
	// Each of the device's live reads says it failed: the screen's and the sync status's own.
	pageProblems.expectConsoleError(/^(local read|photo uploads query|sync status query) failed/);
	await signIn(page, 'intake@demo.hall');
	await expect(page.getByTestId('local-read-failed')).toHaveCount(0);
	// From here on every index read of IndexedDB fails, as a broken query would.
	await page.evaluate(() => {
		const fail = (): never => {
			throw new DOMException('The data provided does not meet requirements.', 'DataError');
		};
		IDBIndex.prototype.getAll = fail;
		IDBIndex.prototype.openCursor = fail;
		IDBIndex.prototype.count = fail;
	});
	await page.getByTestId('tickets-entry').click();
	const alert = page.getByTestId('local-read-failed');
	await expect(alert).toContainText(zh['error.localRead']);
	await expect(alert.getByRole('button', { name: zh['error.reload'] })).toBeVisible();
});
