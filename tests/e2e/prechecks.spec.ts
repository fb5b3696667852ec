import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { expect, phoneContext, signIn, test, waitForServiceWorkerControl, zh, type Page } from './fixtures';
import { drawnQrModules, writeModulesVideo } from './support/fake-camera';
import {
	COMPANY,
	HOSTILE,
	answerQuestions,
	makeNotice,
	material,
	openCompanyForm,
	waitUntilSaved,
	waitUntilSynced
} from './support/prechecks';

const ARTIFACTS = join(import.meta.dirname, '..', '.artifacts', 'prechecks');
const NOTICE_NO = /^\d{6}-[2-9A-HJ-NP-Z]{2,3}-\d{2,4}$/;

/** Stubs the print dialog: printing is asked for, counted, and returns at once (headless has no dialog). */
async function stubPrint(page: Page): Promise<void> {
	await page.evaluate(() => {
		const counted = window as unknown as { printed: number };
		counted.printed = 0;
		window.print = () => {
			counted.printed += 1;
		};
	});
}

test('a complete pre-check from a service record goes on its timeline, then the applicant is guided to a window', async ({
	page
}) => {
	test.setTimeout(120_000);
	await signIn(page, 'intake@demo.hall');
	await waitUntilSynced(page);
	await page.goto('/tickets/scan');
	// A notice number this device does not know: said plainly, and the field keeps what was typed.
	await page.getByLabel(zh['scan.manualLabel']).fill('261130-zz-99');
	await page.getByTestId('manual-submit').click();
	await expect(page.getByText(zh['precheck.noticeNotHere'])).toBeVisible();
	await expect(page.getByLabel(zh['scan.manualLabel'])).toHaveValue('261130-zz-99');
	await page.getByLabel(zh['scan.manualLabel']).fill('P101');
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText('P101');

	await page.getByTestId('record-precheck-start').click();
	await expect(page.getByText(zh['precheck.fromRecord'])).toBeVisible();
	await openCompanyForm(page);
	await expect(page.getByTestId('precheck-item-code')).toHaveText(`事项编码 ${COMPANY.code} · 第 1 版`);
	// Unanswered questions and unmarked materials are named, in Chinese; nothing is saved.
	await page.getByTestId('precheck-submit').click();
	await expect(page.getByTestId('precheck-failure')).toContainText('还有');
	await expect(page.getByText(zh['precheck.errors.answer']).first()).toBeVisible();
	// Only the materials that apply: no agent, so no power of attorney.
	await answerQuestions(page, false);
	await expect(material(page, 'power_of_attorney')).toHaveCount(0);
	await expect(material(page, 'application_form')).toBeVisible();
	await page.getByTestId('mark-rest-present').click();
	await expect(page.getByTestId('precheck-result')).toHaveText(zh['precheck.resultComplete']);
	await page.getByRole('button', { name: zh['precheck.finishComplete'] }).click();

	await expect(page.getByTestId('precheck-status')).toHaveAttribute('data-status', 'complete');
	await expect(page.getByTestId('notice')).toHaveCount(0);
	await page.getByLabel(zh['record.windowLabel']).fill('5');
	await page.getByTestId('guide-submit').click();
	await expect(page.getByTestId('guided')).toHaveText('引导至 5 号窗口');
	await page.getByTestId('to-record').click();
	await expect(page.getByTestId('timeline-event')).toHaveText([/预审/, /引导至 5 号窗口/]);
	await expect(page.getByTestId('record-precheck')).toHaveAttribute('data-status', 'complete');
});

