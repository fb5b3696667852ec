/**
 * Finding an enterprise must keep up with typing (docs/VISITS.md, "Screens → /enterprises"): the time of one
 * keystroke's search (src/lib/features/enterprises/search.ts, as the list screen calls it) over 5,000 enterprises,
 * for a name typed in Chinese, its pinyin initials, its full pinyin and a credit-code prefix, typed a character at
 * a time, in Node and in Chromium unthrottled and with its CPU throttled 4× (a mid-range phone). Goal: p95 ≤ 16 ms
 * unthrottled, one frame. Working out every name's pinyin once (prepareSearch, in slices that yield, when the list
 * arrives) is reported apart: its total time and its longest slice. Printed, never failed.
 */
import { availableParallelism, loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { chromium } from '@playwright/test';
import { build } from 'esbuild';
import type { EnterpriseListEntry } from '../../src/lib/local/enterprises/queries';
import { validCode } from '../../src/lib/features/enterprises/import/test-files';
import { CHROMIUM_ARGS, chromiumPath } from '../e2e/chromium';

const ENTERPRISES = 5_000;
const ROUNDS = 5;
const SRC_LIB = fileURLToPath(new URL('../../src/lib', import.meta.url));

/** Words of real company names of a district (polyphones included: 重庆, 银行, 长城), 5,000 distinct names. */
const PLACES = ['天津', '河北区', '津门', '海河', '渤海', '北方', '中环', '金钟', '长城', '重庆'];
const TRADES = ['新港', '银行', '华信', '宏达', '瑞丰', '恒通', '博远', '聚合', '乐行', '和平'];
const KINDS = ['科技', '物流', '建设', '贸易', '餐饮', '医药', '文化', '电子', '机械', '置业'];
const FORMS = ['有限公司', '股份有限公司', '有限责任公司', '集团有限公司', '合伙企业'];

function syntheticEnterprises(): EnterpriseListEntry[] {
	const hall = '0190d000-0000-7000-8000-000000000000';
	return Array.from({ length: ENTERPRISES }, (_, n) => {
		const name = `${PLACES[n % 10]}${TRADES[Math.floor(n / 10) % 10]}${KINDS[Math.floor(n / 100) % 10]}${FORMS[Math.floor(n / 1000) % 5]}`;
		// Only what searching and filtering read is real; the rest is the smallest valid shape.
		return {
			enterprise: {
				id: `0190d000-0000-7000-8000-${String(n + 1).padStart(12, '0')}`,
				hall_id: hall,
				name,
				credit_code: validCode(n * 5_000_011),
				street_code: '120105002'
			},
			street: '望海楼街道',
			plan: { light: 'on_plan' },
			mine: false,
			archived: false,
			pending: false
		} as unknown as EnterpriseListEntry;
	});
}

const enterprises = syntheticEnterprises();
const QUERIES = [
	'天津新港科技',
	'tjxgkj',
	'tianjinxingang',
	'hbqyh',
	enterprises[1234]!.enterprise.credit_code.slice(0, 12)
];

/** Every prefix of every query, as typed, ROUNDS times. */
const keystrokes: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
	for (const query of QUERIES) for (let i = 1; i <= query.length; i++) keystrokes.push(query.slice(0, i));
}

function percentile(values: number[], p: number): number {
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

const summary = (values: number[]): string =>
	`median ${percentile(values, 50).toFixed(2)} ms, p95 ${percentile(values, 95).toFixed(2)} ms, max ${Math.max(...values).toFixed(2)} ms (${values.length} keystrokes)`;

function verdict(where: string, samples: number[]): void {
	const p95 = percentile(samples, 95);
	const load = loadavg()[0] ?? 0;
	const cores = availableParallelism();
	if (p95 <= 16) console.log(`  ${where}: goal p95 ≤ 16 ms met`);
	else if (load > cores) {
		console.log(
			`  ${where}: p95 ${p95.toFixed(1)} ms, not judged: load ${load.toFixed(1)} on ${cores} cores`
		);
	} else console.log(`  ${where}: p95 ${p95.toFixed(1)} ms is ABOVE the goal of 16 ms`);
}

/** search.ts with pinyin-pro and the credit-code rules, as one script a page can run. */
const bundled = await build({
	stdin: {
		contents: `export { prepareSearch, searchEnterprises } from '$lib/features/enterprises/search';`,
		resolveDir: SRC_LIB,
		loader: 'ts'
	},
	alias: { $lib: SRC_LIB },
	bundle: true,
	format: 'iife',
	globalName: 'EnterpriseSearch',
	platform: 'browser',
	target: 'es2022',
	write: false,
	logLevel: 'silent'
});
const script = bundled.outputFiles[0]!.text;

interface SearchApi {
	searchEnterprises: (entries: EnterpriseListEntry[], query: string) => unknown[];
	prepareSearch: (entries: EnterpriseListEntry[], pause?: () => Promise<void>) => Promise<void>;
}

console.log(
	`enterprise search, ${ENTERPRISES} enterprises, queries ${QUERIES.map((q) => `“${q}”`).join(', ')} typed a character at a time:`
);
{
	const api: SearchApi = await import('../../src/lib/features/enterprises/search');
	let started = performance.now();
	let longestSlice = 0;
	let sliceStart = started;
	await api.prepareSearch(enterprises, async () => {
		longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
		await new Promise((resolve) => setTimeout(resolve, 0));
		sliceStart = performance.now();
	});
	longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
	const prepareMs = performance.now() - started;
	const samples = keystrokes.map((query) => {
		started = performance.now();
		api.searchEnterprises(enterprises, query);
		return performance.now() - started;
	});
	const hits = QUERIES.map((query) => `${query}: ${api.searchEnterprises(enterprises, query).length}`);
	console.log(
		`  Node: prepareSearch ${prepareMs.toFixed(0)} ms in all, longest slice ${longestSlice.toFixed(1)} ms`
	);
	console.log(`  Node: per keystroke ${summary(samples)}`);
	console.log(`  Node: hits ${hits.join(', ')}`);
	verdict('Node', samples);
}

const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
try {
	for (const rate of [1, 4]) {
		const page = await browser.newPage();
		const cdp = await page.context().newCDPSession(page);
		await cdp.send('Emulation.setCPUThrottlingRate', { rate });
		await page.addScriptTag({ content: script });
		const result = await page.evaluate(
			async ({ entries, typed }) => {
				const api = (window as unknown as { EnterpriseSearch: SearchApi }).EnterpriseSearch;
				let started = performance.now();
				let longestSlice = 0;
				let sliceStart = started;
				await api.prepareSearch(entries, async () => {
					longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
					await new Promise((resolve) => setTimeout(resolve, 0));
					sliceStart = performance.now();
				});
				longestSlice = Math.max(longestSlice, performance.now() - sliceStart);
				const prepareMs = performance.now() - started;
				const samples = typed.map((query) => {
					started = performance.now();
					api.searchEnterprises(entries, query);
					return performance.now() - started;
				});
				return { prepareMs, longestSlice, samples };
			},
			{ entries: enterprises, typed: keystrokes }
		);
		const where = `Chromium CPU ${rate}×`;
		console.log(
			`  ${where}: prepareSearch ${result.prepareMs.toFixed(0)} ms in all, longest slice ${result.longestSlice.toFixed(1)} ms`
		);
		console.log(`  ${where}: per keystroke ${summary(result.samples)}`);
		if (rate === 1) verdict('Chromium unthrottled', result.samples);
		await page.close();
	}
} finally {
	await browser.close();
}
