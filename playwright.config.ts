import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from './tests/e2e/chromium';
import { E2E_APP_URL } from './tests/e2e/ports';

export default defineConfig({
	testDir: 'tests/e2e',
	outputDir: 'test-results',
	// One shared stack and two shared cores: a little parallelism, each test with its own browser context.
	workers: 2,
	fullyParallel: true,
	forbidOnly: !!process.env['CI'],
	retries: 0,
	// A fault that fails every test (a broken build, a stack that does not answer) stops the run after a few, in
	// minutes, instead of each test waiting out its timeout: a hundred of those once outlasted CI's time limit.
	maxFailures: 10,
	// Signing in, the first sync and a service worker on a shared 2-core machine: a budget per test, not a goal.
	timeout: 60_000,
	expect: { timeout: 10_000 },
	reporter: [['list']],
	use: {
		baseURL: E2E_APP_URL,
		locale: 'zh-CN',
		timezoneId: 'Asia/Shanghai',
		// Off by default: recording every test's trace costs CPU that a 2-core CI run does not have, and CI keeps
		// only the printed log. To debug a failure: `npx playwright test <spec> --trace retain-on-failure`.
		trace: 'off'
	},
	projects: [
		{
			name: 'phone',
			use: {
				...devices['Pixel 7'],
				// Debian's Chromium, never Playwright's download (DECISIONS §7); throws with the fix when absent.
				launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_ARGS }
			}
		}
	],
	webServer: {
		// Our own process, not npx: Playwright then waits for it to stop the stack and delete its data.
		command: 'node --import tsx tests/e2e/serve.ts',
		url: `${E2E_APP_URL}/login`,
		// Building and starting Postgres take a while on a shared 2-core machine.
		timeout: 240_000,
		// A fresh seeded stack each run: never test against whatever happens to listen on the port.
		reuseExistingServer: false,
		stdout: 'pipe',
		gracefulShutdown: { signal: 'SIGTERM', timeout: 15_000 }
	}
});
