import { devices, type Browser, type BrowserContext } from '@playwright/test';

/**
 * A phone as the benches measure one: Playwright's Pixel 7 profile, in Chinese, on the hall's clock. The app's
 * URL is passed in because each bench chooses its own ports before the ports module is first read.
 */
export function phoneContext(browser: Browser, appUrl: string): Promise<BrowserContext> {
	return browser.newContext({
		...devices['Pixel 7'],
		baseURL: appUrl,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai'
	});
}
