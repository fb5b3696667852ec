import { installPhotoTools, type PhotoSpec } from '../support/photo-compression';
import { expect, test, type Page } from './fixtures';

// The device's photo compression (src/lib/features/photos/compress-core.ts) in Chromium, on the app's own page:
// orientation, size, metadata and refusals, with photos drawn in the page (not committed binaries). Everything
// stays in the page; only the findings come back.

/** Drawing and compressing a 12-MP photo takes seconds on a loaded machine, more than the default 30 s in all. */
test.describe.configure({ timeout: 120_000 });

type Input = { photo: PhotoSpec } | { zeros: number } | { text: string } | { corrupt: number };

interface Finding {
	ok: boolean;
	reason?: string;
	inputBytes?: number;
	inputMarkers?: number[];
	bytes?: number;
	width?: number;
	height?: number;
	markers?: number[];
	exifText?: boolean;
	/** [r, g, b] of the output at the top centre and the bottom centre. */
	top?: number[];
	bottom?: number[];
}

async function pageWithCompression(page: Page): Promise<void> {
	await page.goto('/login');
	await page.getByTestId('login-form').waitFor();
	await installPhotoTools(page);
}

/** Makes the input in the page and compresses it there with the app's compressImage. */
function compress(page: Page, input: Input, type: string): Promise<Finding> {
	return page.evaluate(
		async ({ input, type }) => {
			type Tools = {
				photoCompression: typeof import('../../src/lib/features/photos/compress-core');
				makePhoto: typeof import('../support/photo-compression').makePhotoInPage;
				jpegMarkers: typeof import('../support/photo-compression').jpegMarkersInPage;
			};
			const tools = window as unknown as Tools;
			let body: Uint8Array<ArrayBuffer>;
			if ('photo' in input) body = await tools.makePhoto(input.photo);
			else if ('zeros' in input) body = new Uint8Array(input.zeros);
			else if ('text' in input) body = new TextEncoder().encode(input.text);
			else {
				body = new Uint8Array(input.corrupt);
				body.set([0xff, 0xd8, 0xff, 0xe0]);
				for (let index = 4; index < body.length; index++) body[index] = (index * 37) % 256;
			}
			const inputFinding = {
				inputBytes: body.length,
				inputMarkers: 'photo' in input ? tools.jpegMarkers(body) : []
			};
			try {
				const photo = await tools.photoCompression.compressImage(new Blob([body], { type }));
				const bytes = new Uint8Array(await photo.blob.arrayBuffer());
				const bitmap = await createImageBitmap(photo.blob, { imageOrientation: 'none' });
				const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
				const context = canvas.getContext('2d')!;
				context.drawImage(bitmap, 0, 0);
				const pixel = (y: number) => [...context.getImageData(bitmap.width / 2, y, 1, 1).data.slice(0, 3)];
				return {
					ok: true,
					...inputFinding,
					bytes: bytes.length,
					width: photo.width,
					height: photo.height,
					markers: tools.jpegMarkers(bytes),
					exifText: new TextDecoder('latin1').decode(bytes).includes('Exif'),
					top: pixel(5),
					bottom: pixel(bitmap.height - 5)
				};
			} catch (error) {
				return { ok: false, reason: (error as { reason?: string }).reason ?? String(error) };
			}
		},
		{ input, type }
	);
}

test('a photo taken sideways (EXIF orientation 6) comes out upright', async ({ page }) => {
	await pageWithCompression(page);
	// Landscape pixels, left half red, right half blue; orientation 6 means "turn 90° clockwise to view".
	const result = await compress(page, { photo: { width: 400, height: 200, orientation: 6 } }, 'image/jpeg');
	expect(result).toMatchObject({ ok: true, width: 200, height: 400 });
	// Turned clockwise, the left (red) half is on top and the right (blue) half below.
	expect(result.top?.[0]).toBeGreaterThan(200);
	expect(result.top?.[2]).toBeLessThan(60);
	expect(result.bottom?.[2]).toBeGreaterThan(200);
	expect(result.bottom?.[0]).toBeLessThan(60);
});

test('a 12-megapixel photo comes out 1600 px on the long side and at most 300 kB', async ({ page }) => {
	await pageWithCompression(page);
	const result = await compress(page, { photo: { width: 4000, height: 3000, detailed: true } }, 'image/jpeg');
	expect(result.inputBytes).toBeGreaterThan(1_000_000);
	expect(result).toMatchObject({ ok: true, width: 1600, height: 1200 });
	expect(result.bytes).toBeLessThanOrEqual(300 * 1024);
});

test('metadata is stripped: a photo with a GPS position comes out with no EXIF segment', async ({ page }) => {
	await pageWithCompression(page);
	const result = await compress(
		page,
		{ photo: { width: 800, height: 600, orientation: 1, gps: true } },
		'image/jpeg'
	);
	expect(result.inputMarkers).toContain(0xe1);
	expect(result.ok).toBe(true);
	expect(result.markers).not.toContain(0xe1);
	expect(result.exifText).toBe(false);
});

test('a file that is not an image, one over 30 MB and a corrupt JPEG are refused, each with its reason', async ({
	page
}) => {
	await pageWithCompression(page);
	expect(await compress(page, { text: '这不是照片' }, 'text/plain')).toEqual({
		ok: false,
		reason: 'not_image'
	});
	expect(await compress(page, { zeros: 30 * 1024 * 1024 + 1 }, 'image/jpeg')).toEqual({
		ok: false,
		reason: 'too_big'
	});
	expect(await compress(page, { corrupt: 2_000 }, 'image/jpeg')).toEqual({
		ok: false,
		reason: 'undecodable'
	});
	// No type at all (as some galleries hand files over): the decoder decides.
	expect(await compress(page, { corrupt: 2_000 }, '')).toEqual({ ok: false, reason: 'undecodable' });
});
