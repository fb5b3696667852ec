import { t } from '$lib/i18n';
import { LocalWriteError, type LocalWriteReason } from '$lib/local/write-error';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; message: string };

const MESSAGES: Record<LocalWriteReason, Parameters<typeof t>[0]> = {
	invalid: 'precheck.writeInvalid',
	not_signed_in: 'tickets.writeNotSignedIn',
	not_found: 'precheck.writeNotFound',
	deleted: 'precheck.writeNotFound'
};

/**
 * A pre-check write as a screen shows it: the value, or a Chinese message while the form keeps what was typed.
 * A device without its notice-number code yet (signed in, then offline at once) is told so rather than given an
 * invented number.
 */
export async function attempt<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
	try {
		return { ok: true, value: await write() };
	} catch (error) {
		if (error instanceof Error && error.name === 'NoDeviceCodeError') {
			return { ok: false, message: t('precheck.noDeviceCode') };
		}
		if (error instanceof LocalWriteError) return { ok: false, message: t(MESSAGES[error.reason]) };
		// Storage full, IndexedDB gone: still words a person can act on.
		console.error(error);
		return { ok: false, message: t('precheck.saveFailed') };
	}
}
