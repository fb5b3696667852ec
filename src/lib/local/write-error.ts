/**
 * Why a local write was refused before anything was stored. The UI shows `localWriteMessage(reason)`; the input
 * stays on screen, so nothing the user typed is lost.
 */
export type LocalWriteReason = 'invalid' | 'not_signed_in' | 'not_found' | 'deleted';

export class LocalWriteError extends Error {
	readonly reason: LocalWriteReason;
	/** For `invalid`: which fields failed, for the developer console (the user sees the Chinese message). */
	readonly fields: readonly string[];

	constructor(reason: LocalWriteReason, detail: string, fields: readonly string[] = []) {
		super(detail);
		this.name = 'LocalWriteError';
		this.reason = reason;
		this.fields = fields;
	}
}
