import { DEMO_STAFF, expect, signIn, test, zh } from './fixtures';

test.describe('signed-in home shows who and where the user is', () => {
	for (const staff of DEMO_STAFF) {
		test(`${staff.email}: ${staff.name}, ${staff.postName}, ${staff.hall}`, async ({ page }) => {
			await signIn(page, staff.email);
			await expect(page.getByTestId('profile-name')).toHaveText(staff.name);
			await expect(page.getByTestId('profile-post')).toHaveText(staff.postName);
			await expect(page.getByTestId('profile-post')).toHaveAttribute('data-post', staff.post);
			await expect(page.getByTestId('profile-hall')).toHaveText(staff.hall);
			await expect(page.getByRole('heading', { level: 1 })).toContainText(staff.name);
		});
	}
});

test('the session survives a reload', async ({ page }) => {
	await signIn(page, 'intake@demo.hall');
	await page.reload();
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByTestId('profile-name')).toHaveText('李娜');
});

test('a signed-in user skips the sign-in page', async ({ page }) => {
	await signIn(page, 'delivery@demo.hall');
	await page.goto('/login');
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByTestId('profile-name')).toHaveText('王磊');
});

test('signing out returns to the sign-in page and stays signed out', async ({ page }) => {
	await signIn(page, 'manager@demo.hall');
	await page.getByRole('button', { name: zh['home.signOut'] }).click();
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.getByRole('heading', { name: zh['login.heading'] })).toBeVisible();
	await page.goto('/');
	await expect(page).toHaveURL(/\/login$/);
	await page.reload();
	await expect(page).toHaveURL(/\/login$/);
});

test('signed-out visitors of a staff page land on the sign-in page', async ({ page }) => {
	await page.goto('/');
	await expect(page).toHaveURL(/\/login$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
});
