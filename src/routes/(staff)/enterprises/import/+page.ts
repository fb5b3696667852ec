import { enterpriseMessages } from '$lib/features/enterprises/messages';
import { enterpriseImportMessages } from '$lib/features/enterprises/import/messages';
import type { PageLoad } from './$types';

// The import screen's words, and the enterprise pack's for a refused write (../write-result.ts), load with it.
export const load: PageLoad = async () => {
	await Promise.all([enterpriseImportMessages.load(), enterpriseMessages.load()]);
};
