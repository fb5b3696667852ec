import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/**
 * The app's photo compression (src/lib/features/photos/compress-core.ts) bundled for a bare browser page, and the
 * photos to feed it, made in the page (canvas-drawn JPEGs, an EXIF segment put in by hand): no binary fixtures in
 * the repository. Shared by tests/e2e/photo-compression.spec.ts and the compression bench.
 */

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** A script that defines `window.photoCompression` = the module's exports (run it with page.evaluate). */
export async function compressionBundle(): Promise<string> {
	const result = await build({
		entryPoints: [path.join(root, 'src/lib/features/photos/compress-core.ts')],
		bundle: true,
		write: false,
		format: 'iife',
		globalName: 'photoCompression',
		target: 'es2022',
		alias: { $lib: path.join(root, 'src/lib') },
		logLevel: 'silent'
	});
	return `${result.outputFiles[0]?.text ?? ''};window.photoCompression = photoCompression;`;
}

/** What `makePhoto` draws: a plain picture, or one with EXIF (an orientation, and a GPS position if asked). */
export interface PhotoSpec {
	width: number;
	height: number;
	/** EXIF Orientation (1-8) to write into an APP1 segment, or none. */
	orientation?: number;
	/** Adds a GPS IFD (latitude reference) to the EXIF segment. */
	gps?: boolean;
	/** A photo-like picture (gradients, shapes, a little noise) instead of two flat halves (left red, right blue). */
	detailed?: boolean;
}

/**
 * Runs in the page (installed by `installPhotoTools`): draws the picture, encodes it as JPEG and inserts an APP1
 * (EXIF) segment right after SOI. The bytes stay in the page: megabytes through page.evaluate would take longer than
 * the compression measured.
 */
export async function makePhotoInPage(spec: PhotoSpec): Promise<Uint8Array<ArrayBuffer>> {
	const canvas = new OffscreenCanvas(spec.width, spec.height);
	const context = canvas.getContext('2d')!;
	if (spec.detailed) {
		const gradient = context.createLinearGradient(0, 0, spec.width, spec.height);
		gradient.addColorStop(0, '#87a9c9');
		gradient.addColorStop(0.5, '#e8d8b0');
		gradient.addColorStop(1, '#5d7a4a');
		context.fillStyle = gradient;
		context.fillRect(0, 0, spec.width, spec.height);
		let seed = 42;
		const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
		for (let shape = 0; shape < 400; shape++) {
			context.fillStyle = `hsla(${Math.floor(random() * 360)}, 45%, ${30 + random() * 40}%, 0.6)`;
			context.beginPath();
			context.arc(
				random() * spec.width,
				random() * spec.height,
				10 + random() * spec.width * 0.05,
				0,
				Math.PI * 2
			);
			context.fill();
		}
		// A camera sensor's grain, faint: real photos are never flat.
		const grain = context.getImageData(0, 0, spec.width, spec.height);
		for (let index = 0; index < grain.data.length; index += 4) {
			const noise = (random() - 0.5) * 12;
			for (let channel = index; channel < index + 3; channel++)
				grain.data[channel] = grain.data[channel]! + noise;
		}
		context.putImageData(grain, 0, 0);
	} else {
		context.fillStyle = '#ff0000';
		context.fillRect(0, 0, spec.width / 2, spec.height);
		context.fillStyle = '#0000ff';
		context.fillRect(spec.width / 2, 0, spec.width / 2, spec.height);
	}
	const jpeg = new Uint8Array(
		await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer()
	);
	if (spec.orientation === undefined && !spec.gps) return jpeg;

	// TIFF, little-endian: IFD0 with Orientation (and a GPS IFD pointer), then the GPS IFD.
	const entries: [number, number, number, number][] = [[0x0112, 3, 1, spec.orientation ?? 1]];
	if (spec.gps) entries.push([0x8825, 4, 1, 0]); // offset filled below
	const ifd0Size = 2 + entries.length * 12 + 4;
	const gpsOffset = 8 + ifd0Size;
	const tiff = new DataView(new ArrayBuffer(gpsOffset + (spec.gps ? 2 + 12 + 4 : 0)));
	tiff.setUint16(0, 0x4949);
	tiff.setUint16(2, 42, true);
	tiff.setUint32(4, 8, true);
	tiff.setUint16(8, entries.length, true);
	entries.forEach(([tag, type, count, value], index) => {
		const at = 10 + index * 12;
		tiff.setUint16(at, tag, true);
		tiff.setUint16(at + 2, type, true);
		tiff.setUint32(at + 4, count, true);
		if (type === 3) tiff.setUint16(at + 8, value, true);
		else tiff.setUint32(at + 8, tag === 0x8825 ? gpsOffset : value, true);
	});
	if (spec.gps) {
		tiff.setUint16(gpsOffset, 1, true);
		tiff.setUint16(gpsOffset + 2, 0x0001, true); // GPSLatitudeRef
		tiff.setUint16(gpsOffset + 4, 2, true); // ASCII
		tiff.setUint32(gpsOffset + 6, 2, true);
		tiff.setUint8(gpsOffset + 10, 'N'.charCodeAt(0));
	}
	const exif = [...new TextEncoder().encode('Exif'), 0, 0, ...new Uint8Array(tiff.buffer)];
	const length = exif.length + 2;
	const out = new Uint8Array(6 + exif.length + jpeg.length - 2);
	out.set([0xff, 0xd8, 0xff, 0xe1, length >> 8, length & 0xff]);
	out.set(exif, 6);
	out.set(jpeg.subarray(2), 6 + exif.length);
	return out;
}

/** Runs in the page: the JPEG segments' markers up to the image data (e.g. 0xe0 for JFIF, 0xe1 for EXIF). */
export function jpegMarkersInPage(bytes: Uint8Array): number[] {
	const markers: number[] = [];
	let at = 2;
	while (at + 4 <= bytes.length && bytes[at] === 0xff) {
		const marker = bytes[at + 1]!;
		markers.push(marker);
		if (marker === 0xda) break; // start of scan: the picture itself follows
		at += 2 + ((bytes[at + 2]! << 8) | bytes[at + 3]!);
	}
	return markers;
}

/**
 * Puts the compression bundle and the two helpers above into the page as `window.photoCompression`,
 * `window.makePhoto` and `window.jpegMarkers` (page.evaluate runs outside the page's Content-Security-Policy).
 */
export async function installPhotoTools(page: { evaluate(script: string): Promise<unknown> }): Promise<void> {
	await page.evaluate(await compressionBundle());
	// tsx (esbuild's keepNames) wraps inner functions in __name(); the page needs it as well.
	await page.evaluate('window.__name = window.__name || ((target) => target);');
	await page.evaluate(
		`window.makePhoto = ${makePhotoInPage.toString()}; window.jpegMarkers = ${jpegMarkersInPage.toString()};`
	);
}
