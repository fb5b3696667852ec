import { session } from '$lib/backend';
import type { MessageKey } from '$lib/i18n';

type Field = 'email' | 'password';

/** Deliberately loose: the server decides what an account is; this only catches obvious typos early. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const SIGN_IN_MESSAGES = {
	invalid_credentials: 'login.invalidCredentials',
	network: 'login.network',
	unexpected: 'login.unexpected'
} as const satisfies Record<string, MessageKey>;

/**
 * The sign-in form's state. Messages are catalog keys, not text, so switching the language re-translates
 * an error already on screen. What the user typed is never cleared on an error.
 */
export class LoginFormState {
	email = $state('');
	password = $state('');
	fieldErrors = $state<Partial<Record<Field, MessageKey>>>({});
	formError = $state<MessageKey | null>(null);
	submitting = $state(false);

	/** Checks the fields; returns the first one to fix, so the form can move focus there. */
	validate(): Field | null {
		const email = this.email.trim();
		const errors: Partial<Record<Field, MessageKey>> = {};
		if (!email) errors.email = 'login.emailRequired';
		else if (!EMAIL_SHAPE.test(email)) errors.email = 'login.emailInvalid';
		if (!this.password) errors.password = 'login.passwordRequired';
		this.fieldErrors = errors;
		if (errors.email) return 'email';
		return errors.password ? 'password' : null;
	}

	/** Signs in; true when it worked. */
	async submit(): Promise<boolean> {
		if (this.submitting) return false;
		this.formError = null;
		if (this.validate()) return false;
		this.submitting = true;
		try {
			const failure = await session.signIn(this.email.trim(), this.password);
			if (failure) this.formError = SIGN_IN_MESSAGES[failure];
			return failure === null;
		} finally {
			this.submitting = false;
		}
	}
}
