/**
 * A fake camera for Chromium: a .y4m video (YUV4MPEG2 text header + raw I420 frames) showing one QR code,
 * written directly (no ffmpeg), for `--use-file-for-fake-video-capture`. Chromium plays it in a loop as the
 * only camera, so whatever page asks for the camera sees the QR code.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import QRCode from 'qrcode';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

const WIDTH = 640;
const HEIGHT = 480;
/** Quiet zone around the code, in modules: the QR standard asks for 4, decoders need it to find the code. */
const QUIET = 4;
const FRAMES = 5;
const BLACK = 16; // video-range luma, as a camera would deliver
const WHITE = 235;

/** The luma plane of one frame: the QR code as large as fits, centred on white paper. */
export function qrLumaFrame(text: string): Uint8Array {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	return modulesLumaFrame(modules.size, (row, column) => !!modules.get(row, column));
}

/** The luma plane of a square of `size` modules, `dark(row, column)` black, as large as fits on white paper. */
function modulesLumaFrame(size: number, dark: (row: number, column: number) => boolean): Uint8Array {
	const scale = Math.floor(Math.min(WIDTH, HEIGHT) / (size + 2 * QUIET));
	const left = Math.floor((WIDTH - size * scale) / 2);
	const top = Math.floor((HEIGHT - size * scale) / 2);
	const luma = new Uint8Array(WIDTH * HEIGHT).fill(WHITE);
	for (let y = 0; y < size * scale; y++) {
		for (let x = 0; x < size * scale; x++) {
			if (dark(Math.floor(y / scale), Math.floor(x / scale))) luma[(top + y) * WIDTH + left + x] = BLACK;
		}
	}
	return luma;
}

/** Writes a y4m video of the QR code for `text` and returns its path. */
export async function writeQrVideo(text: string): Promise<string> {
	return writeLumaVideo(qrLumaFrame(text));
}

/**
 * Writes a y4m video of a QR code some page drew (its modules as `dark[row][column]`), so a test scans the very
 * code the app generated rather than one made from the same text by another library.
 */
export async function writeModulesVideo(dark: readonly (readonly boolean[])[]): Promise<string> {
	return writeLumaVideo(modulesLumaFrame(dark.length, (row, column) => dark[row]?.[column] === true));
}

async function writeLumaVideo(luma: Uint8Array): Promise<string> {
	const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128); // grey: no colour
	const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F10:1 Ip A1:1 C420jpeg\n`, 'ascii');
	const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma, chroma]);
	const file = join(await mkdtemp(join(tmpdir(), 'hall-camera-')), 'ticket.y4m');
	await writeFile(file, Buffer.concat([header, ...Array.from({ length: FRAMES }, () => frame)]));
	return file;
}

/**
 * A browser with one fake camera: showing `video` if given (else Chromium's test pattern). With
 * `grantPermission` the camera is allowed without a prompt; without it, headless Chromium dismisses the prompt,
 * which a page sees as the user refusing (NotAllowedError). The project's own browser has no camera at all.
 */
export function launchWithCamera(options: { video?: string; grantPermission: boolean }): Promise<Browser> {
	const args = [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream'];
	if (options.grantPermission) args.push('--use-fake-ui-for-media-stream');
	if (options.video) args.push(`--use-file-for-fake-video-capture=${options.video}`);
	return chromium.launch({ executablePath: chromiumPath(), args });
}

/**
 * A y4m video that shows several QR codes one after the other, each for `secondsEach` (two frames a second),
 * in a loop: a walk past several posters with one camera.
 */
export async function writeModulesSequenceVideo(
	codes: readonly (readonly (readonly boolean[])[])[],
	secondsEach = 2
): Promise<string> {
	const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128);
	const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F2:1 Ip A1:1 C420jpeg\n`, 'ascii');
	const frames = codes.flatMap((dark) => {
		const luma = modulesLumaFrame(dark.length, (row, column) => dark[row]?.[column] === true);
		const frame = Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma, chroma]);
		return Array.from({ length: secondsEach * 2 }, () => frame);
	});
	const file = join(await mkdtemp(join(tmpdir(), 'hall-camera-')), 'posters.y4m');
	await writeFile(file, Buffer.concat([header, ...frames]));
	return file;
}
