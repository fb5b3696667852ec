import { session } from '$lib/backend';
import { te, type EnterpriseMessageKey } from '$lib/features/enterprises/messages';
import { EnterpriseRefusedError, type EnterpriseRefusal } from '$lib/local/enterprises/writes';
import { LocalWriteError, type LocalWriteReason } from '$lib/local/write-error';

export type WriteResult<T> =
	{ ok: true; value: T } | { ok: false; message: string; fields: readonly string[] };

const MESSAGES = {
	invalid: 'enterprise.write.invalid',
	not_signed_in: 'enterprise.write.notSignedIn',
	not_found: 'enterprise.write.notFound',
	deleted: 'enterprise.write.notFound'
} as const satisfies Record<LocalWriteReason, EnterpriseMessageKey>;

/**
 * An enterprise write, its refusal turned into words for the screen. The device refuses before storing anything,
 * so the form keeps what was typed; `fields` names what the device's own check found.
 */
export async function attemptWrite<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
	try {
		return { ok: true, value: await write() };
	} catch (error) {
		if (error instanceof LocalWriteError) {
			return { ok: false, message: te(MESSAGES[error.reason]), fields: error.fields };
		}
		if (error instanceof EnterpriseRefusedError) {
			const field = error.refusal.reason === 'duplicate_code' ? ['credit_code'] : [];
			return { ok: false, message: refusalMessage(error.refusal), fields: field };
		}
		// Unexpected (storage full, IndexedDB gone): still words a person can act on.
		console.error(error);
		return { ok: false, message: te('enterprise.write.failed'), fields: [] };
	}
}

/** Why the device refused an enterprise write, in the person's words. */
export function refusalMessage(refusal: EnterpriseRefusal): string {
	switch (refusal.reason) {
		case 'managers_only':
			return te('enterprise.managersOnly');
		case 'duplicate_code':
			return te('enterprise.form.duplicateCode', { name: refusal.enterprise?.name ?? refusal.credit_code });
		case 'steward':
			return te('enterprise.projects.stewardGone');
		default:
			return te('enterprise.write.notFound');
	}
}

/** The signed-in person: their staff id and whether they manage the hall (null before the profile is in). */
export function signedInStaff(): { staff_id: string; name: string; manager: boolean } | null {
	const profile = session.profile;
	if (profile.status !== 'ready') return null;
	return {
		staff_id: profile.profile.staff_id,
		name: profile.profile.display_name,
		manager: profile.profile.post === 'manager'
	};
}