// Generous limits: making a notice signs in, syncs and stores on a shared 2-core machine, and printing shows
// several screens the accessibility check scans.
test('an incomplete pre-check makes a bilingual notice: 80 mm and A4 print, hostile text as text, the applicant masked on screen', async ({
	page
}) => {
	test.setTimeout(180_000);
	await mkdir(ARTIFACTS, { recursive: true });
	await signIn(page, 'assist@demo.hall');
	await waitUntilSynced(page);
	await makeNotice(page, 'zh_en');

	const notice = page.getByTestId('notice');
	await expect(page.getByTestId('precheck-status')).toHaveAttribute('data-status', 'open');
	await expect(notice.getByTestId('notice-gap')).toHaveCount(3);
	await expect(notice.getByTestId('notice-item-code')).toContainText(COMPANY.code);
	const noticeNo = await notice.locator('.meta dd').first().innerText();
	expect(noticeNo).toMatch(NOTICE_NO);
	// Bilingual: the title and the promise in both languages, the materials with their English names.
	await expect(notice).toContainText('一次性告知单');
	await expect(notice).toContainText('One-time notice of materials to supply');
	await expect(notice.getByTestId('notice-promise')).toContainText('不会再要求');
	await expect(notice.getByTestId('notice-promise')).toContainText('we will not ask for anything');
	await expect(notice).toContainText('使用旧版表格');
	await expect(notice.getByTestId('notice-staff')).toContainText('张敏（咨询帮办岗');
	// Hostile text is text: shown as typed, never an element, nothing ran.
	await expect(notice).toContainText(HOSTILE);
	await expect(page.locator('[data-testid="notice"] img')).toHaveCount(0);
	expect(await page.title()).not.toBe('pwned');
	// On the staff screen the applicant is masked; the whole name exists only for the paper copy.
	await expect(page.getByTestId('precheck-applicant-masked')).toHaveText('申请人：张*明 138****5678');
	await expect(notice.getByText('张三明')).toBeHidden();
	await expect(notice.getByText('张*明')).toBeVisible();

	await stubPrint(page);
	await page.getByTestId('print-thermal').click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
	await expect(notice).toHaveAttribute('data-format', 'thermal');
	await page.emulateMedia({ media: 'print' });
	await page.setViewportSize({ width: 302, height: 900 });
	// On paper: the notice alone, the applicant whole (it is theirs), the app's header gone.
	await expect(page.getByTestId('sync-status')).toBeHidden();
	await expect(notice.getByText('张三明')).toBeVisible();
	await expect(notice.getByText('张*明')).toBeHidden();
	await expect(page.getByTestId('print-a4')).toBeHidden();
	await notice.screenshot({ path: join(ARTIFACTS, 'notice-80mm.png') });

	await page.emulateMedia({ media: 'screen' });
	await page.setViewportSize({ width: 412, height: 915 });
	await page.getByTestId('print-a4').click();
	await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(2);
	await expect(notice).toHaveAttribute('data-format', 'a4');
	await page.emulateMedia({ media: 'print' });
	// A4 at 96 dpi less the margins.
	await page.setViewportSize({ width: 680, height: 1000 });
	await expect(notice.getByText('张三明')).toBeVisible();
	await page.screenshot({ path: join(ARTIFACTS, 'notice-a4.png'), fullPage: true });
	const pdf = await page.pdf({ preferCSSPageSize: true });
	expect(pdf.byteLength).toBeGreaterThan(1000);
	await page.emulateMedia({ media: 'screen' });
});

test('the notice QR, scanned on a second device that synced then went offline, reopens only the open points; a new gap is a broken promise', async ({
	page,
	baseURL,
	launchCamera
}) => {
	test.setTimeout(180_000);
	await signIn(page, 'assist@demo.hall');
	await waitUntilSynced(page);
	await makeNotice(page, 'zh');
	// The notice reaches the server before the second device pulls.
	await waitUntilSaved(page);
	const noticeNo = await page.getByTestId('notice').locator('.meta dd').first().innerText();
	const video = await writeModulesVideo(await drawnQrModules(page.getByTestId('notice-qr')));

	const camera = await launchCamera({ video, grantPermission: true });
	const context = await phoneContext(camera, baseURL);
	const other = await context.newPage();
	await signIn(other, 'intake@demo.hall');
	await waitUntilSynced(other);
	// A returning device: the app shell is cached, so its screens open without a network.
	await waitForServiceWorkerControl(other);
	await context.setOffline(true);
	await other.getByTestId('tickets-entry').click();
	await other.getByTestId('scan-button').click();

	// Either the return visit opens or the scan screen says why not: a failure then names what the screen said.
	await expect
		.poll(
			async () =>
				/\/prechecks\/[0-9a-f-]{36}\/recheck$/.test(other.url())
					? 'recheck'
					: ((await other
							.getByTestId('not-a-ticket')
							.textContent({ timeout: 100 })
							.catch(() => null)) ?? 'still scanning'),
			{ timeout: 20_000 }
		)
		.toBe('recheck');
	await expect(other.getByText(`告知单 ${noticeNo}`)).toBeVisible();
	// Only the notice's open points, nothing already present.
	await expect(other.getByTestId('open-point')).toHaveCount(3);
	await expect(other.locator('[data-testid="open-point"][data-key="articles"]')).toHaveCount(0);
	for (const key of ['application_form', 'power_of_attorney', 'agent_id_card']) {
		await material(other, key).getByTestId('mark-present').check({ force: true });
	}
	// A gap the notice did not name needs a reason, and says it counts as a broken promise.
	await other.getByTestId('add-new-gap').click();
	await expect(other.getByText(zh['precheck.newGapWarning'])).toBeVisible();
	await other.getByTestId('pick-new-gap').filter({ hasText: '住所（经营场所）使用证明' }).click();
	await other.getByTestId('recheck-submit').click();
	await expect(other.getByText(zh['precheck.errors.brokenReason'])).toBeVisible();
	await other.getByTestId('broken-reason').fill('首次核对时漏看了租赁合同的到期日');
	await other.getByTestId('recheck-submit').click();

	await expect(other).toHaveURL(/\/prechecks\/[0-9a-f-]{36}$/);
	await expect(other.getByTestId('broken-promise')).toContainText('住所（经营场所）使用证明');
	await expect(other.getByTestId('broken-promise')).toContainText('首次核对时漏看了租赁合同的到期日');
	await expect(other.getByTestId('precheck-status')).toHaveAttribute('data-status', 'open');
	await expect(other.getByTestId('notice-gap')).toHaveCount(1);
	// The author's applicant row is not on a colleague's device: nothing to show, nothing leaked.
	await expect(other.getByTestId('notice')).not.toContainText('张三明');

	// Back online, the server takes the round with its broken promise.
	await context.setOffline(false);
	await waitUntilSynced(other);
	await expect(other.getByTestId('precheck-status')).not.toContainText(zh['tickets.pending']);
});

