import { zhCN as rzh } from '../../src/lib/features/reports/messages/zh-CN';
import { appRoutes, ERROR_ROUTE } from './support/a11y/app-routes';
import { DEMO_PASSWORD, expect, fillSignIn, signIn, test, zh, type Page } from './fixtures';
import { holdRequests } from './support/held-requests';
import { izh, reportFromHome } from './support/incidents';
import { CENTER_FIRST_CHECKPOINT, openPatrols } from './support/patrols';
import { makeNotice, material, openCompanyForm, waitUntilSynced } from './support/prechecks';
import { ezh, openEnterprise, standNear, uniqueText, vzh } from './support/visits';
import { zhCN as azh } from '../../src/lib/features/assessment/messages/zh-CN';

// The fixture scans every screen any spec shows (support/a11y, docs/TESTING.md). This spec makes sure that is
// every route of the app, read from src/routes, and shows the states no other spec opens: the sync panel, online
// and offline with work waiting, and the error page. A new route without a visit here, or a visit in no tour,
// fails the first test. A visit starts signed in as its tour's user, from the screen the previous visit left.

type Visit = (page: Page) => Promise<void>;

async function openSyncPanel(page: Page): Promise<void> {
	await page.getByTestId('sync-status').click();
	await expect(page.getByTestId('sync-panel')).toBeVisible();
}

/** The staff home, loaded afresh: where a visit that opens a screen from its entry starts. */
async function home(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page.getByTestId('profile-name')).toBeVisible();
}

/** A seeded item of the hall's catalog, opened from the list. */
async function openCatalogItem(page: Page): Promise<void> {
	await home(page);
	await page.getByTestId('catalog-entry').click();
	await page.getByTestId('catalog-item').first().click();
	await expect(page.getByTestId('version-details')).toBeVisible();
}

