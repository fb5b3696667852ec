/**
 * Why the camera could not start, in the few kinds a user can act on. html5-qrcode wraps getUserMedia's
 * DOMException into a string ("Error getting userMedia, error = NotAllowedError: …"), so the name is looked for
 * in whatever was thrown rather than trusted to be an Error.
 */
export type CameraProblem = 'denied' | 'not_found' | 'busy' | 'insecure' | 'unsupported' | 'unknown';

const BY_NAME: ReadonlyArray<[RegExp, CameraProblem]> = [
	[/NotAllowedError|PermissionDeniedError|SecurityError/, 'denied'],
	[/NotFoundError|DevicesNotFoundError|OverconstrainedError/, 'not_found'],
	[/NotReadableError|TrackStartError|AbortError/, 'busy'],
	[/streaming not supported|NotSupportedError/i, 'unsupported']
];

export function classifyCameraError(error: unknown): CameraProblem {
	const text = describe(error);
	for (const [pattern, problem] of BY_NAME) if (pattern.test(text)) return problem;
	return 'unknown';
}

/** Checked before asking for the camera: browsers only offer it to pages served over HTTPS or localhost. */
export function cameraUnavailableReason(): CameraProblem | null {
	if (!window.isSecureContext) return 'insecure';
	if (!navigator.mediaDevices?.getUserMedia) return 'unsupported';
	return null;
}

function describe(error: unknown): string {
	if (error instanceof Error || error instanceof DOMException) return `${error.name}: ${error.message}`;
	return typeof error === 'string' ? error : '';
}