test('the applicant opens the notice without signing in: open points, limits, the hall phone, no personal data', async ({
	page,
	browser,
	baseURL
}) => {
	test.setTimeout(90_000);
	await signIn(page, 'assist@demo.hall');
	await waitUntilSynced(page);
	await makeNotice(page, 'zh_en');
	await waitUntilSaved(page);
	const url = (await page.getByTestId('notice-qr').getAttribute('data-url')) ?? '';
	const token = /\/n\/([A-Za-z0-9_-]{22})$/.exec(url)?.[1];
	expect(token).toBeTruthy();

	const stranger = await (await phoneContext(browser, baseURL)).newPage();
	await stranger.goto(`/n/${token}`);
	const notice = stranger.getByTestId('notice');
	await expect(notice.getByTestId('notice-gap')).toHaveCount(3);
	await expect(notice).toContainText('授权委托书');
	await expect(notice).toContainText('Power of attorney');
	await expect(notice).toContainText(zh['notice.promisedDays']);
	await expect(notice).toContainText(HOSTILE);
	await expect(stranger.locator('[data-testid="notice"] img')).toHaveCount(0);
	await expect(notice).not.toContainText('张三明');
	await expect(notice).not.toContainText('138');
	await expect(stranger).not.toHaveURL(/login/);

	// A link that is not (or no longer) a notice, and a phone without network: each says so.
	await stranger.goto('/n/AAAAAAAAAAAAAAAAAAAAAA');
	await expect(stranger.getByTestId('notice-page-failure')).toHaveAttribute('data-failure', 'not_found');
	await waitForServiceWorkerControl(stranger);
	await stranger.context().setOffline(true);
	await stranger.goto(`/n/${token}`);
	await expect(stranger.getByTestId('notice-page-failure')).toHaveAttribute('data-failure', 'offline');
	await expect(stranger.getByTestId('notice-page-retry')).toBeVisible();
});

test('the staff home loads neither the pinyin nor the QR code library; my open notices come after its first paint', async ({
	page
}) => {
	// Signing in, a whole pre-check and the home again, on a shared 2-core machine: 30 s ran out under load.
	test.setTimeout(90_000);
	await signIn(page, 'assist@demo.hall');
	await waitUntilSynced(page);
	await makeNotice(page, 'zh');
	const scripts: string[] = [];
	page.on('response', (response) => {
		if (new URL(response.url()).pathname.endsWith('.js'))
			void response.text().then((text) => scripts.push(text));
	});
	await page.goto('/');
	const mine = page.getByTestId('my-open-precheck');
	await expect(mine.first()).toBeVisible();
	await page.waitForLoadState('networkidle');
	// Markers only pinyin-pro's and uqr's code carry.
	expect(scripts.some((text) => text.includes('toneType'))).toBe(false);
	expect(scripts.some((text) => text.includes('maskPattern'))).toBe(false);
	// The list is the worker's own open notices; one opens the pre-check.
	await mine.first().click();
	await expect(page.getByTestId('precheck-status')).toHaveAttribute('data-status', 'open');
});
