/**
 * Renders the app icons from one SVG drawing with headless Chromium and writes them to static/.
 * Run after changing the drawing: `npx tsx scripts/make-icons.ts`; the PNGs are committed, so builds need
 * no browser.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../tests/e2e/chromium';

const STATIC_DIR = join(import.meta.dirname, '..', 'static');
const BRAND = '#b71c1c';

/**
 * A service window: a framed opening with a staff member behind a counter.
 * `fullBleed` fills the square for maskable and Apple icons (the platform rounds them itself), and shrinks
 * the drawing into the central safe zone that maskable masks never cut.
 */
function iconSvg(size: number, fullBleed: boolean): string {
	const radius = fullBleed ? 0 : 104;
	const scale = fullBleed ? 0.78 : 1;
	const offset = (512 - 512 * scale) / 2;
	return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 512 512">
	<rect width="512" height="512" rx="${radius}" fill="${BRAND}"/>
	<g transform="translate(${offset} ${offset}) scale(${scale})" fill="#fff">
		<rect x="120" y="96" width="272" height="236" rx="28" fill="none" stroke="#fff" stroke-width="30"/>
		<circle cx="256" cy="190" r="44"/>
		<path d="M178 318a78 78 0 0 1 156 0z"/>
		<rect x="80" y="338" width="352" height="44" rx="14"/>
		<rect x="150" y="382" width="36" height="56" rx="8"/>
		<rect x="326" y="382" width="36" height="56" rx="8"/>
	</g>
</svg>`;
}

const OUTPUTS: ReadonlyArray<{ file: string; size: number; fullBleed: boolean }> = [
	{ file: 'icons/icon-192.png', size: 192, fullBleed: false },
	{ file: 'icons/icon-512.png', size: 512, fullBleed: false },
	{ file: 'icons/icon-512-maskable.png', size: 512, fullBleed: true },
	{ file: 'apple-touch-icon.png', size: 180, fullBleed: true },
	{ file: 'favicon.png', size: 48, fullBleed: false }
];

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	const page = await browser.newPage();
	for (const { file, size, fullBleed } of OUTPUTS) {
		await page.setViewportSize({ width: size, height: size });
		await page.setContent(`<body style="margin:0">${iconSvg(size, fullBleed)}</body>`);
		await page.locator('svg').screenshot({ path: join(STATIC_DIR, file), omitBackground: true });
		console.log(`wrote static/${file}`);
	}
	await writeFile(join(STATIC_DIR, 'favicon.svg'), iconSvg(32, false) + '\n');
	console.log('wrote static/favicon.svg');
} finally {
	await browser.close();
}
