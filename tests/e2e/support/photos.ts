import type { Page } from '@playwright/test';

/** A camera-sized JPEG drawn in the page (3000×2000, a gradient and shapes). */
export async function cameraJpeg(page: Page): Promise<Buffer> {
	const bytes = await page.evaluate(async () => {
		const canvas = new OffscreenCanvas(3000, 2000);
		const context = canvas.getContext('2d')!;
		const gradient = context.createLinearGradient(0, 0, 3000, 2000);
		gradient.addColorStop(0, '#4a7ab0');
		gradient.addColorStop(1, '#e0c080');
		context.fillStyle = gradient;
		context.fillRect(0, 0, 3000, 2000);
		context.fillStyle = '#b71c1c';
		context.fillRect(800, 600, 900, 500);
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
		return [...new Uint8Array(await blob.arrayBuffer())];
	});
	return Buffer.from(bytes);
}
