import type { Page } from '@playwright/test';

/** A camera-sized JPEG drawn in the page (3000×2000 unless asked smaller, a gradient and shapes). */
export async function cameraJpeg(page: Page, size = { width: 3000, height: 2000 }): Promise<Buffer> {
	const bytes = await page.evaluate(async ({ width, height }) => {
		const canvas = new OffscreenCanvas(width, height);
		const context = canvas.getContext('2d')!;
		const gradient = context.createLinearGradient(0, 0, width, height);
		gradient.addColorStop(0, '#4a7ab0');
		gradient.addColorStop(1, '#e0c080');
		context.fillStyle = gradient;
		context.fillRect(0, 0, width, height);
		context.fillStyle = '#b71c1c';
		context.fillRect(width * 0.27, height * 0.3, width * 0.3, height * 0.25);
		const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.95 });
		return [...new Uint8Array(await blob.arrayBuffer())];
	}, size);
	return Buffer.from(bytes);
}
