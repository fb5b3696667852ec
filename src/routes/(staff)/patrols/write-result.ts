import { session } from '$lib/backend';
import { pt } from '$lib/features/patrols/messages';
import { LocalWriteError, type LocalWriteReason } from '$lib/local/write-error';

export type WriteResult<T> =
	{ ok: true; value: T } | { ok: false; message: string; fields: readonly string[] };

const MESSAGES = {
	invalid: 'patrol.invalid',
	not_signed_in: 'patrol.notSignedIn',
	not_found: 'patrol.notFound',
	deleted: 'patrol.deleted'
} as const satisfies Record<LocalWriteReason, string>;

/**
 * A patrol write, its refusal turned into words for the screen. The device refuses before storing anything, so
 * what was typed stays on screen.
 */
export async function attemptWrite<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
	try {
		return { ok: true, value: await write() };
	} catch (error) {
		if (error instanceof LocalWriteError) {
			return { ok: false, message: pt(MESSAGES[error.reason]), fields: error.fields };
		}
		console.error(error);
		return { ok: false, message: pt('patrol.writeFailed', { reason: String(error) }), fields: [] };
	}
}

export function isManager(): boolean {
	return session.profile.status === 'ready' && session.profile.profile.post === 'manager';
}
