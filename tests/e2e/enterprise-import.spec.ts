import { readFile } from 'node:fs/promises';
import { zhCN as izh } from '../../src/lib/features/enterprises/import/messages/zh-CN';
import {
	csvFile,
	goodRows,
	HEADER,
	validCode,
	xlsxFile
} from '../../src/lib/features/enterprises/import/test-files';
import { expect, phoneContext, signIn, test, type Page } from './fixtures';
import { waitUntilSynced } from './support/prechecks';

// The enterprise import end to end (docs/VISITS.md, "Import"): a manager's workbook with good and bad rows, each
// bad row reported with what is wrong, the good rows imported and seen on another device of the hall after sync;
// files that are no import at all refused with a reason; other staff kept out.

const SAVED = { timeout: 15_000 };

/** A serial no other test of this run uses, so the codes and names of each test are its own. */
const uniqueSerial = (): number => Math.floor(Math.random() * 800_000_000) + 100_000_000;

type FilePayload = { name: string; mimeType: string; buffer: Buffer };
const payload = (file: { name: string; bytes: Uint8Array }, mimeType: string): FilePayload => ({
	name: file.name,
	mimeType,
	buffer: Buffer.from(file.bytes)
});
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function openImport(page: Page): Promise<void> {
	await page.goto('/enterprises');
	await page.getByTestId('enterprise-import').click();
	await expect(page.getByRole('heading', { level: 1, name: izh['enterpriseImport.heading'] })).toBeVisible();
	// Enabled once the hall's codes on the device are read (a code it has is a problem of its row).
	await expect(page.getByTestId('enterprise-import-file')).toBeEnabled();
}

const badRow = (page: Page, row: number) =>
	page.locator(`[data-testid="enterprise-import-bad-row"][data-row="${row}"]`);

test('a manager imports the good rows of a workbook, sees why the others are refused, and the hall gets them', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(180_000);
	const serial = uniqueSerial();
	const tag = `导入测试${serial}`;
	const code = (n: number) => validCode(serial + n);
	const name = (n: number) => `${tag}第${n}号有限公司`;
	const wrongCheck = code(10).slice(0, 17) + (code(10).endsWith('0') ? '1' : '0');
	const workbook = await xlsxFile([
		['河北区重点企业名单'],
		HEADER,
		[name(1), code(1), '望海楼街道', '天津市河北区中山路 1 号', '软件和信息技术服务业', 30],
		[name(2), code(2).toLowerCase(), '120105004', '', '', ''],
		[name(3), code(3), '王串场', '天津市河北区王串场路 3 号', '制造业', 90],
		[name(10), wrongCheck, '望海楼街道', '', '', ''],
		[name(11), code(11), '和平街道', '', '', ''],
		[name(12), code(12), '望海楼街道', '', '', ''],
		[`${name(12)}（重复）`, code(12), '望海楼街道', '', '', ''],
		['', code(13), '望海楼街道', '', '', 400]
	]);

	await signIn(page, 'manager@demo.hall');
	await waitUntilSynced(page);
	await openImport(page);
	await page.getByTestId('enterprise-import-file').setInputFiles(payload(workbook, XLSX));

	await expect(page.getByTestId('enterprise-import-summary')).toHaveText(
		'共 8 行：3 行可以导入，5 行有问题、不会导入。'
	);
	// Row numbers are the sheet's, as the manager sees them in Excel (a title row above the header).
	await expect(page.getByTestId('enterprise-import-good-row')).toHaveCount(3);
	await expect(page.getByTestId('enterprise-import-good-row').nth(1)).toContainText(code(2));
	await expect(page.getByTestId('enterprise-import-good-row').nth(1)).toContainText('新开河街道');
	await expect(badRow(page, 6)).toContainText(
		`统一社会信用代码校验位错误：第 18 位应为“${code(10).charAt(17)}”`
	);
	await expect(badRow(page, 7)).toContainText('所属街道“和平街道”不是河北区的街道');
	await expect(badRow(page, 8)).toContainText('统一社会信用代码与第 9 行重复（都不会导入）');
	await expect(badRow(page, 9)).toContainText('统一社会信用代码与第 8 行重复（都不会导入）');
	await expect(badRow(page, 10).getByTestId('enterprise-import-problem')).toHaveText([
		'企业名称未填写',
		'走访周期应为 7–365 的整数天数，或留空（不定期走访）；现为“400”'
	]);

	await page.getByTestId('enterprise-import-submit').click();
	await expect(page.getByTestId('enterprise-import-done')).toContainText('已导入 3 家企业', SAVED);
	await expect(page.getByTestId('enterprise-import-open-list')).toBeVisible();

	// The same workbook again: the hall has those codes now, so nothing of it is imported twice.
	await page.getByTestId('enterprise-import-file').setInputFiles(payload(workbook, XLSX));
	await expect(page.getByTestId('enterprise-import-nothing')).toBeVisible();
	await expect(badRow(page, 3)).toContainText(`本厅已有此统一社会信用代码的企业：${name(1)}`);
	await expect(page.getByTestId('enterprise-import-submit')).toHaveCount(0);

	await page.getByRole('link', { name: izh['enterpriseImport.back'] }).click();
	await page.getByTestId('enterprise-search').fill(tag);
	await expect(page.getByTestId('enterprise-row')).toHaveCount(3);
	await waitUntilSynced(page);

	// A colleague's phone of the same hall gets them from the server.
	const colleague = await (await phoneContext(browser, baseURL)).newPage();
	await signIn(colleague, 'intake@demo.hall');
	await waitUntilSynced(colleague);
	await colleague.goto('/enterprises');
	await colleague.getByTestId('enterprise-search').fill(tag);
	await expect(colleague.getByTestId('enterprise-row')).toHaveCount(3);
	await expect(colleague.getByTestId('enterprise-row').filter({ hasText: name(3) })).toContainText(
		'王串场街道'
	);
	// Other staff may look, but only managers import.
	await colleague.goto('/enterprises/import');
	await expect(colleague.getByTestId('enterprise-import-managers-only')).toBeVisible();
	await expect(colleague.getByTestId('enterprise-import-file')).toHaveCount(0);
	await colleague.context().close();
});

