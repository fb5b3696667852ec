import { REJECTION_CODES, type RejectionCode } from '$lib/domain/sync-protocol';
import { t, type MessageKey } from '$lib/i18n';
import type { RejectedEntry } from '$lib/local/db';

/** The Chinese (or English) reason for a rejection code; codes this app does not know are named, not hidden. */
export function rejectionMessage(code: string): string {
	if ((REJECTION_CODES as readonly string[]).includes(code)) {
		return t(`sync.rejection.${code as RejectionCode}`);
	}
	return t('sync.rejection.other', { code });
}

/** What the rejected action was, in the user's words: "记录办理：受理". */
export function rejectedActionLabel(entry: RejectedEntry): string {
	switch (entry.type) {
		case 'service_record.open':
			return t('sync.op.service_record.open', { ticket: entry.payload.ticket_no });
		case 'service_record.add_event':
			return t('sync.op.service_record.add_event', {
				event: t(`event.${entry.payload.kind}` satisfies MessageKey)
			});
		default:
			return t(`sync.op.${entry.type}`);
	}
}
