import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, test, waitForServiceWorkerControl, zh } from './fixtures';

const SERVICE_WORKER = join(import.meta.dirname, '..', '..', 'build', 'sw.js');

// A new deployment must not reload a page someone is working in (DECISIONS §2.13): the new service worker waits,
// the app offers "更新", and only that tap hands over. Changing the served sw.js is what a deployment does;
// the browser fetches the worker script itself, so it cannot be faked with page.route. The change is a
// comment, so other tests running meanwhile get a worker that behaves the same.
test('a new version waits for the user to tap update', async ({ page }) => {
	// A returning user: the page is controlled by the installed worker (the first visit only installs it).
	await page.goto('/login');
	await waitForServiceWorkerControl(page);
	await page.getByLabel(zh['login.email']).fill('typed before the update');

	const original = await readFile(SERVICE_WORKER, 'utf8');
	try {
		await writeFile(SERVICE_WORKER, `${original}\n// next deployment ${Date.now()}\n`);
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())?.update();
		});

		const prompt = page.getByTestId('update-prompt');
		await expect(prompt).toContainText(zh['pwa.updateAvailable']);
		// Nothing was reloaded behind the user's back.
		await expect(page.getByLabel(zh['login.email'])).toHaveValue('typed before the update');

		const reloaded = page.waitForEvent('load');
		await prompt.getByRole('button', { name: zh['pwa.update'] }).click();
		await reloaded;
		await expect(prompt).toBeHidden();
	} finally {
		await writeFile(SERVICE_WORKER, original);
	}
});
