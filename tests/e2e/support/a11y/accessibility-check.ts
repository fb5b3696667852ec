import type { Browser, BrowserContext, Page, TestInfo } from '@playwright/test';
import { appRoutes } from './app-routes';
import { FAILING_IMPACTS, type Finding } from './findings';
import type { ScreenReplay } from './replay';
import { ScannedScreens } from './scanned-screens';
import { capture, currentScreen, type Capture } from './screen';

const routes = appRoutes();
/** Screens scanned in this run, in this worker or the other: a screen shown before is not scanned again. */
let scanned: ScannedScreens | undefined;

/**
 * axe on every screen a test shows, on the phone and on a desktop. Playwright runs a page's locator handlers
 * before every action and every check of an auto-waiting assertion whenever their locator is visible; <html>
 * always is, so the check sees the page exactly as the test is about to use it. A screen it has not seen is
 * captured then (a few milliseconds) and scanned after the test, in a replay of its markup (replay.ts). Serious
 * and critical findings fail the test; the others become annotations.
 */
export class AccessibilityCheck {
	readonly findings: Finding[] = [];
	private readonly captures = new Map<string, Capture>();
	private readonly pages = new Set<Page>();
	private readonly detachers: Array<() => void> = [];

	private readonly scanned: ScannedScreens;

	constructor(
		private readonly testInfo: TestInfo,
		private readonly replay: ScreenReplay
	) {
		this.scanned = scanned ??= new ScannedScreens(testInfo.project.outputDir);
	}

	/** Watches this context's pages, present and future. */
	watchContext(context: BrowserContext): void {
		for (const page of context.pages()) this.watchPage(page);
		const onPage = (page: Page) => this.watchPage(page);
		context.on('page', onPage);
		this.detachers.push(() => context.off('page', onPage));
	}

	/** Watches every context this browser opens from now on. */
	watchBrowser(browser: Browser): void {
		const onContext = (context: BrowserContext) => this.watchContext(context);
		browser.on('context', onContext);
		this.detachers.push(() => browser.off('context', onContext));
	}

	/** Looks at the last screen of each page still open, which no later action of the test looked at. */
	async lookAtOpenPages(): Promise<void> {
		for (const page of this.pages) await this.look(page);
	}

	/**
	 * Scans what the test has shown so far, its pages' current screens included; returns the routes scanned in
	 * this run, in this test or an earlier one, by either worker. The fixture calls it at the end of every test.
	 */
	async scanNow(): Promise<Set<string>> {
		await this.lookAtOpenPages();
		await this.scanned.refresh();
		for (const [key, captured] of this.captures) {
			if (this.scanned.has(key)) continue;
			this.record(await this.replay.scan(captured));
			await this.scanned.add(key, captured.screen.route);
		}
		this.captures.clear();
		return this.scanned.routes();
	}

	failing(): Finding[] {
		return this.findings.filter((finding) => FAILING_IMPACTS.has(finding.impact));
	}

	detach(): void {
		for (const detach of this.detachers.splice(0)) detach();
	}

	private watchPage(page: Page): void {
		this.pages.add(page);
		page.once('close', () => this.pages.delete(page));
		page
			.addLocatorHandler(page.locator('html'), () => this.look(page), { noWaitAfter: true })
			.catch(() => this.pages.delete(page));
	}

	private async look(page: Page): Promise<void> {
		try {
			const screen = await currentScreen(page, routes);
			if (!screen || this.scanned.has(screen.key) || this.captures.has(screen.key)) return;
			this.captures.set(screen.key, await capture(page, screen));
		} catch {
			// A page navigating or closing cannot be read; the next action looks again.
		}
	}

	private record(found: Finding[]): void {
		for (const finding of found) {
			this.findings.push(finding);
			if (!FAILING_IMPACTS.has(finding.impact)) {
				this.testInfo.annotations.push({
					type: `a11y ${finding.impact}`,
					description: `${finding.rule} on ${finding.target} (${finding.screen}, ${finding.viewport})`
				});
			}
		}
	}
}
