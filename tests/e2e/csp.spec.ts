import { hallDate } from '../../src/lib/domain/hall-time';
import { expect, phoneContext, signIn, test, waitForServiceWorkerControl, type Page } from './fixtures';
import { E2E_GATEWAY_URL } from './ports';
import { writeQrVideo } from './support/fake-camera';
import { policyOf } from './support/page-policy';

// The app is static and any host may serve it, so its Content-Security-Policy ships inside the HTML (a meta tag
// with hashes of SvelteKit's inline scripts). It must not get in the way of anything the app does.

test('every page of the app carries a policy that allows only itself and its Supabase', async ({
	request
}) => {
	for (const path of ['/', '/login', '/tickets/scan', '/some/deep/link']) {
		const policy = policyOf(await (await request.get(path)).text());
		expect(policy.get('default-src'), path).toEqual(["'self'"]);
		expect(policy.get('connect-src'), path).toEqual(["'self'", E2E_GATEWAY_URL]);
		expect(policy.get('img-src'), path).toEqual(["'self'", 'data:', 'blob:', E2E_GATEWAY_URL]);
		expect(policy.get('worker-src'), path).toEqual(["'self'", 'blob:']);
		expect(policy.get('object-src'), path).toEqual(["'none'"]);
		expect(policy.get('base-uri'), path).toEqual(["'self'"]);
		expect(policy.get('script-src'), path).toContain("'self'");
		expect(
			policy.get('script-src')?.some((source) => source.startsWith("'sha256-")),
			path
		).toBe(true);
	}
});

test('the static server refuses framing by other sites, which only a header can do', async ({ request }) => {
	const response = await request.get('/login');
	expect(response.headers()['content-security-policy']).toBe("frame-ancestors 'none'");
	expect(response.headers()['x-frame-options']).toBe('DENY');
});

/** Collects what the browser refuses under the policy: violation events and the console errors it logs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
	const console: string[] = [];
	page.on('console', (message) => {
		if (/content security policy/i.test(message.text())) console.push(message.text());
	});
	await page.addInitScript(() => {
		const seen: string[] = [];
		(window as unknown as { cspViolations: string[] }).cspViolations = seen;
		document.addEventListener('securitypolicyviolation', (event) =>
			seen.push(`${event.effectiveDirective} blocked ${event.blockedURI || 'inline'}`)
		);
	});
	return async () => [
		...console,
		...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations))
	];
}

test('sign-in, home, the service worker and the camera scan work with no policy violation', async ({
	baseURL,
	launchCamera
}) => {
	// A browser of its own with a fake camera, a service worker to install and a scan: more than the default.
	test.setTimeout(90_000);
	const video = await writeQrVideo(`https://queue.hebei.tj.gov.cn/t?ticket=C314&date=${hallDate()}`);
	const camera = await launchCamera({ video, grantPermission: true });
	{
		const page = await (await phoneContext(camera, baseURL)).newPage();
		const violations = await recordViolations(page);
		await signIn(page, 'assist@demo.hall');
		await waitForServiceWorkerControl(page);
		expect(await violations()).toEqual([]);

		await page.getByTestId('tickets-entry').click();
		await page.getByTestId('scan-button').click();
		await expect(page.getByTestId('record-ticket')).toHaveText('C314');
		expect(await violations()).toEqual([]);
	}
});
