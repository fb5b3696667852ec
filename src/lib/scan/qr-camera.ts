import { cameraUnavailableReason, classifyCameraError, type CameraProblem } from './camera-errors';

/**
 * The camera QR reader, around html5-qrcode. The library (~108 kB gzip) is imported here, on demand, so only the
 * screens that scan ever download it (DECISIONS §7).
 */
export interface QrCamera {
	readonly torchSupported: boolean;
	/** Resolves to whether the torch is now in the requested state. */
	setTorch(on: boolean): Promise<boolean>;
	stop(): Promise<void>;
}

export type QrCameraStart = { ok: true; camera: QrCamera } | { ok: false; problem: CameraProblem };

type Library = typeof import('html5-qrcode');
type Reader = InstanceType<Library['Html5Qrcode']>;

/** `onText` hears every decode, several a second while a code is in view; the caller decides what to ignore. */
export async function startQrCamera(
	elementId: string,
	onText: (text: string) => void
): Promise<QrCameraStart> {
	const unavailable = cameraUnavailableReason();
	if (unavailable) return { ok: false, problem: unavailable };
	const library = await import('html5-qrcode');
	const reader = new library.Html5Qrcode(elementId, {
		verbose: false,
		formatsToSupport: [library.Html5QrcodeSupportedFormats.QR_CODE]
	});
	try {
		// No qrbox: the whole frame is searched, so a ticket held off-centre still reads.
		await reader.start({ facingMode: 'environment' }, { fps: 10 }, (text) => onText(text), undefined);
	} catch (error) {
		return { ok: false, problem: classifyCameraError(error) };
	}
	return { ok: true, camera: controls(library, reader) };
}

function controls(library: Library, reader: Reader): QrCamera {
	const torch = torchOf(reader);
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
		async stop() {
			if (reader.getState() !== library.Html5QrcodeScannerState.NOT_STARTED) await reader.stop();
			reader.clear();
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
