import { hallDate } from '../../src/lib/domain/hall-time';
import { expect, phoneContext, signIn, test, zh, type Page } from './fixtures';
import { serverRecord } from './support/server-view';

// A ticket scanned by mistake can be taken back by whoever opened it; a record with a colleague's work in it only
// by a manager. Accounts used only here.
const OPENER = 'huling@demo.hall';
const COLLEAGUE = 'guopeng@demo.hall';
const MANAGER = 'gaofeng@demo.hall';

/** A ticket number no earlier run on this stack used (tests may be repeated). */
function uniqueTicket(letter: string): string {
	return `${letter}${String(Math.floor(Math.random() * 1000)).padStart(3, '0')}`;
}

async function openTicket(page: Page, ticketNo: string): Promise<void> {
	await page.goto('/tickets/scan');
	await page.getByLabel(zh['scan.manualLabel']).fill(ticketNo);
	await page.getByTestId('manual-submit').click();
	await expect(page.getByTestId('record-ticket')).toHaveText(ticketNo);
}

test('the first responder deletes a ticket opened by mistake; it leaves the list and the server', async ({
	page
}) => {
	const ticket = uniqueTicket('D');
	await signIn(page, OPENER);
	await openTicket(page, ticket);
	page.once('dialog', (dialog) => void dialog.accept());
	await page.getByTestId('record-delete').click();
	await expect(page).toHaveURL(/\/tickets$/);
	await expect(page.locator(`[data-testid="record-item"][data-ticket="${ticket}"]`)).toHaveCount(0);
	await expect.poll(() => serverRecord(MANAGER, ticket, hallDate()), { timeout: 20_000 }).toBeNull();
});

test('a colleague is not offered to delete someone else’s record; a manager is', async ({
	page,
	browser,
	baseURL
}) => {
	// Three people sign in one after another.
	test.setTimeout(90_000);
	const ticket = uniqueTicket('E');
	await signIn(page, OPENER);
	await openTicket(page, ticket);
	await page.getByTestId('add-event-consult').click();
	await expect(page.getByTestId('timeline-event')).toHaveAttribute('data-pending', 'false', {
		timeout: 20_000
	});

	for (const [email, offered] of [
		[COLLEAGUE, false],
		[MANAGER, true]
	] as const) {
		const other = await (await phoneContext(browser, baseURL)).newPage();
		await signIn(other, email);
		await other.getByTestId('tickets-entry').click();
		await other.locator(`[data-testid="record-item"][data-ticket="${ticket}"]`).click({ timeout: 20_000 });
		await expect(other.getByTestId('record-ticket')).toHaveText(ticket);
		await expect(other.getByTestId('record-delete')).toHaveCount(offered ? 1 : 0);
		await other.context().close();
	}
});
