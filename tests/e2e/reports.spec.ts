import { readFile } from 'node:fs/promises';
import readXlsxFile from 'read-excel-file/node';
import { expect, signIn, test, waitForServiceWorkerControl } from './fixtures';
import { createHistoryHall, lastMonth, type HistoryHall } from './support/history-station';

// The managers' report: the center's manager opens last month's report of a street station of their own (a hall
// made for this file, filled with a month of generated history, so no other spec's rows move), sees its charts
// drawn, prints it, downloads its Excel and CSV files and reads them back; offline, the last report stays.

/** The report's default is this month: last month is one "previous" away. */
const month = lastMonth();

test.describe('a month of a hall with history', () => {
	let hall: HistoryHall;

	// Only the tests that need the history make it: each worker runs its own beforeAll.
	test.beforeAll(async () => {
		test.setTimeout(180_000);
		hall = await createHistoryHall('street_station', month);
	});

	test('the manager opens last month’s report with charts, prints it and downloads its Excel and CSV files', async ({
		page
	}) => {
		test.setTimeout(180_000);
		await signIn(page, 'manager@demo.hall');
		await waitForServiceWorkerControl(page);
		await page.goto('/reports');
		// This month of every hall they may see, by default.
		await expect(page.getByTestId('report-period-month')).toBeChecked();
		await expect(page.getByTestId('report-head')).toBeVisible();

		await page.getByTestId('report-previous').click();
		await expect(page.getByTestId('report-period')).toHaveText(`${month.from} – ${month.to}`);
		await page.getByTestId('report-hall').selectOption({ label: hall.name });
		await expect(page).toHaveURL(new RegExp(`period=month&from=${month.from}&hall=${hall.id}`));
		const head = page.getByTestId('report-head');
		await expect(head).toContainText(hall.name);
		await expect(head).toContainText(`统计周期：${month.from} 至 ${month.to}`);

		// Seven sections, figures from the generated month, charts drawn on their canvases.
		await expect(page.locator('section[data-testid^="report-section-"]')).toHaveCount(7);
		const visitors = page.getByTestId('report-section-operation').locator('dd').first();
		await expect.poll(async () => Number(await visitors.innerText())).toBeGreaterThan(100);
		const charts = page.locator('[data-testid="report-chart"][data-drawn]');
		await expect.poll(() => charts.count()).toBeGreaterThanOrEqual(8);
		const inked = await page
			.getByTestId('report-table-operation-by-day')
			.getByTestId('report-chart')
			.evaluate((canvas: HTMLCanvasElement) => {
				const context = canvas.getContext('2d');
				const pixels = context?.getImageData(0, 0, canvas.width, canvas.height).data ?? [];
				return Array.from(pixels).filter((value, index) => index % 4 === 3 && value > 0).length;
			});
		expect(inked).toBeGreaterThan(1000);

		// The print button asks the browser to print; paper gets the report's header, charts as images, no controls.
		await page.evaluate(() => {
			window.print = () => document.body.setAttribute('data-printed', 'yes');
		});
		await page.getByTestId('report-print').click();
		await expect(page.locator('body')).toHaveAttribute('data-printed', 'yes');
		await page.emulateMedia({ media: 'print' });
		await expect(head).toBeVisible();
		await expect(head).toContainText(hall.name);
		await expect(page.getByTestId('report-print')).toBeHidden();
		await expect(page.locator('header.header')).toBeHidden();
		await expect(page.getByTestId('report-chart-image').first()).toBeVisible();
		const pdf = await page.pdf({ preferCSSPageSize: true });
		expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
		expect(pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0).toBeGreaterThanOrEqual(2);
		await page.emulateMedia({ media: 'screen' });

		// The Excel file: one sheet per section, Chinese headers, the month's figures.
		const xlsxDownload = page.waitForEvent('download');
		await page.getByTestId('report-xlsx').click();
		const xlsx = await xlsxDownload;
		expect(xlsx.suggestedFilename()).toBe(`综窗报表_${month.slug}_${hall.name}.xlsx`);
		const sheets = await readXlsxFile(await readFile(await xlsx.path()));
		expect(sheets.map((sheet) => sheet.sheet)).toEqual([
			'大厅运行',
			'咨询服务',
			'材料预审',
			'事件处置',
			'环境与设施巡查',
			'服务监督',
			'走访与跟进'
		]);
		const operation = sheets[0]?.data ?? [];
		expect(operation[0]).toEqual(['大厅', hall.name]);
		expect(operation[1]).toEqual(['统计周期', `${month.from} 至 ${month.to}`]);
		expect(operation).toContainEqual(['指标', '数值']);
		const visitorsRow = operation.find((row) => row[0] === '办事人数');
		expect(visitorsRow?.[1]).toBe(Number(await visitors.innerText()));
		expect(operation).toContainEqual(['日期', '办事人数']);
		expect(operation).toContainEqual([month.from, expect.any(Number)]);

		// The CSV: a byte-order mark, so Excel reads the Chinese; the same figures.
		const csvDownload = page.waitForEvent('download');
		await page.getByTestId('report-csv').click();
		const csv = await csvDownload;
		expect(csv.suggestedFilename()).toBe(`综窗报表_${month.slug}_${hall.name}.csv`);
		const bytes = await readFile(await csv.path());
		expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
		const text = bytes.toString('utf8');
		expect(text).toContain(
			`\r\n大厅运行\r\n主要指标\r\n指标,数值\r\n办事人数,${String(visitorsRow?.[1])}\r\n`
		);

		// Offline, another period cannot be computed: the last report opened stays, saying when it was saved.
		await page.context().setOffline(true);
		await page.getByTestId('report-next').click();
		await expect(page.getByTestId('report-failure')).toContainText('网络不通');
		await expect(page.getByTestId('report-saved')).toContainText('离线');
		await expect(head).toContainText(`统计周期：${month.from} 至 ${month.to}`);
		await page.context().setOffline(false);
		await page.getByTestId('report-retry').click();
		await expect(page.getByTestId('report-saved')).toBeHidden();
		await page.goBack();
		await expect(head).toContainText(`统计周期：${month.from} 至 ${month.to}`);

		// Reopened offline (the app from its service worker): the last report opened, saying when it was saved.
		await page.context().setOffline(true);
		await page.reload();
		await expect(page.getByTestId('report-saved')).toContainText('离线');
		await expect(head).toContainText(hall.name);
		await expect(head).toContainText(`统计周期：${month.from} 至 ${month.to}`);
		await expect(page.locator('[data-testid="report-chart"][data-drawn]').first()).toBeAttached();
		await page.context().setOffline(false);
	});
});

test('a colleague who is not a manager is told reports are for managers', async ({ page }) => {
	await signIn(page, 'intake@demo.hall');
	await page.goto('/reports');
	await expect(page.getByTestId('report-managers-only')).toContainText('仅供管理岗');
	await expect(page.getByTestId('report-head')).toHaveCount(0);
});
