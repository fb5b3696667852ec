import { zhCN as incidentZh } from '../../../src/lib/features/incidents/messages/zh-CN';
import { expect, type Page } from '../fixtures';

/** The incident screens' Chinese: tests assert on what users read, from the pack that defines it. */
export const izh = incidentZh;

/** A place no other test uses, so each test finds its own incident on the board. */
export const uniquePlace = (label: string): string => `${label} ${Math.random().toString(36).slice(2, 7)}`;

/** Reports an incident from the home's entry; ends on the new incident's page. */
export async function reportFromHome(
	page: Page,
	fields: { category: string; severity: string; place: string; description: string }
): Promise<void> {
	await page.goto('/');
	await page.getByTestId('incident-report-entry').click();
	await expect(page.getByRole('heading', { name: izh['incident.form.heading'] })).toBeVisible();
	await page
		.getByTestId('incident-category')
		.getByRole('button', { name: fields.category, exact: true })
		.click();
	await page
		.getByTestId('incident-severity')
		.getByRole('button', { name: fields.severity, exact: true })
		.click();
	await page.getByTestId('incident-place').fill(fields.place);
	await page.getByTestId('incident-description').fill(fields.description);
}

/** Opens an incident from the board by its (unique) place. */
export async function openFromBoard(page: Page, place: string): Promise<void> {
	await page.goto('/incidents');
	await page.getByTestId('incident-card').filter({ hasText: place }).click();
	await expect(page.getByTestId('incident-place-text')).toHaveText(place);
}

export async function expectStatus(page: Page, status: string): Promise<void> {
	await expect(page.getByTestId('incident-status')).toHaveAttribute('data-status', status);
}

/** Takes a step that opens a small form first (assign, resolve, reopen, callback) and confirms it. */
export async function stepWithForm(
	page: Page,
	action: 'assign' | 'resolve' | 'reopen' | 'callback',
	fill: { note?: string; assignee?: string; callback?: string }
): Promise<void> {
	await page.getByTestId(`incident-action-${action}`).click();
	if (fill.assignee) await page.getByTestId('incident-assignee').selectOption({ label: fill.assignee });
	if (fill.note) await page.getByTestId('incident-step-note').fill(fill.note);
	if (fill.callback) await page.getByTestId('incident-callback').fill(fill.callback);
	await page.getByTestId('incident-step-confirm').click();
}
