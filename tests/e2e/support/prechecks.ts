/**
 * Steps of the pre-check screens shared by the pre-check spec and the accessibility visits, on the demo catalog's
 * 公司设立登记 (HB-QYKB-0001, supabase/seed-catalog.sql): no situations; three yes/no questions (agent,
 * prior_permit, foreign_shareholder); five required materials, one optional, four conditional.
 */
import { expect, type Page } from '@playwright/test';
import { zh } from './messages';

export const COMPANY = { code: 'HB-QYKB-0001', name: '公司设立登记', query: 'gssl' } as const;

/** Until the device has pushed and pulled: its notice-number code and the hall's catalog are on it. */
export async function waitUntilSynced(page: Page): Promise<void> {
	await expect(page.getByTestId('sync-status')).toHaveText(zh['sync.statusSynced'], { timeout: 30_000 });
}

/**
 * On a pre-check's page: waits until the server has it (its own "pending" mark is gone). The header's "synced" is
 * not enough right after a save: it can still show for the moment before the outbox count catches up.
 */
export async function waitUntilSaved(page: Page): Promise<void> {
	await expect(page.getByTestId('precheck-status')).not.toContainText(zh['tickets.pending'], {
		timeout: 30_000
	});
}

/** From the pre-check start screen: finds the item by its pinyin initials and opens its form. */
export async function openCompanyForm(page: Page): Promise<void> {
	await page.getByTestId('item-search').fill(COMPANY.query);
	await page.locator(`[data-testid="item-hit"][data-code="${COMPANY.code}"]`).first().click();
	await expect(page.getByRole('heading', { level: 1, name: COMPANY.name })).toBeVisible();
}

/** Answers the item's questions: `agent` as given, the others no. */
export async function answerQuestions(page: Page, agent: boolean): Promise<void> {
	await page.getByTestId(`question-agent-${agent ? 'yes' : 'no'}`).check();
	await page.getByTestId('question-prior_permit-no').check();
	await page.getByTestId('question-foreign_shareholder-no').check();
}

export const material = (page: Page, key: string) =>
	page.locator(`[data-testid="mark-material"][data-key="${key}"]`);

/** An incomplete first visit of 公司设立登记 by an agent: three gaps, one with a hostile typed reason. */
export const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">';

export async function markThreeGaps(page: Page): Promise<void> {
	await answerQuestions(page, true);
	// Not acceptable for one of the material's own reasons.
	await material(page, 'application_form').getByTestId('mark-unacceptable').check();
	await material(page, 'application_form').getByRole('radio', { name: '使用旧版表格' }).check();
	await material(page, 'power_of_attorney').getByTestId('mark-missing').check();
	// Not acceptable with a typed reason that looks like markup.
	await material(page, 'agent_id_card').getByTestId('mark-unacceptable').check();
	await material(page, 'agent_id_card').getByTestId('reason-other').check();
	await material(page, 'agent_id_card').getByTestId('reason-typed').fill(HOSTILE);
	await page.getByTestId('mark-rest-present').click();
}

/** Makes the incomplete pre-check of 公司设立登记 with the applicant's details; ends on its page, notice shown. */
export async function makeNotice(page: Page, language: 'zh' | 'zh_en'): Promise<void> {
	await page.goto('/prechecks');
	await openCompanyForm(page);
	await markThreeGaps(page);
	await page.getByText(zh['precheck.applicantSection']).click();
	await page.getByTestId('applicant-name').fill('张三明');
	await page.getByTestId('applicant-phone').fill('13812345678');
	await page.getByTestId(`language-${language}`).check();
	await expect(page.getByTestId('precheck-result')).toHaveAttribute('data-result', 'incomplete');
	await page.getByRole('button', { name: zh['precheck.makeNotice'] }).click();
	await expect(page).toHaveURL(/\/prechecks\/[0-9a-f-]{36}$/);
	await expect(page.getByTestId('notice')).toBeVisible();
}
