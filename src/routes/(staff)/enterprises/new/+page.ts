import { enterpriseMessages } from '$lib/features/enterprises/messages';
import type { PageLoad } from './$types';

export const load: PageLoad = async () => {
	await enterpriseMessages.load();
};
