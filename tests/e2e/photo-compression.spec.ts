import { compressionBundle, jpegMarkersInPage, makePhotoInPage } from '../support/photo-compression';
import { expect, test, type Page } from './fixtures';

// The device's photo compression (src/lib/features/photos/compress-core.ts) in Chromium, on the app's own page:
// orientation, size, metadata and refusals, with photos drawn in the page (not committed binaries).

interface Compressed {
	ok: boolean;
	reason?: string;
	bytes?: number[];
	width?: number;
	height?: number;
	/** [r, g, b] of the output at the top centre and the bottom centre. */
	top?: number[];
	bottom?: number[];
}

async function pageWithCompression(page: Page): Promise<void> {
	await page.goto('/login');
	await page.getByTestId('login-form').waitFor();
	// evaluate runs outside the page's Content-Security-Policy, as a test harness should.
	await page.evaluate(await compressionBundle());
}

/** Compresses `input` (bytes and type) in the page with the app's compressImage. */
function compress(page: Page, bytes: number[] | { size: number }, type: string): Promise<Compressed> {
	return page.evaluate(
		async ({ bytes, type }) => {
			const { compressImage } = (window as unknown as { photoCompression: typeof import('../../src/lib/features/photos/compress-core') })
				.photoCompression;
			const body = Array.isArray(bytes) ? new Uint8Array(bytes) : new Uint8Array(bytes.size);
			try {
				const photo = await compressImage(new Blob([body], { type }));
				const bitmap = await createImageBitmap(photo.blob, { imageOrientation: 'none' });
				const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
				const context = canvas.getContext('2d')!;
				context.drawImage(bitmap, 0, 0);
				const pixel = (y: number) => [...context.getImageData(bitmap.width / 2, y, 1, 1).data.slice(0, 3)];
				return {
					ok: true,
					bytes: [...new Uint8Array(await photo.blob.arrayBuffer())],
					width: photo.width,
					height: photo.height,
					top: pixel(5),
					bottom: pixel(bitmap.height - 5)
				};
			} catch (error) {
				return { ok: false, reason: (error as { reason?: string }).reason ?? String(error) };
			}
		},
		{ bytes, type }
	);
}

test('a photo taken sideways (EXIF orientation 6) comes out upright', async ({ page }) => {
	await pageWithCompression(page);
	// Landscape pixels, left half red, right half blue; orientation 6 means "turn 90° clockwise to view".
	const sideways = await page.evaluate(makePhotoInPage, { width: 400, height: 200, orientation: 6 });
	const result = await compress(page, sideways, 'image/jpeg');
	expect(result).toMatchObject({ ok: true, width: 200, height: 400 });
	// Turned clockwise, the left (red) half is on top and the right (blue) half below.
	expect(result.top?.[0]).toBeGreaterThan(200);
	expect(result.top?.[2]).toBeLessThan(60);
	expect(result.bottom?.[2]).toBeGreaterThan(200);
	expect(result.bottom?.[0]).toBeLessThan(60);
});

test('a 12-megapixel photo comes out 1600 px on the long side and at most 300 kB', async ({ page }) => {
	await pageWithCompression(page);
	const large = await page.evaluate(makePhotoInPage, { width: 4000, height: 3000, detailed: true });
	expect(large.length).toBeGreaterThan(1_000_000);
	const result = await compress(page, large, 'image/jpeg');
	expect(result).toMatchObject({ ok: true, width: 1600, height: 1200 });
	expect(result.bytes!.length).toBeLessThanOrEqual(300 * 1024);
});

test('metadata is stripped: a photo with a GPS position comes out with no EXIF segment', async ({ page }) => {
	await pageWithCompression(page);
	const located = await page.evaluate(makePhotoInPage, { width: 800, height: 600, orientation: 1, gps: true });
	expect(await page.evaluate(jpegMarkersInPage, located)).toContain(0xe1);
	const result = await compress(page, located, 'image/jpeg');
	expect(result.ok).toBe(true);
	const markers = await page.evaluate(jpegMarkersInPage, result.bytes!);
	expect(markers).not.toContain(0xe1);
	expect(Buffer.from(result.bytes!).includes(Buffer.from('Exif'))).toBe(false);
});

test('a file that is not an image, one over 30 MB and a corrupt JPEG are refused, each with its reason', async ({
	page
}) => {
	await pageWithCompression(page);
	const text = [...Buffer.from('这不是照片')];
	expect(await compress(page, text, 'text/plain')).toEqual({ ok: false, reason: 'not_image' });
	expect(await compress(page, { size: 30 * 1024 * 1024 + 1 }, 'image/jpeg')).toEqual({
		ok: false,
		reason: 'too_big'
	});
	const corrupt = [0xff, 0xd8, 0xff, 0xe0, ...Array.from({ length: 2_000 }, (_, index) => (index * 37) % 256)];
	expect(await compress(page, corrupt, 'image/jpeg')).toEqual({ ok: false, reason: 'undecodable' });
	// No type at all (as some galleries hand files over): the decoder decides.
	expect(await compress(page, corrupt, '')).toEqual({ ok: false, reason: 'undecodable' });
});
