import { ledgerMessages } from '$lib/features/ledger/messages';
import { reportMessages } from '$lib/features/reports/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	// The ledger's pack for its one link: its texts stay in its own folder.
	await Promise.all([reportMessages.load(), ledgerMessages.load()]);
};
