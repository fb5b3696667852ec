import { expect, phoneContext, signIn, test, waitForServiceWorkerControl, zh } from './fixtures';
import { drawnQrModules, writeModulesSequenceVideo, writeQrVideo } from './support/fake-camera';
import { CENTER_FIRST_CHECKPOINT, openPatrols, patrolZh, STATION_CHECKPOINTS } from './support/patrols';
import { waitUntilSynced } from './support/prechecks';
import { holdRequests } from './support/held-requests';

// A patrol round walked offline with the camera: the station's manager prints the posters, a colleague's phone
// (which synced once, then lost the network) scans three of the four, marks a problem, finishes with the comment
// the missing checkpoint requires, and syncs when back online; the manager's patrol log shows the checkpoint
// missed, the problem and the flag.

test('a round by scanning printed posters offline, synced later; the manager’s log shows the missed checkpoint', async ({
	page,
	baseURL,
	launchCamera
}) => {
	test.setTimeout(240_000);
	await signIn(page, 'manager@station.demo.hall');
	await waitUntilSynced(page);
	await openPatrols(page);
	await page.getByTestId('patrol-posters-link').click();
	const posters = page.getByTestId('poster');
	await expect(posters).toHaveCount(STATION_CHECKPOINTS.length);
	await expect(posters.first()).toContainText(STATION_CHECKPOINTS[0]);
	await expect(posters.first()).toContainText('河北区望海楼街便民服务中心');
	// One poster alone, on A5 paper, with nothing of the app around it.
	await page.getByTestId('poster-a5').check();
	await page.getByTestId('poster-which').selectOption({ label: `2. ${STATION_CHECKPOINTS[1]}` });
	await expect(posters).toHaveCount(1);
	await expect(posters).toHaveAttribute('data-size', 'a5');
	await page.emulateMedia({ media: 'print' });
	await expect(page.getByTestId('poster-print')).toBeHidden();
	await expect(page.getByTestId('sync-status')).toBeHidden();
	expect((await page.pdf({ preferCSSPageSize: true })).byteLength).toBeGreaterThan(1000);
	await page.emulateMedia({ media: 'screen' });
	await page.getByTestId('poster-which').selectOption('all');

	// The walk passes the first three posters only: the fourth checkpoint is missed.
	const codes = [];
	for (let index = 0; index < 3; index++)
		codes.push(await drawnQrModules(posters.nth(index).getByTestId('poster-qr')));
	const camera = await launchCamera({ video: await writeModulesSequenceVideo(codes), grantPermission: true });
	const context = await phoneContext(camera, baseURL);
	const phone = await context.newPage();
	await signIn(phone, 'assist@station.demo.hall');
	await waitUntilSynced(phone);
	await waitForServiceWorkerControl(phone);
	await context.setOffline(true);

	await openPatrols(phone);
	await phone.getByTestId('patrol-start').click();
	await expect(phone.getByTestId('round-progress')).toHaveText('已查 0 / 4 个巡查点');
	const checked = new Set<string>();
	for (let poster = 0; poster < 3; poster++) {
		// The camera starts its walk at the first poster again: posters already checked are said so, and
		// scanning goes on to the next.
		await phone.getByTestId('round-scan').click();
		const checklist = phone.getByTestId('checklist');
		await expect(checklist).toBeVisible({ timeout: 30_000 });
		const name = (await checklist.getByRole('heading', { level: 2 }).innerText()).trim();
		expect(checked.has(name)).toBe(false);
		await expect(checklist).toContainText(patrolZh['checklist.identifiedScan']);
		await checklist.getByTestId('checklist-all-ok').click();
		if (poster === 0) {
			// A problem needs its note: refused without it, nothing lost.
			await checklist
				.locator('[data-testid="checklist-item"][data-key="clean"]')
				.getByTestId('checklist-problem')
				.click();
			await checklist.getByTestId('checklist-save').click();
			await expect(checklist.getByTestId('checklist-error')).toHaveText(patrolZh['checklist.noteRequired']);
			await checklist.getByTestId('checklist-note').fill('地面有积水');
		}
		await checklist.getByTestId('checklist-save').click();
		await expect(phone.getByTestId('checklist-saved')).toContainText(name);
		checked.add(name);
	}
	expect([...checked].sort()).toEqual([...STATION_CHECKPOINTS.slice(0, 3)].sort());
	await expect(phone.getByTestId('round-progress')).toHaveText('已查 3 / 4 个巡查点');
	// The problem offers an incident report, with the checkpoint as its place.
	const report = phone.getByTestId('report-incident');
	await expect(report).toHaveCount(1);
	expect(await report.getAttribute('href')).toMatch(/^\/incidents\/new\?check=[0-9a-f-]{36}&checkpoint=/);

	// Finishing without the fourth needs a comment naming why.
	await phone.getByTestId('round-finish').click();
	await expect(phone.getByTestId('round-missing')).toContainText(STATION_CHECKPOINTS[3]);
	await phone.getByTestId('round-finish-confirm').click();
	await expect(phone.getByText(patrolZh['round.commentRequired'])).toBeVisible();
	await phone.getByTestId('round-comment').fill('安全出口施工封闭');
	await phone.getByTestId('round-finish-confirm').click();
	await expect(phone.getByTestId('patrol-start')).toBeVisible();

	// Back online, the round reaches the server.
	await context.setOffline(false);
	await waitUntilSynced(phone);

	await waitUntilSynced(page);
	await page.goto('/patrols/log');
	const round = page.getByTestId('log-round');
	await expect(round).toHaveCount(1, { timeout: 20_000 });
	await expect(round).toContainText('陈静');
	await expect(round.getByTestId('log-missed')).toContainText(STATION_CHECKPOINTS[3]);
	await expect(round.locator('[data-testid="log-flag"][data-flag="incomplete"]')).toBeVisible();
	await expect(round).toContainText('安全出口施工封闭');
	await expect(page.getByTestId('log-problem')).toContainText('地面有积水');
	// A desktop sees the same log side by side.
	await page.setViewportSize({ width: 1280, height: 800 });
	await expect(round.getByTestId('log-missed')).toBeVisible();
});

