import { accessSync, constants } from 'node:fs';

/**
 * Debian's Chromium: `npx playwright install` cannot download browsers on our machines (DECISIONS §7).
 * Missing browser is an error with the fix, never a silent skip, so a green run always means "tested".
 */
export function chromiumPath(): string {
	const candidate = process.env['CHROMIUM_PATH'] || '/usr/bin/chromium';
	try {
		accessSync(candidate, constants.X_OK);
		return candidate;
	} catch {
		throw new Error(
			`Chromium not found at ${candidate}. Install it with: sudo apt-get install -y chromium ` +
				`(or set CHROMIUM_PATH to an existing Chromium or Chrome executable).`
		);
	}
}

/** Quiet, headless-friendly flags: no sandbox (we run as root in containers), no background traffic. */
export const CHROMIUM_ARGS = [
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];
