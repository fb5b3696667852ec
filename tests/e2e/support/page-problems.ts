import type { Browser, BrowserContext, ConsoleMessage, WebError } from '@playwright/test';

/**
 * Console lines that only say a request never reached the server. Offline and error-path tests cause those on
 * purpose and assert how the app copes, so the lines themselves say nothing more.
 */
const NETWORK_FAILURE_LINES = [
	// The browser's own line for every failed request.
	/^Failed to load resource: /,
	// supabase-js's auth client logs the bare fetch error of a request that could not be sent, then returns an
	// AuthRetryableFetchError, which the app handles (and the tests check). The app logs no fetch error bare.
	/^TypeError: Failed to fetch\b/
];

/**
 * What went wrong inside the pages of one test, whatever the test itself asserts:
 * - every uncaught exception and unhandled promise rejection (`weberror`: every page of a watched context);
 * - every console error except NETWORK_FAILURE_LINES. The app's own console.error calls mark real failures (a
 *   sync that broke, a worker that did not register, a local write that failed), so they count.
 */
export class PageProblems {
	readonly problems: string[] = [];
	private readonly detachers: Array<() => void> = [];
	private readonly expected: { pattern: RegExp; seen: boolean }[] = [];

	/** A console error the test causes on purpose: not a problem when it comes, and one when it never does. */
	expectConsoleError(pattern: RegExp): void {
		this.expected.push({ pattern, seen: false });
	}

	/** Watches this context's pages, present and future. */
	watchContext(context: BrowserContext): void {
		const onError = (error: WebError) => this.problems.push(describeWebError(error));
		const onConsole = (message: ConsoleMessage) => {
			if (message.type() !== 'error') return;
			const text = message.text();
			if (NETWORK_FAILURE_LINES.some((pattern) => pattern.test(text))) return;
			const expected = this.expected.find((line) => line.pattern.test(text));
			if (expected) {
				expected.seen = true;
				return;
			}
			this.problems.push(`console.error on ${message.page()?.url() ?? 'a worker'}: ${text}`);
		};
		context.on('weberror', onError);
		context.on('console', onConsole);
		this.detachers.push(() => {
			context.off('weberror', onError);
			context.off('console', onConsole);
		});
	}

	/** Watches every context this browser opens from now on. */
	watchBrowser(browser: Browser): void {
		const onContext = (context: BrowserContext) => this.watchContext(context);
		browser.on('context', onContext);
		this.detachers.push(() => browser.off('context', onContext));
	}

	detach(): void {
		for (const detach of this.detachers.splice(0)) detach();
		for (const line of this.expected.splice(0))
			if (!line.seen) this.problems.push(`the console error the test expected never came: ${line.pattern}`);
	}
}

function describeWebError(webError: WebError): string {
	const error = webError.error();
	const where = webError.page()?.url() ?? 'a page';
	const stack = (error.stack ?? '').split('\n').slice(1, 4).join('\n');
	return `uncaught on ${where}: ${error.name}: ${error.message}${stack ? `\n${stack}` : ''}`;
}
