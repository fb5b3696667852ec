import {
	devices,
	expect,
	test as base,
	type Browser,
	type BrowserContext,
	type Page,
	type Response
} from '@playwright/test';
import { AccessibilityCheck } from './support/a11y/accessibility-check';
import { describeFinding } from './support/a11y/findings';
import { ScreenReplay } from './support/a11y/replay';
import { launchWithCamera } from './support/fake-camera';
import { zh } from './support/messages';
import { PageProblems } from './support/page-problems';

export { expect, type Browser, type BrowserContext, type Page, type Response };

interface WorkerFixtures {
	/** Where the accessibility check scans the screens it captured: blank pages of the app's origin, own browser. */
	screenReplay: ScreenReplay;
}

interface Fixtures {
	/** Records uncaught errors and console errors in every page of the test; the test fails if there were any. */
	pageProblems: PageProblems;
	/** axe on every screen the test shows, phone and desktop (support/a11y); serious findings fail the test. */
	a11y: AccessibilityCheck;
	/** A browser with a fake camera (see support/fake-camera.ts), watched like the others and closed after the test. */
	launchCamera: (options: Parameters<typeof launchWithCamera>[0]) => Promise<Browser>;
}

/**
 * The `test` every spec uses (ESLint forbids importing it from @playwright/test in a spec): an uncaught error in
 * any page of the test fails the test, even when everything the test looks at went right.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
	screenReplay: [
		// Playwright reads a fixture's dependencies from this pattern; this one has none.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const replay = await ScreenReplay.open();
			await use(replay);
			await replay.close();
		},
		{ scope: 'worker', timeout: 60_000 }
	],
	pageProblems: [
		async ({ browser, context }, use) => {
			const problems = new PageProblems();
			problems.watchContext(context);
			problems.watchBrowser(browser);
			await use(problems);
			problems.detach();
			expect(problems.problems, 'errors in the pages during the test').toEqual([]);
		},
		{ auto: true }
	],
	a11y: [
		async ({ browser, context, screenReplay }, use, testInfo) => {
			const check = new AccessibilityCheck(testInfo, screenReplay);
			check.watchContext(context);
			check.watchBrowser(browser);
			await use(check);
			await check.scanNow();
			check.detach();
			expect(check.failing().map(describeFinding), 'serious or critical accessibility findings').toEqual([]);
		},
		// Scanning after the test takes time of its own, not the test's.
		{ auto: true, timeout: 120_000 }
	],
	launchCamera: async ({ pageProblems, a11y }, use) => {
		const launched: Browser[] = [];
		await use(async (options) => {
			const browser = await launchWithCamera(options);
			launched.push(browser);
			pageProblems.watchBrowser(browser);
			a11y.watchBrowser(browser);
			return browser;
		});
		// Its pages close with it: their last screens are looked at first.
		await a11y.lookAtOpenPages();
		await Promise.all(launched.map((browser) => browser.close()));
	}
});

/** Same phone, language and zone as the project's default context, in a browser a test launched itself. */
export function phoneContext(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
	return browser.newContext({
		...devices['Pixel 7'],
		baseURL,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai'
	});
}

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

export { zh };

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