test('a file that is no import is refused with the reason, and the template is one', async ({ page }) => {
	test.setTimeout(90_000);
	await signIn(page, 'manager@demo.hall');
	await openImport(page);
	const input = page.getByTestId('enterprise-import-file');
	const failure = page.getByTestId('enterprise-import-failure');

	await input.setInputFiles({ name: '名单.txt', mimeType: 'text/plain', buffer: Buffer.from('企业名称') });
	await expect(failure).toHaveText(izh['enterpriseImport.failure.unsupported']);

	await input.setInputFiles(
		payload(
			csvFile([
				['企业名称', '地址'],
				['天津某公司', '']
			]),
			'text/csv'
		)
	);
	await expect(failure).toContainText('表头缺少必填列：统一社会信用代码、所属街道。');

	await input.setInputFiles(payload(csvFile(goodRows(2)), 'text/csv'));
	await expect(failure).toContainText('找不到表头。');

	await input.setInputFiles({ name: '空.csv', mimeType: 'text/csv', buffer: Buffer.alloc(0) });
	await expect(failure).toHaveText(izh['enterpriseImport.failure.empty']);

	await input.setInputFiles(payload(csvFile([HEADER, ...goodRows(5_001)]), 'text/csv'));
	await expect(failure).toHaveText('文件有 5001 行企业，一次最多导入 5000 行。请分成几个文件导入。');

	// A workbook broken in transit is said to be unreadable, not a crash.
	await input.setInputFiles({ name: '名单.xlsx', mimeType: XLSX, buffer: Buffer.from('PK not a zip') });
	await expect(failure).toContainText('无法读取文件');

	// The template downloads, and read back it is refused only for its example row.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('enterprise-import-template').click()
	]);
	expect(download.suggestedFilename()).toBe(izh['enterpriseImport.templateFile']);
	const template = await readFile(await download.path());
	expect(template.toString('utf8')).toMatch(
		/^\uFEFF企业名称,统一社会信用代码,所属街道,地址,行业,走访周期（天）\r\n/
	);
	await input.setInputFiles({ name: '企业导入模板.csv', mimeType: 'text/csv', buffer: template });
	await expect(failure).toHaveCount(0);
	await expect(badRow(page, 2)).toContainText(izh['enterpriseImport.problem.exampleRow']);
	await expect(page.getByTestId('enterprise-import-nothing')).toBeVisible();
});
