import type { BrowserContext, Page } from '@playwright/test';

/** What the probe keeps in the page (window.__cameraProbe). */
interface Probe {
	requests: number;
	tracks: MediaStreamTrack[];
	hold(): void;
	release(): void;
}

type ProbedWindow = Window & { __cameraProbe: Probe };

/**
 * Wraps getUserMedia in every page of `context`: each camera track handed out is kept so a test can check it was
 * stopped (the camera light went off), and after `holdCamera` the next camera requests wait until
 * `releaseCamera`: a camera that is slow to start, as a phone's often is.
 */
export async function probeCamera(context: BrowserContext): Promise<void> {
	await context.addInitScript(() => {
		const media = navigator.mediaDevices;
		if (!media) return;
		const original = media.getUserMedia.bind(media);
		let gate: Promise<void> = Promise.resolve();
		let open: () => void = () => undefined;
		const probe: Probe = {
			requests: 0,
			tracks: [],
			hold() {
				gate = new Promise((resolve) => (open = resolve));
			},
			release() {
				open();
				gate = Promise.resolve();
			}
		};
		(window as unknown as ProbedWindow).__cameraProbe = probe;
		media.getUserMedia = async (constraints) => {
			probe.requests += 1;
			await gate;
			const stream = await original(constraints);
			probe.tracks.push(...stream.getTracks());
			return stream;
		};
	});
}

export async function holdCamera(page: Page): Promise<void> {
	await page.evaluate(() => (window as unknown as ProbedWindow).__cameraProbe.hold());
}

export async function releaseCamera(page: Page): Promise<void> {
	await page.evaluate(() => (window as unknown as ProbedWindow).__cameraProbe.release());
}

/** How many times the page asked for the camera. */
export function cameraRequests(page: Page): Promise<number> {
	return page.evaluate(() => (window as unknown as ProbedWindow).__cameraProbe.requests);
}

/** Camera tracks handed out to the page, and how many of them are still running. */
export function cameraTracks(page: Page): Promise<{ total: number; live: number }> {
	return page.evaluate(() => {
		const { tracks } = (window as unknown as ProbedWindow).__cameraProbe;
		return { total: tracks.length, live: tracks.filter((track) => track.readyState === 'live').length };
	});
}
