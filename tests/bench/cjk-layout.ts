/**
 * What laying out Chinese text costs this machine's Chromium the first time, per font variant. A host without a
 * CJK font (this one, CI's) makes Chromium search its installed fonts for the glyphs once for each size and weight
 * that shows Chinese text, and the home's first render shows several: that search is most of its layout here,
 * and so of the first render Lighthouse counts as blocking (docs/ARCHITECTURE.md, "First load"). A phone has its
 * CJK system font and does not pay it. Each case runs in a fresh browser, three times; Latin text for comparison.
 * Standalone: `npx tsx tests/bench/cjk-layout.ts`. Never pass/fail.
 */
import { chromium } from '@playwright/test';
import { chromiumPath } from '../e2e/chromium';

/** The app's font stack (src/app.css, --font-sans). */
const FONT_STACK =
	"system-ui, -apple-system, 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', " +
	"'Source Han Sans SC', sans-serif";
const CHINESE = '综窗助手预审告知巡查走访';
const LATIN = 'Hall Assist pre-check';
const SIZES = ['16px', '18px', '20px', '24px', '14px', '12px'];

/** The first layout of `text` in `variants` font sizes (weight 400 and 700 alternating), in ms. */
async function firstLayout(text: string, variants: number): Promise<number> {
	const browser = await chromium.launch({ executablePath: chromiumPath() });
	try {
		const page = await browser.newPage();
		await page.setContent(
			`<html lang="zh-CN"><body style="font-family: ${FONT_STACK}"><p>x</p><div id="t"></div></body></html>`
		);
		return await page.evaluate(
			([shown, sizes]) => {
				const target = document.getElementById('t');
				if (!target) throw new Error('no target');
				void document.body.offsetHeight;
				const start = performance.now();
				sizes.forEach((size, index) => {
					const span = document.createElement('span');
					span.style.fontSize = size;
					span.style.fontWeight = index % 2 ? '700' : '400';
					span.textContent = shown;
					target.append(span);
				});
				void target.offsetHeight;
				return performance.now() - start;
			},
			[text, SIZES.slice(0, variants)] as const
		);
	} finally {
		await browser.close();
	}
}

console.log('First layout of a text in N font variants (size × weight), fresh browser each, 3 runs:');
for (const [label, text] of [
	['Chinese', CHINESE],
	['Latin', LATIN]
] as const) {
	for (const variants of [1, 2, 6]) {
		const runs: number[] = [];
		for (let run = 0; run < 3; run++) runs.push(await firstLayout(text, variants));
		console.log(
			`  ${label.padEnd(8)} ${variants} variant(s): ${runs.map((ms) => ms.toFixed(1)).join(', ')} ms`
		);
	}
}
