import { redirect } from '@sveltejs/kit';
import { session } from '$lib/backend';
import type { PageLoad } from './$types';

// Someone already signed in on this device goes straight to work.
export const load: PageLoad = async () => {
	await session.ready();
	if (session.auth) redirect(307, '/');
};
