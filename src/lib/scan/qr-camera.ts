import { cameraUnavailableReason, classifyCameraError, type CameraProblem } from './camera-errors';

/**
 * The camera QR reader, around html5-qrcode. The library (~108 kB gzip) is imported here, on demand, so only the
 * screens that scan ever download it (DECISIONS §7).
 */
export interface QrCamera {
	readonly torchSupported: boolean;
	/** Resolves to whether the torch is now in the requested state. */
	setTorch(on: boolean): Promise<boolean>;
	/** Releases the camera and removes the reader's elements. Idempotent. */
	stop(): Promise<void>;
}

export type QrCameraStart = { ok: true; camera: QrCamera } | { ok: false; problem: CameraProblem };

type Library = typeof import('html5-qrcode');
type Reader = InstanceType<Library['Html5Qrcode']>;

let readers = 0;

/**
 * Starts the reader in a container of its own, appended to `host`. html5-qrcode empties and fills the element it
 * is given, so each start gets a fresh one: the previous reader's late clean-up can never remove the next one's
 * video, and the host's owner (Svelte) never sees its children change. `onText` hears every decode, several a
 * second while a code is in view; the caller decides what to ignore. If `signal` aborts before the camera runs
 * (the screen was left while it started), the camera is released and the result is null.
 */
export async function startQrCamera(
	host: HTMLElement,
	onText: (text: string) => void,
	signal: AbortSignal
): Promise<QrCameraStart | null> {
	const unavailable = cameraUnavailableReason();
	if (unavailable) return { ok: false, problem: unavailable };
	const library = await import('html5-qrcode');
	if (signal.aborted) return null;
	ignoreInterruptedPlay();
	const container = document.createElement('div');
	container.id = `qr-reader-${++readers}`;
	host.append(container);
	let reader: Reader;
	try {
		reader = new library.Html5Qrcode(container.id, {
			verbose: false,
			formatsToSupport: [library.Html5QrcodeSupportedFormats.QR_CODE]
		});
		// No qrbox: the whole frame is searched, so a ticket held off-centre still reads.
		await reader.start({ facingMode: 'environment' }, { fps: 10 }, (text) => onText(text), undefined);
	} catch (error) {
		container.remove();
		return { ok: false, problem: classifyCameraError(error) };
	}
	const camera = controls(library, reader, container);
	if (!signal.aborted) return { ok: true, camera };
	await camera.stop();
	return null;
}

function controls(library: Library, reader: Reader, container: HTMLElement): QrCamera {
	const torch = torchOf(reader);
	// start() has given the video its stream by now; keeping the tracks lets stop() release the camera itself.
	const stream = container.querySelector('video')?.srcObject;
	const tracks = stream instanceof MediaStream ? stream.getTracks() : [];
	let stopping: Promise<void> | undefined;

	async function release(): Promise<void> {
		// The camera light goes off first, whatever the library's own clean-up does next.
		for (const track of tracks) track.stop();
		const played = container.querySelector('canvas') !== null;
		try {
			// Also ends the decoding loop, which a video that starts playing late would otherwise begin.
			if (reader.getState() !== library.Html5QrcodeScannerState.NOT_STARTED) await reader.stop();
		} catch (error) {
			// html5-qrcode 2.3.8's stop() removes its canvas even when it never made one: the canvas comes once the
			// video plays, so stopping a camera that never played (the screen left while it started) fails with
			// "removeChild: parameter 1 is not of type 'Node'" after everything else is done. Only that is expected.
			if (played) throw error;
		} finally {
			container.remove();
		}
	}

	return {
		torchSupported: torch !== null,
		async setTorch(on) {
			try {
				await torch?.apply(on);
				return torch !== null;
			} catch {
				return false;
			}
		},
		stop() {
			stopping ??= release();
			return stopping;
		}
	};
}

function torchOf(reader: Reader) {
	try {
		const torch = reader.getRunningTrackCameraCapabilities().torchFeature();
		return torch.isSupported() ? torch : null;
	} catch {
		return null;
	}
}

let ignoringInterruptedPlay = false;

/**
 * html5-qrcode starts its video with `video.play()` and drops the returned promise. When the video leaves the page
 * before it plays (the screen is left, or the camera stopped, while starting), Chromium rejects that promise with
 * an AbortError ("The play() request was interrupted …"). Nothing can catch it, yet nothing is wrong: the video
 * was removed on purpose. So exactly that rejection is marked handled; every other one still surfaces. (Other
 * engines word it differently; there it stays a console line.)
 */
function ignoreInterruptedPlay(): void {
	if (ignoringInterruptedPlay) return;
	ignoringInterruptedPlay = true;
	window.addEventListener('unhandledrejection', (event) => {
		const reason: unknown = event.reason;
		const interruptedPlay =
			reason instanceof DOMException &&
			reason.name === 'AbortError' &&
			reason.message.includes('play() request was interrupted');
		if (interruptedPlay) event.preventDefault();
	});
}
