import { expect, test } from '@playwright/test';
import { signIn, waitForServiceWorkerControl, zh } from './fixtures';

// The full offline behaviour is the next issue; this keeps the shell honest: once the service worker controls
// the app, a reload without network still opens it, and a signed-in user still sees who they are.

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
