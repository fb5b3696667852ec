import { expect, fillSignIn, test, zh } from './fixtures';

test.beforeEach(async ({ page }) => {
	await page.goto('/login');
});

test('empty fields get field messages and nothing is sent', async ({ page }) => {
	let authRequests = 0;
	page.on('request', (request) => {
		if (request.url().includes('/auth/v1/')) authRequests += 1;
	});
	await page.getByTestId('login-submit').click();
	await expect(page.getByText(zh['login.emailRequired'])).toBeVisible();
	await expect(page.getByText(zh['login.passwordRequired'])).toBeVisible();
	await expect(page.getByLabel(zh['login.email'])).toBeFocused();
	await expect(page.getByLabel(zh['login.email'])).toHaveAttribute('aria-invalid', 'true');
	expect(authRequests).toBe(0);
});

test('a wrong password shows the Chinese error and keeps what was typed', async ({ page }) => {
	await fillSignIn(page, 'intake@demo.hall', 'wrong-password');
	await expect(page.getByTestId('login-error')).toHaveText(zh['login.invalidCredentials']);
	await expect(page.getByRole('alert')).toHaveText(zh['login.invalidCredentials']);
	await expect(page.getByLabel(zh['login.email'])).toHaveValue('intake@demo.hall');
	await expect(page.getByLabel(zh['login.password'], { exact: true })).toHaveValue('wrong-password');
	await expect(page).toHaveURL(/\/login$/);
});

test('an unreachable server shows the network error and keeps what was typed', async ({ page }) => {
	await page.route('**/auth/v1/token**', (route) => route.abort('connectionrefused'));
	await fillSignIn(page, 'assist@demo.hall', 'demo1234');
	await expect(page.getByTestId('login-error')).toHaveText(zh['login.network']);
	await expect(page.getByLabel(zh['login.email'])).toHaveValue('assist@demo.hall');
	await expect(page.getByLabel(zh['login.password'], { exact: true })).toHaveValue('demo1234');
});

test('too many attempts (the server’s rate limit) says to wait, and keeps what was typed', async ({
	page
}) => {
	// What GoTrue, and the local gateway, answer past the sign-in rate limit.
	await page.route('**/auth/v1/token**', (route) =>
		route.fulfill({
			status: 429,
			contentType: 'application/json',
			body: JSON.stringify({ code: 'over_request_rate_limit', msg: 'Request rate limit reached' })
		})
	);
	await fillSignIn(page, 'assist@demo.hall', 'demo1234');
	await expect(page.getByTestId('login-error')).toHaveText(zh['login.rateLimited']);
	await expect(page.getByLabel(zh['login.password'], { exact: true })).toHaveValue('demo1234');
});

test('the error message does not move the submit button', async ({ page }) => {
	const button = page.getByTestId('login-submit');
	const before = await button.boundingBox();
	await fillSignIn(page, 'intake@demo.hall', 'wrong-password');
	await expect(page.getByTestId('login-error')).toBeVisible();
	expect(await button.boundingBox()).toEqual(before);
});

test('the form is usable one-handed on a 360 px phone', async ({ page }) => {
	await page.setViewportSize({ width: 360, height: 640 });
	for (const target of [
		page.getByLabel(zh['login.email']),
		page.getByLabel(zh['login.password'], { exact: true }),
		page.getByTestId('login-submit')
	]) {
		const box = await target.boundingBox();
		expect(box?.height ?? 0).toBeGreaterThanOrEqual(44);
		expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 360).toBe(true);
	}
	await expect(page.getByLabel(zh['login.email'])).toHaveAttribute('autocomplete', 'username');
	await expect(page.getByLabel(zh['login.password'], { exact: true })).toHaveAttribute(
		'autocomplete',
		'current-password'
	);
});

test('the language switch changes the texts and <html lang>', async ({ page }) => {
	await page.getByTestId('language-switch').click();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { name: 'Staff sign-in' })).toBeVisible();
	await page.reload();
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await page.getByTestId('language-switch').click();
	await expect(page.getByRole('heading', { name: zh['login.heading'] })).toBeVisible();
});
