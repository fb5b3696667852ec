import { expect, signIn, test, waitForServiceWorkerControl, zh, type Page } from './fixtures';

// The catalog screens on a phone: a manager keeps an item (versions, withdraw, restore), everyone else reads it,
// a bad form says what to fix in Chinese without losing anything, and an import takes the good rows only.

/** A code no other test (or an earlier run against the same stack) has used. */
const uniqueCode = (prefix: string): string =>
	`${prefix}-${Date.now().toString(36).toUpperCase()}${Math.floor(Math.random() * 1000)}`;

const materials = (page: Page) => page.getByTestId('material-editor');

/** A save writes the device's database, which the first sync after signing in (the hall's catalog) may hold. */
const SAVED = { timeout: 30_000 };

async function openCatalog(page: Page): Promise<void> {
	await page.getByTestId('catalog-entry').click();
	await expect(page.getByRole('heading', { name: zh['catalog.heading'] })).toBeVisible();
}

async function fillBasics(page: Page, code: string, name: string): Promise<void> {
	await page.getByLabel(zh['catalog.editor.code']).fill(code);
	await page.getByLabel(zh['catalog.editor.nameZh']).fill(name);
	await page
		.getByLabel(zh['catalog.editor.scope'])
		.selectOption({ label: zh['catalog.scope.enterprise_setup'] });
	await page.getByLabel(zh['catalog.editor.legalDays']).fill('20');
	await page.getByLabel(zh['catalog.editor.promisedDays']).fill('5');
	await page.getByLabel(zh['catalog.editor.whereToApply']).fill('A 区 3 号窗口');
}

test('a manager adds an item with a conditional material and edits it; the earlier revision stays readable', async ({
	page
}) => {
	test.setTimeout(90_000);
	const code = uniqueCode('E2E');
	await signIn(page, 'manager@demo.hall');
	await openCatalog(page);
	await page.getByTestId('catalog-add').click();
	await expect(page.getByRole('heading', { name: zh['catalog.editor.newHeading'] })).toBeVisible();

	await fillBasics(page, code, '测试餐饮店开办');
	await page.getByLabel(zh['catalog.editor.aliasInput']).fill('开饭店');
	await page.getByRole('button', { name: zh['catalog.editor.addAlias'] }).click();
	await page.getByTestId('question-add').click();
	await page.getByLabel('问题 1（中文，是/否问题）').fill('由代理人办理？');
	await materials(page).first().getByLabel(zh['catalog.editor.materialName']).fill('营业执照申请书');
	await page.getByTestId('material-add').click();
	const agent = materials(page).nth(1);
	// Hostile text is kept and shown as text, never run.
	await agent.getByLabel(zh['catalog.editor.materialName']).fill('授权委托书<img src=x onerror=alert(1)>');
	await agent
		.getByLabel(zh['catalog.editor.requirement'])
		.selectOption({ label: zh['catalog.requirement.conditional'] });
	await agent.getByLabel(zh['catalog.editor.conditionQuestion']).selectOption({ label: '由代理人办理？' });
	await agent.getByLabel(zh['catalog.editor.officeZh']).fill('公证处');
	await agent.getByLabel(zh['catalog.editor.templateUrl']).fill('https://example.gov.cn/weituo.docx');
	await agent.getByLabel(zh['catalog.editor.reasonInput']).fill('未签字');
	await agent.getByRole('button', { name: zh['catalog.editor.addReason'] }).click();
	// Reordered with buttons: the power of attorney goes first, then back.
	await page.getByRole('button', { name: '上移材料 2' }).click();
	await expect(materials(page).first().getByLabel(zh['catalog.editor.materialName'])).toHaveValue(
		/授权委托书/
	);
	await page.getByRole('button', { name: '下移材料 1' }).click();
	await page.getByTestId('editor-save').click();

	await expect(page).toHaveURL(/\/catalog\/[0-9a-f-]{36}$/, SAVED);
	await expect(page.getByTestId('item-name')).toHaveText('测试餐饮店开办');
	await expect(page.getByTestId('item-revision')).toHaveText('第 1 版');
	await expect(page.getByTestId('item-code')).toHaveText(code);
	await expect(page.getByTestId('promised-days')).toHaveText('5 个工作日');
	const shown = page.getByTestId('material');
	await expect(shown).toHaveCount(2);
	await expect(shown.nth(1)).toContainText('授权委托书<img src=x onerror=alert(1)>');
	await expect(shown.nth(1).getByTestId('material-condition')).toHaveText('当“由代理人办理？”回答“是”时需要');
	await expect(shown.nth(1).getByRole('link', { name: 'https://example.gov.cn/weituo.docx' })).toBeVisible();
	await expect(shown.nth(1)).toContainText('未签字');

	// Edit: the form starts from the current version; saving publishes revision 2.
	await page.getByTestId('item-edit').click();
	await expect(page.getByLabel(zh['catalog.editor.nameZh'])).toHaveValue('测试餐饮店开办');
	await expect(page.getByLabel(zh['catalog.editor.code'])).toHaveValue(code);
	await page.getByLabel(zh['catalog.editor.nameZh']).fill('测试餐饮店开办（新）');
	await page.getByLabel(zh['catalog.editor.promisedDays']).fill('3');
	await page.getByTestId('editor-save').click();
	await expect(page.getByTestId('item-name')).toHaveText('测试餐饮店开办（新）', SAVED);
	await expect(page.getByTestId('item-revision')).toHaveText('第 2 版');
	await expect(page.getByTestId('version-link')).toHaveCount(2);

	// Revision 1 is still readable as it was.
	await page.locator('[data-testid="version-link"][data-revision="1"]').click();
	await expect(page.getByTestId('old-version')).toBeVisible();
	await expect(page.getByTestId('item-name')).toHaveText('测试餐饮店开办');
	await expect(page.getByTestId('promised-days')).toHaveText('5 个工作日');
	await expect(page.getByTestId('material')).toHaveCount(2);
});

