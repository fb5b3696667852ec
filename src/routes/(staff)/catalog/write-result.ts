import { t, type CatalogMessageKey } from '$lib/features/service-catalog/messages';
import { LocalWriteError, type LocalWriteReason } from '$lib/local/write-error';

export type WriteResult<T> =
	{ ok: true; value: T } | { ok: false; message: string; fields: readonly string[] };

const MESSAGES: Record<LocalWriteReason, CatalogMessageKey> = {
	invalid: 'catalog.writeInvalid',
	not_signed_in: 'catalog.writeNotSignedIn',
	not_found: 'catalog.writeNotFound',
	deleted: 'catalog.writeNotFound'
};

/**
 * A catalog write, its refusal turned into words for the screen. The device refuses before storing anything, so
 * the form keeps what was typed; `fields` names what to fix when the device's own check found something the
 * form's did not.
 */
export async function attemptWrite<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
	try {
		return { ok: true, value: await write() };
	} catch (error) {
		if (error instanceof LocalWriteError) {
			return { ok: false, message: t(MESSAGES[error.reason]), fields: error.fields };
		}
		// Unexpected (storage full, IndexedDB gone): still words a person can act on.
		console.error(error);
		return { ok: false, message: t('catalog.writeFailed'), fields: [] };
	}
}
