import { t } from '$lib/features/prechecks/messages';
import { t as shellT } from '$lib/i18n';
import { LocalWriteError, type LocalWriteReason } from '$lib/local/write-error';

export type WriteResult<T> = { ok: true; value: T } | { ok: false; message: string };

// Signing in is the shell's business, so its words are the shell's; the rest are the pre-checks' own.
const MESSAGES: Record<LocalWriteReason, () => string> = {
	invalid: () => t('precheck.writeInvalid'),
	not_signed_in: () => shellT('tickets.writeNotSignedIn'),
	not_found: () => t('precheck.writeNotFound'),
	deleted: () => t('precheck.writeNotFound')
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
		if (error instanceof LocalWriteError) return { ok: false, message: MESSAGES[error.reason]() };
		// Storage full, IndexedDB gone: still words a person can act on.
		console.error(error);
		return { ok: false, message: t('precheck.saveFailed') };
	}
}
