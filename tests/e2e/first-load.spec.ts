import { expect, test, zh, type Page, type Response } from './fixtures';
import { packsZh, shellZh } from './support/messages';

// What the sign-in page loads before anyone uses it: the form and nothing else. Supabase Auth (and with it the
// session, RPC client and zod) follows the first focus on the form. Timings are the bench's business
// (tests/bench/bundle-size.ts, lighthouse.ts); this holds the split itself.

/** A string only Supabase Auth's code carries: its password sign-in request. */
const AUTH_MARKER = 'grant_type=password';

function watchScripts(page: Page): () => Promise<boolean> {
	const scripts: Response[] = [];
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
	});
	return async () => {
		const texts = await Promise.all(scripts.map((script) => script.text()));
		return texts.some((text) => text.includes(AUTH_MARKER));
	};
}

test('the sign-in page loads Supabase Auth only once the form is used, and signing in still works', async ({
	page
}) => {
	const authLoaded = watchScripts(page);
	await page.goto('/login');
	await page.getByTestId('login-form').waitFor();
	await page.waitForLoadState('networkidle');
	expect(await authLoaded()).toBe(false);

	await page.getByLabel(zh['login.email']).focus();
	await expect.poll(authLoaded).toBe(true);
	await page.getByLabel(zh['login.email']).fill('intake@demo.hall');
	await page.getByLabel(zh['login.password'], { exact: true }).fill('demo1234');
	await page.getByTestId('login-submit').click();
	await expect(page.getByTestId('profile-name')).toBeVisible();
});

test('the app shell carries no workflow screen texts: the catalog and pre-check words load with their screens', async ({
	page
}) => {
	const scripts: Response[] = [];
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
	});
	// The sign-in page loads the shell and its own node only, so whatever the shell holds shows up here.
	await page.goto('/login');
	await page.getByTestId('login-form').waitFor();
	await page.waitForLoadState('networkidle');
	const loaded = (await Promise.all(scripts.map((script) => script.text()))).join('\n');

	// Long enough to be one message's own words, and not words the shell itself also says.
	const shellTexts = Object.values(shellZh);
	const packTexts = Object.values(packsZh).filter(
		(text) => text.length >= 12 && !shellTexts.some((shellText) => shellText.includes(text))
	);
	expect(packTexts.length).toBeGreaterThan(100);
	expect(packTexts.filter((text) => loaded.includes(text))).toEqual([]);
	// The shell's own words are there, which shows the check reads the right files.
	expect(loaded).toContain(shellZh['login.invalidCredentials']);
});
