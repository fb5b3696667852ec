import type { HandleClientError } from '@sveltejs/kit';

/**
 * SvelteKit's default logs every error, a link to a page that does not exist (404) included. That one is the error
 * page's business, not a failure of the app; real failures still reach the console, where the e2e suite counts
 * them (tests/e2e/support/page-problems.ts).
 */
export const handleError: HandleClientError = ({ error, status, message }) => {
	if (status !== 404) console.error(error);
	return { message };
};
