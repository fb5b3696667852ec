import type { MaterialForm } from '$lib/domain/service-catalog';
import type { MarkStatus, RejectionReason } from '$lib/domain/precheck';
import type { MessageKey } from '$lib/i18n/zh-CN';

/** Catalog keys for the pre-check's enums, so the form, the notice and the applicant's page name them alike. */
export const reasonLabel = (reason: RejectionReason): MessageKey => `precheck.reason.${reason}`;
export const statusLabel = (status: MarkStatus): MessageKey => `precheck.status.${status}`;
export const formLabel = (form: MaterialForm): MessageKey => `precheck.form.${form}`;

const POST_KEYS = ['intake', 'delivery', 'assist', 'manager'] as const;
/** A post code as the catalog names it; anything else (an older server's own wording) as it came. */
export function postKey(post: string): MessageKey | null {
	return (POST_KEYS as readonly string[]).includes(post) ? (`post.${post}` as MessageKey) : null;
}

/** Only web links become links: whatever a catalog or a server says, never a javascript: or data: URL. */
export const isWebLink = (url: string | null): url is string => url !== null && /^https?:\/\//i.test(url);
