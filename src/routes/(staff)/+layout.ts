import { redirect } from '@sveltejs/kit';
import { session } from '$lib/backend';
import type { LayoutLoad } from './$types';

// Staff screens need a signed-in user; anyone else starts at the sign-in page. Whoever the device has stored
// gets their screen at once; the layout sends them to sign in if the server turns the session down.
export const load: LayoutLoad = () => {
	if (!session.begin()) redirect(307, '/login');
};
