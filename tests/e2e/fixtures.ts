import { expect, type Page } from '@playwright/test';
import { zhCN } from '../../src/lib/i18n/zh-CN';

/** The documented demo logins and what supabase/seed.sql says about them. */
export const DEMO_PASSWORD = 'demo1234';

const CENTER = '天津市河北区政务服务中心';
const STATION = '河北区望海楼街便民服务中心';

export const DEMO_STAFF = [
	{ email: 'intake@demo.hall', name: '李娜', post: 'intake', postName: '综合接件岗', hall: CENTER },
	{ email: 'delivery@demo.hall', name: '王磊', post: 'delivery', postName: '综合出件岗', hall: CENTER },
	{ email: 'assist@demo.hall', name: '张敏', post: 'assist', postName: '咨询帮办岗', hall: CENTER },
	{ email: 'manager@demo.hall', name: '刘洋', post: 'manager', postName: '管理岗', hall: CENTER },
	{ email: 'assist@station.demo.hall', name: '陈静', post: 'assist', postName: '咨询帮办岗', hall: STATION }
] as const;

/** The Chinese catalog: tests assert on what users read, from the one place the text is defined. */
export const zh = zhCN;

export async function fillSignIn(page: Page, email: string, password: string): Promise<void> {
	await page.getByLabel(zh['login.email']).fill(email);
	await page.getByLabel(zh['login.password'], { exact: true }).fill(password);
	await page.getByTestId('login-submit').click();
}

export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
	await page.goto('/login');
	await fillSignIn(page, email, password);
	await expect(page).toHaveURL(/\/$/);
	await expect(page.getByTestId('profile-name')).toBeVisible();
}

/** Waits until the installed service worker controls the page, as for a returning user (a first visit only
 * installs it). */
export async function waitForServiceWorkerControl(page: Page): Promise<void> {
	await page.evaluate(() => navigator.serviceWorker.ready);
	if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) await page.reload();
	await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
}
