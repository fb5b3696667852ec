import { ledgerMessages } from '$lib/features/ledger/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	await ledgerMessages.load();
};
