import { expect, test, type Response } from './fixtures';

// The build writes .br/.gz copies (adapter-static's precompress) and the static server negotiates them; this
// checks the two together on the real build, as a phone fetches it. The rules themselves are unit-tested in
// tests/unit/static-server.test.ts.
test('the built app reaches the browser precompressed: shell and every script over 1 kB in brotli', async ({
	page,
	request
}) => {
	const shell = await request.get('/login', { headers: { 'accept-encoding': 'gzip, deflate, br' } });
	expect(shell.headers()['content-encoding']).toBe('br');
	expect(shell.headers()['vary']).toBe('Accept-Encoding');
	const gzipOnly = await request.get('/login', { headers: { 'accept-encoding': 'gzip' } });
	expect(gzipOnly.headers()['content-encoding']).toBe('gzip');

	const scripts: Response[] = [];
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.endsWith('.js')) scripts.push(response);
	});
	await page.goto('/login');
	await page.getByTestId('login-form').waitFor();
	expect(scripts.length).toBeGreaterThan(0);
	for (const script of scripts) {
		// A few tiny chunks grow when compressed; the server rightly sends those as they are.
		if ((await script.body()).length < 1024) continue;
		expect(script.headers()['content-encoding'], script.url()).toBe('br');
	}
});
