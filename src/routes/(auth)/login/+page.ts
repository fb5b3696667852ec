import { redirect } from '@sveltejs/kit';
import { hasStoredSession } from '$lib/backend/auth-storage';
import type { PageLoad } from './$types';

// Someone already signed in on this device goes straight to work. With no session stored nobody can be, so the
// form shows at once, without loading the auth client and the session (Supabase Auth, RPC and zod, about half of
// this page's JavaScript otherwise): the form loads them when it is first used (login-form.svelte.ts).
export const load: PageLoad = async () => {
	if (!hasStoredSession()) return;
	const { session } = await import('$lib/backend');
	await session.ready();
	if (session.auth) redirect(307, '/');
};
