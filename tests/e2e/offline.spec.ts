import { expect, signIn, test, waitForServiceWorkerControl, zh } from './fixtures';
import { holdRequests } from './support/held-requests';

// Once the service worker controls the app, a reload without network still opens it, and a signed-in user still
// sees who they are, even when the access token expired while the device was offline.

test('the sign-in page opens offline after the first visit', async ({ page, context }) => {
	await page.goto('/login');
	await waitForServiceWorkerControl(page);
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByRole('heading', { name: zh['login.heading'] })).toBeVisible();
});

test('offline, a signed-in user still sees their last known profile', async ({ page, context }) => {
	await signIn(page, 'assist@demo.hall');
	await waitForServiceWorkerControl(page);
	await expect(page.getByTestId('profile-name')).toHaveText('张敏');
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('profile-cached')).toHaveText(zh['home.cached']);
	await expect(page.getByTestId('profile-name')).toHaveText('张敏');
	await expect(page.getByTestId('profile-hall')).toHaveText('天津市河北区政务服务中心');
});

test('a returning staff member’s home shows at once from the device, before the server has answered', async ({
	page
}) => {
	await signIn(page, 'delivery@demo.hall');
	// The server is slow to answer anything: the screen must not wait for it.
	const releaseAuth = await holdRequests(page, '**/auth/v1/**');
	const releaseMe = await holdRequests(page, '**/rest/v1/rpc/me');
	await page.reload();
	await expect(page.getByTestId('profile-name')).toHaveText('王磊');
	await expect(page.getByTestId('tickets-entry')).toBeVisible();
	// Not marked as offline: it is only waiting.
	await expect(page.getByTestId('profile-cached')).toHaveCount(0);
	releaseAuth();
	releaseMe();
	await page.unrouteAll({ behavior: 'wait' });
});

test('offline with an expired access token, a reload keeps the user signed in; online again, it refreshes', async ({
	page,
	context
}) => {
	await signIn(page, 'assist@demo.hall');
	await waitForServiceWorkerControl(page);
	await expect(page.getByTestId('profile-name')).toHaveText('张敏');
	// An hour or more without network: the stored access token has expired (supabase-js judges by expires_at).
	await page.evaluate(() => {
		const key = 'hall-assist.auth';
		const session = JSON.parse(localStorage.getItem(key) ?? '{}') as Record<string, unknown>;
		localStorage.setItem(key, JSON.stringify({ ...session, expires_at: Math.floor(Date.now() / 1000) - 60 }));
	});
	await context.setOffline(true);
	await page.reload();
	await expect(page.getByTestId('profile-cached')).toHaveText(zh['home.cached']);
	await expect(page.getByTestId('profile-name')).toHaveText('张敏');
	await expect(page).not.toHaveURL(/\/login/);

	await context.setOffline(false);
	await page.reload();
	await expect(page.getByTestId('profile-name')).toHaveText('张敏');
	await expect(page.getByTestId('profile-cached')).toHaveCount(0);
	// The stored access token was still good to the server (only its expires_at was aged), so the profile may
	// refresh before Supabase Auth has stored the refreshed session: wait for that, rather than race it.
	await expect
		.poll(() =>
			page.evaluate(
				() =>
					(JSON.parse(localStorage.getItem('hall-assist.auth') ?? '{}') as { expires_at?: number })
						.expires_at ?? 0
			)
		)
		.toBeGreaterThan(Date.now() / 1000);
});

test('a new device never says 已同步 before it has the hall’s data, nor while the server fails', async ({
	page
}) => {
	// The first pull is held, then fails: the header must not claim the device is up to date meanwhile.
	let failing = true;
	const release = await holdRequests(page, '**/rest/v1/rpc/sync_pull', (route) =>
		failing ? route.fulfill({ status: 503, body: 'maintenance' }) : route.continue()
	);
	await signIn(page, 'assist@demo.hall');
	const status = page.getByTestId('sync-status');
	await expect(status).toHaveText(new RegExp(`${zh['sync.neverSynced']}|${zh['sync.statusSyncing']}`));
	release();
	await expect(status).toHaveText(zh['sync.statusRetrying']);
	failing = false;
	await status.click();
	await page.getByRole('button', { name: zh['sync.syncNow'] }).click();
	await expect(status).toHaveText(zh['sync.statusSynced'], { timeout: 30_000 });
});
