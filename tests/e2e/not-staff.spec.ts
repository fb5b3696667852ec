import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { expect, fillSignIn, test, zh } from './fixtures';
import { readStackInfo } from './stack-info';

/** An account that can sign in but has no staff row: what a new hire looks like before a manager adds them. */
async function createAccountWithoutStaffRow(email: string, password: string): Promise<void> {
	const client = new pg.Client({ connectionString: (await readStackInfo()).databaseUrl });
	await client.connect();
	try {
		await client.query(
			`insert into auth.users (instance_id, id, aud, role, email, encrypted_password, email_confirmed_at,
			   raw_app_meta_data, raw_user_meta_data, created_at, updated_at,
			   confirmation_token, recovery_token, email_change_token_new, email_change)
			 values ('00000000-0000-0000-0000-000000000000', $1, 'authenticated', 'authenticated', $2,
			   extensions.crypt($3, extensions.gen_salt('bf')), now(),
			   '{"provider": "email", "providers": ["email"]}', '{}', now(), now(), '', '', '', '')`,
			[randomUUID(), email, password]
		);
	} finally {
		await client.end();
	}
}

test('an account without a staff row gets a clear message and can sign out', async ({ page }) => {
	const email = `newcomer-${randomUUID().slice(0, 8)}@e2e.test`;
	await createAccountWithoutStaffRow(email, 'newcomer-pass');

	await page.goto('/login');
	await fillSignIn(page, email, 'newcomer-pass');
	await expect(page.getByTestId('not-staff')).toContainText(zh['home.notStaffTitle']);
	await expect(page.getByTestId('not-staff')).toContainText(email);

	await page.getByRole('button', { name: zh['home.signOut'] }).click();
	await expect(page).toHaveURL(/\/login$/);
});
