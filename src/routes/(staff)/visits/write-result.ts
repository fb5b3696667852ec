import { tv, type VisitMessageKey } from '$lib/features/visits/messages';
import { VisitRefusedError, type VisitRefusal } from '$lib/features/visits/visits.svelte';
import { LocalWriteError, type LocalWriteReason } from '$lib/local/write-error';
import { followUpRefusalMessage } from '../follow-ups/labels';

export type WriteResult<T> =
	{ ok: true; value: T } | { ok: false; message: string; fields: readonly string[] };

const MESSAGES = {
	invalid: 'visit.write.invalid',
	not_signed_in: 'visit.write.notSignedIn',
	not_found: 'visit.write.notFound',
	deleted: 'visit.write.notFound'
} as const satisfies Record<LocalWriteReason, VisitMessageKey>;

/** Why the device refused a visit or follow-up write, in the person's words. */
export function visitRefusalMessage(refusal: VisitRefusal): string {
	switch (refusal.reason) {
		case 'author_only':
			return tv('visit.write.notAuthor');
		case 'enterprise':
			return tv('visit.enterpriseMissing');
		case 'project':
			return tv('visit.write.projectGone');
		case 'project_of_other_enterprise':
			return tv('visit.write.projectOfOther');
		case 'staff':
			return tv('visit.write.staffGone');
		case 'companion_is_author':
			return tv('visit.write.companionIsAuthor');
		case 'too_many_demands':
			return tv('visit.demand.tooMany', { max: '20' });
		case 'due_out_of_range':
			return tv('visit.demand.dueRange');
		case 'timeline_full':
			return tv('visit.write.timelineFull');
		case 'visit':
		case 'follow_up':
			return tv('visit.write.notFound');
		default:
			return followUpRefusalMessage(refusal);
	}
}

/**
 * A visit or follow-up write, its refusal turned into words for the screen. The device refuses before storing
 * anything, so the form keeps what was typed.
 */
export async function attemptWrite<T>(write: () => Promise<T>): Promise<WriteResult<T>> {
	try {
		return { ok: true, value: await write() };
	} catch (error) {
		if (error instanceof LocalWriteError) {
			return { ok: false, message: tv(MESSAGES[error.reason]), fields: error.fields };
		}
		if (error instanceof VisitRefusedError) {
			return { ok: false, message: visitRefusalMessage(error.refusal), fields: [] };
		}
		console.error(error);
		return { ok: false, message: tv('visit.write.failed'), fields: [] };
	}
}

export { signedInStaff } from '../enterprises/write-result';
