import { preloadCode } from '$app/navigation';
import type { MessageKey } from '$lib/i18n';

type Field = 'email' | 'password';

/** Deliberately loose: the server decides what an account is; this only catches obvious typos early. */
const EMAIL_SHAPE = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

const SIGN_IN_MESSAGES = {
	invalid_credentials: 'login.invalidCredentials',
	rate_limited: 'login.rateLimited',
	network: 'login.network',
	unexpected: 'login.unexpected'
} as const satisfies Record<string, MessageKey>;

/**
 * The session and its auth client, loaded when the form is first used rather than with the page, so the form
 * paints sooner on a slow network; by the time an email and password are typed it has long arrived.
 */
const loadSession = async () => (await import('$lib/backend')).session;

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

	/**
	 * Starts loading what signing in needs, and the staff home it leads to, once the user turns to the form.
	 * A failure here (offline on a first visit) is reported by `submit`, which loads the session again.
	 */
	prepare(): void {
		loadSession()
			.then((session) => session.prepareSignIn())
			.catch(() => {});
		preloadCode('/').catch(() => {});
	}

	/** Signs in; true when it worked. */
	async submit(): Promise<boolean> {
		if (this.submitting) return false;
		this.formError = null;
		if (this.validate()) return false;
		this.submitting = true;
		try {
			const session = await loadSession().catch(() => null);
			if (!session) {
				// The app's own code could not be fetched: the same answer as a sign-in that cannot reach the server.
				this.formError = SIGN_IN_MESSAGES.network;
				return false;
			}
			const failure = await session.signIn(this.email.trim(), this.password);
			if (failure) this.formError = SIGN_IN_MESSAGES[failure];
			return failure === null;
		} finally {
			this.submitting = false;
		}
	}
}