/** Publishes a small item through the form and leaves the page on it. */
async function addItem(page: Page, code: string, name: string): Promise<void> {
	await page.goto('/catalog/new');
	await fillBasics(page, code, name);
	await materials(page).first().getByLabel(zh['catalog.editor.materialName']).fill('申请书');
	await page.getByTestId('editor-save').click();
	await expect(page.getByTestId('item-name')).toHaveText(name, SAVED);
}

test('a manager withdraws an item (listed apart, marked) and restores it by publishing again', async ({
	page
}) => {
	test.setTimeout(90_000);
	const code = uniqueCode('WD');
	await signIn(page, 'manager@demo.hall');
	await addItem(page, code, '测试撤回事项');

	// Withdraw (confirmed), then restore by publishing again.
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByTestId('item-withdraw').click();
	await expect(page.getByTestId('withdrawn-mark')).toBeVisible(SAVED);
	await expect(page.getByTestId('withdrawn-notice')).toBeVisible();
	await page.getByRole('link', { name: zh['catalog.back'] }).click();
	await expect(page.locator(`[data-testid="catalog-withdrawn"] [data-code="${code}"]`)).toContainText(
		zh['catalog.withdrawnMark']
	);
	await page.locator(`[data-code="${code}"]`).click();
	await page.getByTestId('item-restore').click();
	await expect(page.getByTestId('withdrawn-mark')).toHaveCount(0, SAVED);
	await expect(page.getByTestId('item-revision')).toHaveText('第 2 版');
	await page.getByRole('link', { name: zh['catalog.back'] }).click();
	await expect(page.locator(`[data-testid="catalog-list"] [data-code="${code}"]`)).toBeVisible();
});

test('staff who are not managers read the catalog and see no edit buttons', async ({ page }) => {
	await signIn(page, 'intake@demo.hall');
	await openCatalog(page);
	await expect(page.getByTestId('catalog-add')).toHaveCount(0);
	await expect(page.getByTestId('catalog-import')).toHaveCount(0);
	// Search by pinyin initials (the seeded 公司设立登记).
	await page.getByLabel(zh['catalog.search']).fill('gssl');
	const first = page.getByTestId('catalog-item').first();
	await expect(first).toContainText('公司设立登记');
	await expect(first.getByTestId('demo-mark')).toHaveText(zh['catalog.demoMark']);
	await first.click();
	await expect(page.getByTestId('version-details')).toBeVisible();
	await expect(page.getByTestId('item-edit')).toHaveCount(0);
	await expect(page.getByTestId('item-withdraw')).toHaveCount(0);
	await page.goto('/catalog/new');
	await expect(page.getByTestId('managers-only')).toHaveText(zh['catalog.editor.managersOnly']);
	await expect(page.getByTestId('item-editor')).toHaveCount(0);

	// The catalog reads the same with no network.
	await waitForServiceWorkerControl(page);
	await page.context().setOffline(true);
	await page.goto('/catalog');
	await page.getByLabel(zh['catalog.search']).fill('gssl');
	await page.getByTestId('catalog-item').first().click();
	await expect(page.getByTestId('version-details')).toBeVisible();
});

test('a code already used in the hall is refused next to the code field', async ({ page }) => {
	test.setTimeout(90_000);
	const code = uniqueCode('DUP');
	await signIn(page, 'manager@demo.hall');
	await addItem(page, code, '测试重复编码');
	await page.goto('/catalog/new');
	await fillBasics(page, code.toLowerCase(), '另一个事项');
	await materials(page).first().getByLabel(zh['catalog.editor.materialName']).fill('申请书');
	await page.getByTestId('editor-save').click();
	await expect(page.locator('#item-code-error')).toHaveText(zh['catalog.error.codeTaken'], SAVED);
	await expect(page.getByLabel(zh['catalog.editor.nameZh'])).toHaveValue('另一个事项');
});