test('on a new device the plan form fills in when the plan arrives, and never overwrites what the manager typed', async ({
	browser,
	baseURL
}) => {
	test.setTimeout(120_000);
	for (const typesFirst of [false, true]) {
		const context = await browser.newContext({ baseURL });
		const page = await context.newPage();
		// The first pull waits until the form is open, as on a slow connection.
		const release = await holdRequests(page, '**/rest/v1/rpc/sync_pull');
		await signIn(page, 'manager@station.demo.hall');
		await page.goto('/patrols/plan');
		const grace = page.getByLabel(patrolZh['plan.grace']);
		await expect(grace).toHaveValue('15');
		await expect(page.getByTestId('plan-window')).toHaveCount(0);
		if (typesFirst) await grace.fill('30');
		release();
		await expect(page.getByTestId('sync-status')).toHaveText(zh['sync.statusSynced'], { timeout: 30_000 });
		if (typesFirst) {
			await expect(grace).toHaveValue('30');
			await expect(page.getByTestId('plan-window')).toHaveCount(0);
		} else {
			await expect(page.getByTestId('plan-window')).toHaveCount(2);
			await expect(page.getByTestId('plan-window').first().getByRole('textbox').first()).toHaveValue(
				'开门前'
			);
		}
		await context.close();
	}
});

test('inside a running round, a poster scanned on the staff scan screen opens its checklist in the round', async ({
	baseURL,
	launchCamera
}) => {
	test.setTimeout(120_000);
	const poster = `${baseURL}/patrols/checkpoint/${CENTER_FIRST_CHECKPOINT}`;
	const camera = await launchCamera({ video: await writeQrVideo(poster), grantPermission: true });
	const page = await (await phoneContext(camera, baseURL)).newPage();
	await signIn(page, 'guopeng@demo.hall');
	await waitUntilSynced(page);
	await openPatrols(page);
	await page.getByTestId('patrol-start').click();
	await expect(page.getByTestId('round-progress')).toBeVisible();
	const round = page.url();

	await page.goto('/tickets/scan');
	await expect(page.getByTestId('checklist')).toBeVisible({ timeout: 30_000 });
	expect(page.url().split('?')[0]).toBe(round.split('?')[0]);
	await expect(page.getByTestId('checklist').getByRole('heading', { level: 2 })).toHaveText('取号区');
});
