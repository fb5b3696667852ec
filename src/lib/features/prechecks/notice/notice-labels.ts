import type { MaterialForm } from '$lib/domain/service-catalog';
import { STAFF_POSTS } from '$lib/domain/staff-directory';
import type { MarkStatus, RejectionReason } from '$lib/domain/precheck';
import type { PrecheckMessageKey } from '$lib/features/prechecks/messages';

/** Pack keys for the pre-check's enums, so the form, the notice and the applicant's page name them alike. */
export const reasonLabel = (reason: RejectionReason): PrecheckMessageKey => `precheck.reason.${reason}`;
export const statusLabel = (status: MarkStatus): PrecheckMessageKey => `precheck.status.${status}`;
export const formLabel = (form: MaterialForm): PrecheckMessageKey => `precheck.form.${form}`;

/** A post code as the notice names it; anything else (an older server's own wording) as it came. */
export function postKey(post: string): PrecheckMessageKey | null {
	return (STAFF_POSTS as readonly string[]).includes(post)
		? (`notice.post.${post}` as PrecheckMessageKey)
		: null;
}
