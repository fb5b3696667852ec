import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { qrPath } from '../../../src/lib/features/prechecks/notice/qr-path';
import { drawnPoses, modulesOfSvgPath, qrPoses } from '../../e2e/support/fake-camera';

/** The parts of zxing-js used here; its bundled typings (html5-qrcode's third_party) declare too little. */
interface ZxingJs {
	MultiFormatReader: new () => {
		setHints(hints: Map<unknown, unknown>): void;
		decode(bitmap: unknown): Text;
	};
	BinaryBitmap: new (binarizer: unknown) => unknown;
	HybridBinarizer: new (source: unknown) => unknown;
	RGBLuminanceSource: new (luma: Uint8ClampedArray, width: number, height: number) => unknown;
	DecodeHintType: { POSSIBLE_FORMATS: unknown };
	BarcodeFormat: { QR_CODE: unknown };
}
interface Text {
	getText(): string;
}

// The decoder html5-qrcode falls back to where the browser has no BarcodeDetector, as in the e2e runs.
const zxing = createRequire(import.meta.url)('html5-qrcode/third_party/zxing-js.umd.js') as ZxingJs;
const hints = new Map([[zxing.DecodeHintType.POSSIBLE_FORMATS, [zxing.BarcodeFormat.QR_CODE]]]);

/** What zxing-js reads in one 640×480 frame, or null. */
function decode(luma: Uint8Array): string | null {
	const reader = new zxing.MultiFormatReader();
	reader.setHints(hints);
	const source = new zxing.RGBLuminanceSource(new Uint8ClampedArray(luma), 640, 480);
	try {
		return reader.decode(new zxing.BinaryBitmap(new zxing.HybridBinarizer(source))).getText();
	} catch {
		return null;
	}
}

/** A notice's QR code as the app draws it (qr-path.ts), in every pose of the fake camera. */
function noticePoses(link: string): Uint8Array[] {
	const { size, d } = qrPath(link);
	return drawnPoses(modulesOfSvgPath(size, d));
}

/** Applicants' links like the e2e runs make: a port of the e2e range and a random 22-character token. */
function noticeLink(index: number): string {
	const token = createHash('sha256').update(`notice ${index}`).digest('base64url').slice(0, 22);
	return `http://127.0.0.1:${28000 + ((index * 37) % 2000)}/n/${token}`;
}

describe('the fake camera', () => {
	it('shows a notice code zxing-js misses straight on in other poses that it reads', () => {
		// Found by trying random links: this one never scanned from a still, straight-on video.
		const link = 'http://127.0.0.1:25029/n/zmrk3uuvwqVxQ6X0fO5nWd';
		const read = noticePoses(link).map(decode);
		expect(read[0]).toBeNull();
		expect(read).toContain(link);
	});

	it('every notice link, as the app draws it, is read in at least one pose', () => {
		const unread = Array.from({ length: 60 }, (_, index) => noticeLink(index)).filter(
			(link) => !noticePoses(link).map(decode).includes(link)
		);
		expect(unread).toEqual([]);
	});

	it('a queue ticket’s code, made by the qrcode library, is read in every pose', () => {
		const ticket = 'https://queue.hebei.tj.gov.cn/t?ticket=A023&date=2026-12-02';
		expect(qrPoses(ticket).map(decode)).toEqual(qrPoses(ticket).map(() => ticket));
	});
});
