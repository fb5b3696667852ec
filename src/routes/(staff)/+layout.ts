import { redirect } from '@sveltejs/kit';
import { session } from '$lib/backend';
import type { LayoutLoad } from './$types';

// Staff screens need a signed-in user; anyone else starts at the sign-in page.
export const load: LayoutLoad = async () => {
	await session.ready();
	if (!session.auth) redirect(307, '/login');
};
