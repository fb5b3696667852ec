import { REJECTION_CODES, type RejectionCode } from '$lib/domain/sync-protocol';
import { t } from '$lib/i18n';
import type { OutboxEntry } from '$lib/local/db';
import { registry } from '../registry';

/** The Chinese (or English) reason for a rejection code; codes this app does not know are named, not hidden. */
export function rejectionMessage(code: string): string {
	if ((REJECTION_CODES as readonly string[]).includes(code)) {
		return t(`sync.rejection.${code as RejectionCode}`);
	}
	return t('sync.rejection.other', { code });
}

/**
 * What the action was, in the user's words ("记录办理：受理"), from its workflow's labels. An op this app version
 * cannot read (stored by another version) is named by its type rather than hidden.
 */
export function opLabel(entry: OutboxEntry): string {
	return registry.op(entry.type)?.label(entry.payload) ?? t('sync.op.unknown', { type: entry.type });
}
