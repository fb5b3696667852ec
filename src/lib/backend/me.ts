import { isStaffProfile, type StaffProfile } from './staff-profile';

export type MeResult =
	| { ok: true; profile: StaffProfile }
	| { ok: false; reason: 'not_staff' | 'signed_out' | 'network' | 'unexpected'; detail: string };

/** PostgREST reports a fetch that never reached the server as status 0. */
const NETWORK_STATUS = 0;

/**
 * How long to wait for me(). With an expired access token and a dead network, supabase-js keeps retrying the
 * token refresh before the call for up to ~30 s; the device's last known profile is better than a spinner.
 */
const ME_WAIT_MS = 6000;

export async function fetchMe(): Promise<MeResult> {
	if (globalThis.navigator?.onLine === false) return { ok: false, reason: 'network', detail: 'offline' };
	const { supabase } = await import('./client');
	const answer = await Promise.race([
		supabase().rpc('me'),
		new Promise<null>((resolve) => setTimeout(() => resolve(null), ME_WAIT_MS))
	]);
	if (!answer) return { ok: false, reason: 'network', detail: `no answer within ${ME_WAIT_MS} ms` };
	const { error, status, ...response } = answer;
	// Untyped client: treat the body as unknown until the guard below has checked it.
	const data: unknown = response.data;
	if (error) {
		if (status === NETWORK_STATUS) return { ok: false, reason: 'network', detail: error.message };
		if (error.message === 'not_staff') return { ok: false, reason: 'not_staff', detail: error.message };
		if (error.code === '42501' || status === 401) {
			return { ok: false, reason: 'signed_out', detail: error.message };
		}
		return { ok: false, reason: 'unexpected', detail: `${error.code}: ${error.message}` };
	}
	if (!isStaffProfile(data)) {
		return { ok: false, reason: 'unexpected', detail: `me() returned an unexpected shape` };
	}
	return { ok: true, profile: data };
}
