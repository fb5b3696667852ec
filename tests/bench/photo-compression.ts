/**
 * Compressing a 12-megapixel photo on the device (src/lib/features/photos/compress-core.ts) in Chromium,
 * unthrottled and with its CPU throttled 4× (a mid-range phone): time and output size, median of 3 runs each. The
 * photo is drawn in the page (gradients, shapes, grain), as tests/e2e/photo-compression.spec.ts does.
 */
import { availableParallelism, loadavg } from 'node:os';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';
import { installPhotoTools } from '../support/photo-compression';
import { median } from './support/median';

const RUNS = 3;
const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
console.log(
	`Photo compression, 12 MP (4000×3000) → long side 1600 px; load average ${loadavg()[0]?.toFixed(1)} on ${availableParallelism()} cores`
);
try {
	for (const rate of [1, 4]) {
		const page = await browser.newPage();
		await installPhotoTools(page);
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate });
		const { inputBytes, runs } = await page.evaluate(
			async ({ runs }) => {
				const tools = window as unknown as {
					photoCompression: typeof import('../../src/lib/features/photos/compress-core');
					makePhoto: typeof import('../support/photo-compression').makePhotoInPage;
				};
				const input = await tools.makePhoto({ width: 4000, height: 3000, detailed: true });
				const blob = new Blob([input], { type: 'image/jpeg' });
				const results: { ms: number; bytes: number }[] = [];
				for (let run = 0; run < runs; run++) {
					const started = performance.now();
					const photo = await tools.photoCompression.compressImage(blob);
					results.push({ ms: performance.now() - started, bytes: photo.blob.size });
				}
				return { inputBytes: input.length, runs: results };
			},
			{ runs: RUNS }
		);
		const ms = median(runs.map((run) => run.ms));
		console.log(
			`  Chromium CPU ${rate}×: ${ms.toFixed(0)} ms (runs: ${runs.map((run) => run.ms.toFixed(0)).join(', ')}), ` +
				`${(inputBytes / 1024).toFixed(0)} kB in → ${(runs[0]!.bytes / 1024).toFixed(0)} kB out`
		);
		await page.close();
	}
} finally {
	await browser.close();
}
