/**
 * A fake camera for Chromium: a .y4m video (YUV4MPEG2 text header + raw I420 frames) showing one QR code,
 * written directly (no ffmpeg), for `--use-file-for-fake-video-capture`. Chromium plays it in a loop as the
 * only camera, so whatever page asks for the camera sees the QR code.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator } from '@playwright/test';
import QRCode from 'qrcode';
import { CHROMIUM_ARGS, chromiumPath } from '../chromium';

const WIDTH = 640;
const HEIGHT = 480;
/** Quiet zone around the code, in modules: the QR standard asks for 4, decoders need it to find the code. */
const QUIET = 4;
const BLACK = 16; // video-range luma, as a camera would deliver
const WHITE = 235;
/**
 * How the paper is held, frame after frame, in degrees: a little crooked and turned, as a hand holds it.
 * html5-qrcode decodes with zxing-js where the browser has no BarcodeDetector (headless Chromium), and zxing-js
 * misses some perfect codes in any one pose: about 4 % of notice links drawn straight on, the same code every
 * frame, so a still video of such a code never scans. No code missed in all these poses (4,000 links tried);
 * fake-camera.test.ts keeps it so.
 */
export const POSES = [0, 6, 93, 186, 267, -3] as const;
/** Room for a code turned by a few degrees: its diagonal grows by up to sin + cos of the angle. */
const TURN_MARGIN = 1.12;
/** The single-code video: each pose held this many frames, at 10 frames a second. */
const FRAMES_PER_POSE = 3;

/** A square of modules: `dark(row, column)` is black. */
interface Modules {
	readonly size: number;
	dark(row: number, column: number): boolean;
}

/** The modules of the QR code for `text` as the `qrcode` library makes it (the queue machine's tickets). */
function qrModules(text: string): Modules {
	const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
	return { size: modules.size, dark: (row, column) => !!modules.get(row, column) };
}

/** The modules of a code some page drew, as `dark[row][column]`. */
function drawnModules(dark: readonly (readonly boolean[])[]): Modules {
	return { size: dark.length, dark: (row, column) => dark[row]?.[column] === true };
}

/** The luma plane of one frame: the code, turned by `degrees` about the centre, as large as fits on white paper. */
function lumaFrame(code: Modules, degrees: number): Uint8Array {
	const scale = Math.floor(Math.min(WIDTH, HEIGHT) / ((code.size + 2 * QUIET) * TURN_MARGIN));
	const half = (code.size * scale) / 2;
	const cos = Math.cos((degrees * Math.PI) / 180);
	const sin = Math.sin((degrees * Math.PI) / 180);
	const luma = new Uint8Array(WIDTH * HEIGHT).fill(WHITE);
	for (let y = 0; y < HEIGHT; y++) {
		for (let x = 0; x < WIDTH; x++) {
			// Each pixel turned back onto the paper: which module (if any) it shows.
			const dx = x - WIDTH / 2;
			const dy = y - HEIGHT / 2;
			const column = Math.floor((cos * dx + sin * dy + half) / scale);
			const row = Math.floor((cos * dy - sin * dx + half) / scale);
			const inside = row >= 0 && column >= 0 && row < code.size && column < code.size;
			if (inside && code.dark(row, column)) luma[y * WIDTH + x] = BLACK;
		}
	}
	return luma;
}

/** The code in every pose, one luma plane each. */
function posesOf(code: Modules): Uint8Array[] {
	return POSES.map((degrees) => lumaFrame(code, degrees));
}

/** The luma planes of the QR code for `text` in every pose (fake-camera.test.ts decodes them). */
export function qrPoses(text: string): Uint8Array[] {
	return posesOf(qrModules(text));
}

/** The luma planes of a code some page drew in every pose (fake-camera.test.ts decodes them). */
export function drawnPoses(dark: readonly (readonly boolean[])[]): Uint8Array[] {
	return posesOf(drawnModules(dark));
}

/** The modules of a QR code as the page drew it: an <svg> (notice, poster) whose one path is its dark modules. */
export async function drawnQrModules(svg: Locator): Promise<boolean[][]> {
	const { size, d } = await svg.evaluate((element) => ({
		size: Number(element.getAttribute('viewBox')?.split(' ')[2]),
		d: element.querySelector('path')?.getAttribute('d') ?? ''
	}));
	return modulesOfSvgPath(size, d);
}

/** The modules of a code the app drew as one SVG path of unit squares (`M{x} {y}h1v1h-1z`, qr-path.ts). */
export function modulesOfSvgPath(size: number, d: string): boolean[][] {
	const dark = Array.from({ length: size }, () => Array.from({ length: size }, () => false));
	for (const [, x, y] of d.matchAll(/M(\d+) (\d+)h1v1h-1z/g)) {
		const row = dark[Number(y)];
		if (row) row[Number(x)] = true;
	}
	return dark;
}

/** Writes a y4m video of the QR code for `text`, held in each pose in turn, and returns its path. */
export async function writeQrVideo(text: string): Promise<string> {
	return writeCodeVideo(qrModules(text));
}

/**
 * Writes a y4m video of a QR code some page drew (its modules as `dark[row][column]`), so a test scans the very
 * code the app generated rather than one made from the same text by another library.
 */
export async function writeModulesVideo(dark: readonly (readonly boolean[])[]): Promise<string> {
	return writeCodeVideo(drawnModules(dark));
}

function writeCodeVideo(code: Modules): Promise<string> {
	// Each pose drawn once and held for a few frames.
	const frames = posesOf(code).flatMap((pose) => Array.from({ length: FRAMES_PER_POSE }, () => pose));
	return writeVideo('ticket.y4m', 10, frames);
}

/** A y4m file of grey-chroma frames (YUV 4:2:0) at `fps`, in a folder of its own; returns its path. */
async function writeVideo(name: string, fps: number, lumas: readonly Uint8Array[]): Promise<string> {
	const chroma = new Uint8Array((WIDTH / 2) * (HEIGHT / 2)).fill(128); // grey: no colour
	const header = Buffer.from(`YUV4MPEG2 W${WIDTH} H${HEIGHT} F${fps}:1 Ip A1:1 C420jpeg\n`, 'ascii');
	const frames = lumas.map((luma) => Buffer.concat([Buffer.from('FRAME\n', 'ascii'), luma, chroma, chroma]));
	const file = join(await mkdtemp(join(tmpdir(), 'hall-camera-')), name);
	await writeFile(file, Buffer.concat([header, ...frames]));
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
 * A y4m video that shows several QR codes one after the other, each for `secondsEach` (two frames a second, a
 * pose each), in a loop: a walk past several posters with one camera.
 */
export async function writeModulesSequenceVideo(
	codes: readonly (readonly (readonly boolean[])[])[],
	secondsEach = 2
): Promise<string> {
	const frames = codes.flatMap((dark) => {
		const code = drawnModules(dark);
		return Array.from({ length: secondsEach * 2 }, (_, index) =>
			lumaFrame(code, POSES[index % POSES.length] ?? 0)
		);
	});
	return writeVideo('posters.y4m', 2, frames);
}
