import type { BackendClient } from '$lib/backend/client';
import type { ClaimDeviceCode } from '$lib/local/prechecks/numbering';
import { SYNC_REQUEST_TIMEOUT_MS } from './supabase-backend';

/**
 * `public.claim_device_code(p_device_id)` over RPC: the server hands a device database its notice code once and
 * answers the same code for the same id again, so a lost answer is simply asked for again at the next sync.
 */
export function claimDeviceCodeOver(client: () => BackendClient): ClaimDeviceCode {
	return async (deviceId) => {
		const { error, ...response } = await client()
			.rpc('claim_device_code', { p_device_id: deviceId })
			.abortSignal(AbortSignal.timeout(SYNC_REQUEST_TIMEOUT_MS));
		if (error) throw new Error(`claim_device_code: ${error.code} ${error.message}`);
		// Untyped client: the answer stays unknown until checked.
		const data: unknown = response.data;
		if (typeof data !== 'string') throw new Error('claim_device_code answered no code');
		return data;
	};
}
