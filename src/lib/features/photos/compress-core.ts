import { PHOTO_LIMITS } from '$lib/domain/photo';

/**
 * Compression of one photo (docs/PATROL.md, "Photos"): decoded with its EXIF orientation applied, scaled so the
 * long side is at most 1600 px, re-encoded as JPEG (which keeps no metadata: no EXIF, no location), the quality
 * stepped down until the file is at most 300 kB where the picture allows. Runs in a worker (OffscreenCanvas) or, where
 * there is none, on the main thread. Self-contained, so a test can bundle it for a bare page.
 */

/** Larger files are refused before decoding: a phone photo is 2-12 MB; 30 MB is a mistake or a panorama. */
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;
/** The size aimed at: a hall's Wi-Fi uploads it in a second, a device keeps thousands. */
export const TARGET_BYTES = 300 * 1024;
/** From the best quality down; the last one is used even if the file stays above the target. */
export const QUALITY_STEPS = [0.85, 0.75, 0.65, 0.55, 0.45] as const;

export type CompressionRefusal = 'not_image' | 'too_big' | 'undecodable';

export class PhotoCompressionError extends Error {
	constructor(
		readonly reason: CompressionRefusal,
		message: string
	) {
		super(message);
		this.name = 'PhotoCompressionError';
	}
}

export interface CompressedPhoto {
	blob: Blob;
	width: number;
	height: number;
}

/** The size that fits `maxSide` on the long side, keeping the proportions (never enlarged). */
export function fittedSize(
	width: number,
	height: number,
	maxSide: number
): { width: number; height: number } {
	const scale = Math.min(1, maxSide / Math.max(width, height));
	return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** The checks that need no decoding: what the file says it is, and its size. */
export function checkInput(file: Blob): void {
	// Some galleries hand over photos with no type (HEIC, files from a chat app): the decoder decides for those.
	if (file.type !== '' && !file.type.startsWith('image/'))
		throw new PhotoCompressionError('not_image', `Not an image: ${file.type}`);
	if (file.size > MAX_INPUT_BYTES)
		throw new PhotoCompressionError('too_big', `Larger than ${MAX_INPUT_BYTES} bytes: ${file.size}`);
}

type Canvas2d = {
	canvas: OffscreenCanvas | HTMLCanvasElement;
	context: OffscreenCanvasRenderingContext2D | CanvasRenderingContext2D;
};

function canvasOf(width: number, height: number): Canvas2d {
	if (typeof OffscreenCanvas !== 'undefined') {
		const canvas = new OffscreenCanvas(width, height);
		const context = canvas.getContext('2d');
		if (context) return { canvas, context };
	}
	const canvas = document.createElement('canvas');
	canvas.width = width;
	canvas.height = height;
	const context = canvas.getContext('2d');
	if (!context) throw new Error('No 2D canvas on this device');
	return { canvas, context };
}

function encodeJpeg(canvas: OffscreenCanvas | HTMLCanvasElement, quality: number): Promise<Blob> {
	if ('convertToBlob' in canvas) return canvas.convertToBlob({ type: 'image/jpeg', quality });
	return new Promise((resolve, reject) =>
		canvas.toBlob(
			(blob) => (blob ? resolve(blob) : reject(new Error('JPEG encoding failed'))),
			'image/jpeg',
			quality
		)
	);
}

/** Compresses `file`, or throws a PhotoCompressionError saying why it cannot be used. */
export async function compressImage(file: Blob): Promise<CompressedPhoto> {
	checkInput(file);
	let bitmap: ImageBitmap;
	try {
		// 'from-image': the EXIF orientation turns the pixels, so the photo stands as it was taken.
		bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
	} catch (error) {
		throw new PhotoCompressionError('undecodable', `Cannot decode: ${String(error)}`);
	}
	try {
		const size = fittedSize(bitmap.width, bitmap.height, PHOTO_LIMITS.maxSide);
		const { canvas, context } = canvasOf(size.width, size.height);
		// A JPEG has no transparency: a transparent PNG's background becomes white rather than black.
		context.fillStyle = '#fff';
		context.fillRect(0, 0, size.width, size.height);
		context.imageSmoothingQuality = 'high';
		context.drawImage(bitmap, 0, 0, size.width, size.height);
		let blob: Blob | undefined;
		for (const quality of QUALITY_STEPS) {
			blob = await encodeJpeg(canvas, quality);
			if (blob.size <= TARGET_BYTES) break;
		}
		if (!blob || blob.size > PHOTO_LIMITS.maxBytes)
			throw new PhotoCompressionError('undecodable', 'The photo stays too large after compression');
		return { blob, width: size.width, height: size.height };
	} finally {
		bitmap.close();
	}
}