test('a bad form says in Chinese what to fix, next to each field, and keeps the input across a reload', async ({
	page
}) => {
	test.setTimeout(90_000);
	const code = uniqueCode('BAD');
	await signIn(page, 'manager@demo.hall');
	await page.goto('/catalog/new');
	await fillBasics(page, code, '');
	await page.getByLabel(zh['catalog.editor.legalDays']).fill('5');
	await page.getByLabel(zh['catalog.editor.promisedDays']).fill('10');
	await page.getByLabel(zh['catalog.editor.onlineUrl']).fill('javascript:alert(1)');
	await materials(page).first().getByLabel(zh['catalog.editor.materialName']).fill('申请书');
	await page.getByTestId('editor-save').click();

	await expect(page.getByTestId('editor-errors')).toContainText('3 处需要修改');
	await expect(page.locator('#item-name_zh-error')).toHaveText(zh['catalog.error.nameRequired']);
	await expect(page.locator('#item-promised_days-error')).toHaveText(zh['catalog.error.promiseOverLaw']);
	await expect(page.locator('#item-online_url-error')).toHaveText(zh['catalog.error.url']);
	await expect(page.getByLabel(zh['catalog.editor.nameZh'])).toBeFocused();
	await expect(page).toHaveURL(/\/catalog\/new$/);
	await expect(page.getByLabel(zh['catalog.editor.onlineUrl'])).toHaveValue('javascript:alert(1)');

	// A reload keeps everything typed.
	await page.reload();
	await expect(page.getByTestId('draft-restored')).toBeVisible();
	await expect(page.getByLabel(zh['catalog.editor.code'])).toHaveValue(code);
	await expect(page.getByLabel(zh['catalog.editor.promisedDays'])).toHaveValue('10');
	await expect(materials(page).first().getByLabel(zh['catalog.editor.materialName'])).toHaveValue('申请书');

	// Fixed, it saves, and the kept draft is gone.
	await page.getByLabel(zh['catalog.editor.nameZh']).fill('测试事项');
	await page.getByLabel(zh['catalog.editor.promisedDays']).fill('3');
	await page.getByLabel(zh['catalog.editor.onlineUrl']).fill('https://zwfw.example.gov.cn/item');
	await page.getByTestId('editor-save').click();
	await expect(page.getByTestId('item-name')).toHaveText('测试事项', SAVED);
	await expect(page.getByRole('link', { name: 'https://zwfw.example.gov.cn/item' })).toBeVisible();
	await page.goto('/catalog/new');
	await expect(page.getByTestId('draft-restored')).toHaveCount(0);
	await expect(page.getByLabel(zh['catalog.editor.code'])).toHaveValue('');
});

test('an import with one bad row imports the good items and reports the bad row', async ({ page }) => {
	test.setTimeout(90_000);
	const suffix = uniqueCode('IMP');
	const [good1, good2, bad] = [`${suffix}-A`, `${suffix}-B`, `${suffix}-C`];
	const csv = [
		'类型,事项编码,事项名称,事项类别,法定时限,承诺时限,问题,材料名称,要求,条件',
		`事项,${good1},导入测试甲,行政审批,10,5,,,,`,
		`材料,${good1},,,,,,申请书,必需,`,
		`事项,${good2},导入测试乙,企业开办,3,1,由代理人办理？,,,`,
		`材料,${good2},,,,,,身份证,必需,`,
		`材料,${good2},,,,,,授权委托书,条件,由代理人办理？=是`,
		`事项,${bad},导入测试丙,行政审批,5,10,,,,`,
		`材料,${bad},,,,,,申请书,必需,`
	].join('\r\n');
	const file = { name: 'catalog.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') };

	await signIn(page, 'manager@demo.hall');
	await openCatalog(page);
	await page.getByTestId('catalog-import').click();
	await expect(page.getByTestId('import-template')).toHaveAttribute(
		'href',
		'/templates/catalog-template.csv'
	);
	await page.getByTestId('import-file').setInputFiles(file);

	await expect(page.getByTestId('import-item')).toHaveCount(2);
	await expect(page.getByTestId('import-item').first()).toContainText(zh['import.newItem']);
	const error = page.locator('[data-testid="import-error"][data-row="7"]');
	await expect(error).toContainText('承诺时限（10 个工作日）不能超过法定时限（5 个工作日）');
	await page.getByTestId('import-submit').click();
	await expect(page.getByTestId('import-done')).toHaveText('已导入 2 项。', SAVED);

	// The same file again: the imported codes now publish new versions.
	await page.getByTestId('import-file').setInputFiles(file);
	await expect(page.locator(`[data-testid="import-item"][data-code="${good1}"]`)).toContainText(
		zh['import.newVersion']
	);

	await page.getByRole('link', { name: zh['catalog.back'] }).click();
	await page.getByLabel(zh['catalog.search']).fill(suffix);
	await expect(page.getByTestId('catalog-item')).toHaveCount(2);
	await page.locator(`[data-code="${good2}"]`).click();
	await expect(page.getByTestId('material-condition')).toHaveText('当“由代理人办理？”回答“是”时需要');
});