const VISITS: Record<string, Visit> = {
	'/login': async (page) => {
		await page.goto('/login');
		await expect(page.getByRole('heading', { name: zh['login.heading'] })).toBeVisible();
		// Signing in, held until scanned: a busy button must keep its contrast.
		const release = await holdRequests(page, '**/auth/v1/token**');
		await fillSignIn(page, 'intake@demo.hall', DEMO_PASSWORD);
		await expect(page.getByTestId('login-submit')).toHaveAttribute('aria-busy', 'true');
		release();
		await expect(page.getByTestId('profile-name')).toBeVisible();
	},
	'/': async (page) => {
		await home(page);
		await openSyncPanel(page);
	},
	'/tickets': async (page) => {
		await home(page);
		await page.getByTestId('tickets-entry').click();
		await expect(page.getByRole('heading', { name: zh['tickets.heading'] })).toBeVisible();
	},
	'/tickets/scan': async (page) => {
		await page.goto('/tickets/scan');
		await expect(page.getByLabel(zh['scan.manualLabel'])).toBeVisible();
	},
	'/tickets/[id]': async (page) => {
		await page.goto('/tickets/scan');
		await page
			.getByLabel(zh['scan.manualLabel'])
			.fill(`F${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`);
		await page.getByTestId('manual-submit').click();
		await expect(page.getByTestId('record-ticket')).toBeVisible();
		// Offline with a step waiting to be sent: the record marks it, the sync panel says so.
		await page.context().setOffline(true);
		await page.getByTestId('add-event-consult').click();
		await expect(page.getByTestId('timeline-event')).toHaveAttribute('data-pending', 'true');
		await openSyncPanel(page);
	},
	'/catalog': async (page) => {
		await home(page);
		await page.getByTestId('catalog-entry').click();
		await expect(page.getByTestId('catalog-item').first()).toBeVisible();
	},
	'/catalog/[id]': async (page) => {
		await openCatalogItem(page);
	},
	'/catalog/[id]/v/[versionId]': async (page) => {
		await openCatalogItem(page);
		await page.getByTestId('version-link').first().click();
		await expect(page.getByTestId('version-details')).toBeVisible();
	},
	'/catalog/[id]/edit': async (page) => {
		await openCatalogItem(page);
		await page.getByTestId('item-edit').click();
		await expect(page.getByTestId('item-editor')).toBeVisible();
		// A published material opened for editing.
		await page.getByTestId('material-toggle').first().click();
		await expect(page.getByTestId('material-toggle').first()).toHaveAttribute('aria-expanded', 'true');
	},
	'/catalog/new': async (page) => {
		await page.goto('/catalog/new');
		// Saved empty: every field says what is missing.
		await page.getByTestId('editor-save').click();
		await expect(page.getByTestId('editor-errors')).toBeVisible();
	},
	'/catalog/import': async (page) => {
		await page.goto('/catalog/import');
		const csv = ['类型,事项编码,事项名称,事项类别', '事项,A11Y-1,无障碍检查,行政审批', '材料,A11Y-1,,,'].join(
			'\n'
		);
		await page
			.getByTestId('import-file')
			.setInputFiles({ name: 'a11y.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
		await expect(page.getByTestId('import-error').first()).toBeVisible();
	},
	'/prechecks': async (page) => {
		await home(page);
		await page.getByTestId('prechecks-entry').click();
		await expect(page.getByTestId('item-hits')).toBeVisible();
		await page.getByTestId('item-search').fill('qqqqzzzz');
		await expect(page.getByTestId('search-no-match')).toBeVisible();
	},
	'/prechecks/new/[item]': async (page) => {
		await page.goto('/prechecks');
		await waitUntilSynced(page);
		await openCompanyForm(page);
		// Everything unanswered, then a reason to choose and one to type.
		await page.getByTestId('precheck-submit').click();
		await expect(page.getByTestId('precheck-failure')).toBeVisible();
		await material(page, 'articles').getByTestId('mark-unacceptable').check({ force: true });
		await material(page, 'articles').getByTestId('reason-other').check({ force: true });
		await expect(material(page, 'articles').getByTestId('reason-typed')).toBeVisible();
		await page.getByText(zh['precheck.applicantSection']).click();
		await expect(page.getByTestId('applicant-name')).toBeVisible();
	},
	'/prechecks/[id]': async (page) => {
		await makeNotice(page, 'zh_en');
		await page.getByTestId('show-applicant').click();
		await expect(page.getByTestId('show-applicant')).toHaveAttribute('aria-pressed', 'true');
	},
	'/prechecks/[id]/recheck': async (page) => {
		await makeNotice(page, 'zh');
		await page.getByTestId('precheck-recheck').click();
		await expect(page.getByTestId('open-point')).toHaveCount(3);
		await page.getByTestId('add-new-gap').click();
		await page.getByTestId('pick-new-gap').first().click();
		await page.getByTestId('recheck-submit').click();
		await expect(page.getByTestId('recheck-failure')).toBeVisible();
	},
	'/incidents': async (page) => {
		await home(page);
		await page.getByTestId('incident-board-entry').click();
		await expect(page.getByRole('heading', { name: izh['incident.board.heading'] })).toBeVisible();
	},
	'/incidents/new': async (page) => {
		await reportFromHome(page, {
			category: izh['incident.category.complaint'],
			severity: izh['incident.severity.1'],
			place: '一楼大厅',
			description: ''
		});
		// The form's messages: a description and someone to call back are missing.
		await page.getByTestId('incident-submit').click();
		await expect(page.getByText(izh['incident.form.complainantRequired'])).toBeVisible();
	},
	'/incidents/[id]': async (page) => {
		await reportFromHome(page, {
			category: izh['incident.category.equipment'],
			severity: izh['incident.severity.3'],
			place: '二楼自助区',
			description: '打印机卡纸'
		});
		await page.getByTestId('incident-submit').click();
		await expect(page.getByTestId('incident-status')).toHaveAttribute('data-status', 'reported');
		// The assign form open.
		await page.getByTestId('incident-action-assign').click();
		await expect(page.getByTestId('incident-assignee')).toBeVisible();
	},
	'/incidents/limits': async (page) => {
		await page.goto('/incidents/limits');
		await page.getByTestId('limit-1-respond').fill('0');
		await page.getByTestId('incident-limits-save').click();
		await expect(page.getByTestId('limit-1-respond')).toHaveAttribute('aria-invalid', 'true');
	},
	'/n/[token]': async (page) => {
		await makeNotice(page, 'zh_en');
		await waitUntilSynced(page);
		const url = (await page.getByTestId('notice-qr').getAttribute('data-url')) ?? '';
		// The applicant's page (prechecks.spec.ts opens it on a phone that never signed in).
		await page.goto(new URL(url).pathname);
		await expect(page.getByTestId('notice-gap')).toHaveCount(3);
		await page.goto('/n/AAAAAAAAAAAAAAAAAAAAAA');
		await expect(page.getByTestId('notice-page-failure')).toBeVisible();
	},
	'/patrols': async (page) => {
		await home(page);
		await openPatrols(page);
		await expect(page.getByTestId('patrol-log-link')).toBeVisible();
	},
	'/patrols/round/[id]': async (page) => {
		await home(page);
		await waitUntilSynced(page);
		await openPatrols(page);
		await page.getByTestId('patrol-start').click();
		await expect(page.getByTestId('round-progress')).toBeVisible();
		// Picked from the list without a reason: the field says what is missing.
		await page.getByTestId('round-pick').click();
		await page.getByTestId('round-pick-open').click();
		await expect(page.getByTestId('round-pick-reason')).toHaveAttribute('aria-invalid', 'true');
		await page.getByTestId('round-pick-select').selectOption({ index: 1 });
		await page.getByTestId('round-pick-reason').fill('二维码破损');
		await page.getByTestId('round-pick-open').click();
		await expect(page.getByTestId('checklist')).toBeVisible();
		await page.getByTestId('checklist-problem').first().click();
		await page.getByTestId('checklist-save').click();
		await expect(page.getByTestId('checklist-error')).toBeVisible();
	},
	'/patrols/checkpoint/[id]': async (page) => {
		await page.goto(`/patrols/checkpoint/${CENTER_FIRST_CHECKPOINT}`);
		await waitUntilSynced(page);
		await expect(page.getByTestId('checkpoint-start')).toBeVisible();
		// Another hall's checkpoint (the station's first): this device does not have it.
		await page.goto('/patrols/checkpoint/c7000000-0000-4000-8000-000000000101');
		await expect(page.getByTestId('checkpoint-not-here')).toBeVisible();
	},
	'/patrols/checkpoints': async (page) => {
		await home(page);
		await openPatrols(page);
		await page.getByTestId('patrol-checkpoints-link').click();
		await expect(page.getByTestId('checkpoint-row').first()).toBeVisible();
	},
	'/patrols/checkpoints/[id]': async (page) => {
		await page.goto('/patrols/checkpoints/new');
		// Saved without a name: the field says so, the checklist typed so far stays.
		await page.getByTestId('checkpoint-save').click();
		await expect(page.getByTestId('checkpoint-form-error')).toBeVisible();
	},
	'/patrols/plan': async (page) => {
		await page.goto('/patrols/plan');
		await waitUntilSynced(page);
		await expect(page.getByTestId('plan-window').first()).toBeVisible();
	},
	'/patrols/posters': async (page) => {
		await page.goto('/patrols/posters');
		await waitUntilSynced(page);
		await expect(page.getByTestId('poster').first()).toBeVisible();
	},
	'/patrols/log': async (page) => {
		await page.goto('/patrols/log');
		await waitUntilSynced(page);
		await expect(page.getByTestId('log-window').first()).toBeVisible();
	},
	'/enterprises/import': async (page) => {
		await page.goto('/enterprises/import');
		await expect(page.getByTestId('enterprise-import-file')).toBeEnabled();
		// A file with a good row and a bad one: the preview, its report and the import button.
		await page.getByTestId('enterprise-import-file').setInputFiles({
			name: 'enterprises.csv',
			mimeType: 'text/csv',
			buffer: Buffer.from(
				'企业名称,统一社会信用代码,所属街道\r\n天津无障碍检查有限公司,91120105MA06A1B2CW,望海楼街道\r\n,123,和平街道\r\n'
			)
		});
		await expect(page.getByTestId('enterprise-import-bad-row')).toBeVisible();
		await expect(page.getByTestId('enterprise-import-submit')).toBeVisible();
	},
	'/enterprises': async (page) => {
		await home(page);
		await waitUntilSynced(page);
		await page.getByTestId('visits-entry').click();
		await expect(page.getByRole('heading', { name: ezh['enterprise.list.heading'] })).toBeVisible();
		await expect(page.getByTestId('enterprise-row').first()).toBeVisible();
		// Filtered to the overdue ones: each says so in words and a shape.
		await page.getByTestId('enterprise-filter-overdue').click();
		await expect(page.getByTestId('enterprise-row').first()).toHaveAttribute('data-light', 'overdue');
	},
	'/enterprises/new': async (page) => {
		await page.goto('/enterprises/new');
		// A code with a wrong check character, and the form tried: every message next to its field.
		await page.getByTestId('enterprise-credit-code').fill('91120105MA05H3KT40');
		await page.getByTestId('enterprise-save').click();
		await expect(page.getByTestId('enterprise-form-error')).toBeVisible();
		await expect(page.getByText('校验位错误：第 18 位应为“C”')).toBeVisible();
	},
	'/enterprises/[id]': async (page) => {
		await openEnterprise(page);
		// A contact shown whole, and the forms of a project and a follow-up open.
		await page.getByTestId('contact-show').first().click();
		await page.getByTestId('project-add').click();
		await page.getByTestId('follow-up-open').click();
		await expect(page.getByTestId('follow-up-open-form')).toBeVisible();
	},
	'/enterprises/[id]/edit': async (page) => {
		await openEnterprise(page);
		await page.getByTestId('enterprise-edit').click();
		await expect(page.getByTestId('enterprise-name')).not.toHaveValue('');
	},
	'/visits/new': async (page) => {
		await standNear(page.context(), 20);
		await openEnterprise(page);
		await page.getByTestId('enterprise-start-visit').click();
		await page.getByTestId('visit-copy-last').click();
		await expect(page.getByTestId('visit-start-notice')).toBeVisible();
	},
	'/visits/[id]': async (page) => {
		await standNear(page.context(), 1200);
		await openEnterprise(page);
		await page.getByTestId('enterprise-start-visit').click();
		await page.getByTestId('visit-check-in').click();
		await expect(page.getByTestId('visit-flag').first()).toBeVisible();
		// A demand with its fields, tried empty: the messages next to them.
		await page.getByTestId('visit-demand-add').click();
		await page.getByTestId('visit-save').click();
		await expect(page.getByText(vzh['visit.demand.textRequired'])).toBeVisible();
	},
	'/visits/review': async (page) => {
		await page.goto('/visits/review');
		await waitUntilSynced(page);
		await expect(page.getByTestId('review-overdue-enterprises')).toBeVisible();
	},
	'/reports': async (page) => {
		await page.goto('/reports');
		await expect(page.getByTestId('report-head')).toBeVisible();
		await expect(page.locator('[data-testid="report-chart"][data-drawn]').first()).toBeAttached();
	},
	'/reports/calendar': async (page) => {
		await page.goto('/reports/calendar');
		await expect(page.getByTestId('calendar-day').first()).toBeVisible();
		// The form's refusal, as a manager meets it: a closed weekday without its reason (nothing is saved).
		const form = page.getByTestId('calendar-form');
		await form.getByLabel(rzh['calendar.form.day']).fill('2090-01-05');
		await form.getByRole('button', { name: rzh['calendar.form.save'] }).click();
		await expect(form.getByText(rzh['calendar.problem.note_missing'])).toBeVisible();
	},
	'/reports/ledger': async (page) => {
		await page.goto('/reports/ledger');
		await expect(page.getByTestId('ledger-score')).toBeVisible();
	},
	'/reports/staff': async (page) => {
		await page.goto('/reports/staff');
		await expect(page.getByTestId('workload-row').first()).toBeVisible();
	},
	'/summaries': async (page) => {
		await page.goto('/summaries');
		await page.getByTestId('summary-save').click();
		await expect(page.getByText(azh['assessment.summary.problem.missing'])).toBeVisible();
	},
	'/follow-ups': async (page) => {
		await home(page);
		await waitUntilSynced(page);
		await page.getByTestId('follow-ups-entry').click();
		await page.getByTestId('follow-ups-view-everyone').click();
		await expect(page.getByTestId('follow-ups-owner').first()).toBeVisible();
	},
	'/follow-ups/[id]': async (page) => {
		const demand = uniqueText('希望了解人才补贴政策');
		await openEnterprise(page);
		await page.getByTestId('follow-up-open').click();
		await page.getByTestId('demand-text').fill(demand);
		await page.getByTestId('demand-owner').selectOption({ label: '刘洋' });
		await page.getByTestId('follow-up-open-submit').click();
		await page.getByTestId('follow-up-card').filter({ hasText: demand }).click();
		// A step's form open, tried without its note.
		await page.getByTestId('follow-up-action-cannot').click();
		await page.getByTestId('follow-up-step-confirm').click();
		await expect(page.getByTestId('follow-up-step-form')).toContainText(
			vzh['followUp.action.noteRequired'].replace('{what}', vzh['followUp.action.note.cannot'])
		);
	},
	[ERROR_ROUTE]: async (page) => {
		await page.goto('/no-such-page');
		await expect(page.getByRole('heading', { name: zh['error.notFound'] })).toBeVisible();
	}
};

/**
 * The visits in tours, one sign-in each: signing in and the first sync cost more than most visits, so a visit
 * starts from wherever the one before it left the page. A tour's visits run in order (the offline one last);
 * the tours run in parallel. Each visit's route must be among the screens scanned once it is done.
 */
const TOURS: Array<{ name: string; user: string | null; routes: string[] }> = [
	// The error page signed out, then the sign-in page (which signs in).
	{ name: 'signed out', user: null, routes: [ERROR_ROUTE, '/login'] },
	{
		name: 'an intake worker',
		user: 'intake@demo.hall',
		routes: [
			'/',
			'/tickets',
			'/tickets/scan',
			'/catalog/[id]/v/[versionId]',
			'/prechecks',
			'/prechecks/new/[item]',
			'/incidents/new',
			'/patrols/round/[id]',
			'/summaries',
			// Leaves the device offline with a step waiting.
			'/tickets/[id]'
		]
	},
	{
		name: 'an assist worker',
		user: 'assist@demo.hall',
		routes: [
			'/prechecks/[id]',
			'/prechecks/[id]/recheck',
			'/n/[token]',
			'/patrols/checkpoint/[id]',
			'/visits/new',
			'/visits/[id]'
		]
	},
	{
		name: 'a manager: catalog and incidents',
		user: 'manager@demo.hall',
		routes: [
			'/catalog',
			'/catalog/[id]',
			'/catalog/[id]/edit',
			'/catalog/new',
			'/catalog/import',
			'/incidents',
			'/incidents/[id]',
			'/incidents/limits'
		]
	},
	{
		name: 'a manager: patrols',
		user: 'manager@demo.hall',
		routes: [
			'/patrols',
			'/patrols/checkpoints',
			'/patrols/checkpoints/[id]',
			'/patrols/plan',
			'/patrols/posters',
			'/patrols/log',
			'/reports',
			'/reports/calendar',
			'/reports/ledger',
			'/reports/staff'
		]
	},
	{
		name: 'a manager: enterprises and visits',
		user: 'manager@demo.hall',
		routes: [
			'/enterprises/import',
			'/enterprises',
			'/enterprises/new',
			'/enterprises/[id]',
			'/enterprises/[id]/edit',
			'/visits/review',
			'/follow-ups',
			'/follow-ups/[id]'
		]
	}
];

test('every route of the app has a visit here, in exactly one tour', () => {
	const routes = [...appRoutes().map((route) => route.id), ERROR_ROUTE];
	expect(Object.keys(VISITS).sort()).toEqual(routes.sort());
	expect(TOURS.flatMap((tour) => tour.routes).sort()).toEqual(routes.sort());
});

for (const tour of TOURS) {
	test(`the screens of ${tour.name} are scanned on the phone and the desktop`, async ({ page, a11y }) => {
		// A visit and the scans of each new screen at two viewports, on a shared 2-core machine.
		test.setTimeout(60_000 + 30_000 * tour.routes.length);
		if (tour.user) {
			await signIn(page, tour.user);
			await waitUntilSynced(page);
		}
		for (const route of tour.routes) {
			const visit = VISITS[route];
			if (!visit) throw new Error(`no visit for ${route}`);
			await test.step(route, async () => {
				await visit(page);
				expect(await a11y.scanNow()).toContain(route);
			});
		}
	});
}
