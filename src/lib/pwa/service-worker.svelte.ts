/**
 * The service worker's registration and whether a new version is waiting.
 *
 * `registerType: 'prompt'` and no unconditional skipWaiting (DECISIONS §2.13): a new version only takes over when
 * the user taps "update", so a form being filled in at the counter is never reloaded away.
 */
class ServiceWorkerState {
	registered = $state(false);
	updateWaiting = $state(false);

	#activateWaiting: ((reloadPage?: boolean) => Promise<void>) | undefined;
	#registering = false;

	/**
	 * Registers the worker. Its helper (workbox-window) is imported here rather than with the app: nothing on
	 * screen needs it, so it stays off the first paint's critical path.
	 */
	async register(): Promise<void> {
		if (this.#registering || !('serviceWorker' in navigator)) return;
		this.#registering = true;
		let registerSW: typeof import('virtual:pwa-register').registerSW;
		try {
			({ registerSW } = await import('virtual:pwa-register'));
		} catch (error) {
			// Not fatal (see onRegisterError below); the next start of the app tries again.
			this.#registering = false;
			console.error('Service worker registration failed', error);
			return;
		}
		this.#activateWaiting = registerSW({
			immediate: true,
			onRegisteredSW: () => {
				this.registered = true;
			},
			onNeedRefresh: () => {
				this.updateWaiting = true;
			},
			onRegisterError: (error: unknown) => {
				// Not fatal: the app works online without it; the console is where a developer looks.
				console.error('Service worker registration failed', error);
			}
		});
	}

	/**
	 * Registers the worker once the page has loaded and the browser is idle (or within two seconds of the load).
	 * Nothing on the first screen needs it, and started with the first render its helper's import and the
	 * registration ran in the same task as the screen's first layout (a long task on a phone's CPU); the worker's
	 * install then fetches the whole app for offline use, which would otherwise compete with the first screen's own
	 * requests on a slow network.
	 */
	registerWhenIdle(): void {
		const register = (): void => {
			if ('requestIdleCallback' in globalThis)
				requestIdleCallback(() => void this.register(), { timeout: 2000 });
			else setTimeout(() => void this.register(), 0);
		};
		if (document.readyState === 'complete') register();
		else addEventListener('load', register, { once: true });
	}

	/** Lets the waiting worker take over; the page reloads once it controls the page. */
	async update(): Promise<void> {
		this.updateWaiting = false;
		await this.#activateWaiting?.(true);
	}

	dismiss(): void {
		this.updateWaiting = false;
	}
}

export const serviceWorker = new ServiceWorkerState();
