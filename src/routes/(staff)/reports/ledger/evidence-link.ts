import { resolve } from '$app/paths';
import type { LedgerEvidence } from '$lib/domain/ledger';

/**
 * Where an occurrence of the ledger is seen: the incident, the pre-check (its notice) or the follow-up itself, and
 * for patrols the patrol log of that day (a window has no page of its own; the log shows its rounds).
 */
export function evidenceHref(evidence: LedgerEvidence): string {
	const id = evidence.id;
	switch (evidence.kind) {
		case 'incident':
			if (id) return resolve('/(staff)/incidents/[id]', { id });
			break;
		case 'precheck':
			if (id) return resolve('/(staff)/prechecks/[id]', { id });
			break;
		case 'follow_up':
			if (id) return resolve('/(staff)/follow-ups/[id]', { id });
			break;
		case 'patrol_window':
		case 'patrol_round':
			break;
	}
	return `${resolve('/(staff)/patrols/log')}?day=${evidence.day}`;
}
