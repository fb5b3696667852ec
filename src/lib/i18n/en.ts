import type { MessageKey } from './zh-CN';

/** English, for foreign applicants and visiting delegations looking at a staff member's screen. */
export const en: Record<MessageKey, string> = {
	'app.name': 'Hall Assist',
	'app.tagline': 'Assistant for the comprehensive service windows',

	'language.switch': 'Switch language',

	'login.pageTitle': 'Sign in - Hall Assist',
	'login.heading': 'Staff sign-in',
	'login.email': 'Email',
	'login.password': 'Password',
	'login.showPassword': 'Show password',
	'login.hidePassword': 'Hide password',
	'login.submit': 'Sign in',
	'login.submitting': 'Signing in…',
	'login.emailRequired': 'Enter your email',
	'login.emailInvalid': 'Enter an email like name@example.com',
	'login.passwordRequired': 'Enter your password',
	'login.invalidCredentials': 'Wrong email or password',
	'login.network': 'Cannot reach the server. Check the network and try again',
	'login.unexpected': 'Sign-in failed. Please try again later',

	'home.pageTitle': 'Home - Hall Assist',
	'home.greeting': 'Hello, {name}',
	'home.name': 'Name',
	'home.post': 'Post',
	'home.hall': 'Hall',
	'home.account': 'Account',
	'home.accountLine': 'Account: {email}',
	'home.loading': 'Loading your staff profile…',
	'home.cached': 'The server cannot be reached; showing the last known details',
	'home.network': 'Cannot reach the server. Check the network and try again',
	'home.unexpected': 'Could not load your staff profile. Please try again later',
	'home.retry': 'Retry',
	'home.notStaffTitle': 'This account is not registered as active staff',
	'home.notStaffBody': 'Ask a manager to give you access, or sign out and use another account.',
	'home.signOut': 'Sign out',

	'post.intake': 'Intake',
	'post.delivery': 'Result delivery',
	'post.assist': 'Consultation & assistance',
	'post.manager': 'Manager',

	'pwa.updateAvailable': 'A new version is available',
	'pwa.update': 'Update',
	'pwa.later': 'Later',

	'error.pageTitle': 'Error - Hall Assist',
	'error.notFound': 'This page does not exist',
	'error.generic': 'Something went wrong',
	'error.backHome': 'Back to home'
};
