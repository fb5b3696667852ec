import type { GoTrueClient } from '@supabase/auth-js';
import { StorageApiError, StorageClient } from '@supabase/storage-js';
import { PHOTO_BUCKET, PHOTO_CONTENT_TYPE } from '$lib/domain/photo';
import { withSessionToken } from './auth-rpc-client';
import { supabase } from './client';
import { supabaseAnonKey, supabaseUrl } from './config';

/**
 * Supabase Storage for photos: supabase-js's own storage client (@supabase/storage-js, the version supabase-js
 * 2.109.0 is made of) at `<url>/storage/v1`, carrying the session's token as `client.storage` would. A module of its
 * own, imported on demand: only screens with photos and the upload queue load it.
 */

const clients = new WeakMap<GoTrueClient, StorageClient>();

/** Storage under a session: the signed-in person's, or a parked colleague's for their own photos (hand-over). */
function storage(auth: GoTrueClient = supabase().auth): StorageClient {
	let client = clients.get(auth);
	if (!client) {
		const base = new URL(supabaseUrl.endsWith('/') ? supabaseUrl : `${supabaseUrl}/`);
		client = new StorageClient(
			new URL('storage/v1', base).href,
			{ apikey: supabaseAnonKey },
			withSessionToken(auth, supabaseAnonKey)
		);
		clients.set(auth, client);
	}
	return client;
}

/** How an upload ended: done, worth another try later, or refused by the server for good. */
export type UploadOutcome =
	| { ok: true }
	| { ok: false; retry: true; message: string }
	| { ok: false; retry: false; refusal: 'too_large' | 'bad_type' | 'forbidden' | 'refused'; message: string };

/** Uploads a photo's JPEG at its object path with upsert, so an upload repeated after any failure stays one object. */
export function uploadPhoto(objectPath: string, blob: Blob): Promise<UploadOutcome> {
	return photoUploaderFor()(objectPath, blob);
}

/** uploadPhoto under the given session: a parked colleague's photos go up under their own name. */
export function photoUploaderFor(
	auth?: GoTrueClient
): (objectPath: string, blob: Blob) => Promise<UploadOutcome> {
	return async (objectPath, blob) => {
		let error: unknown;
		try {
			({ error } = await storage(auth)
				.from(PHOTO_BUCKET)
				.upload(objectPath, blob, { upsert: true, contentType: PHOTO_CONTENT_TYPE }));
		} catch (thrown) {
			error = thrown;
		}
		return error ? outcomeOf(error) : { ok: true };
	};
}

/** Storage answers 400 with the real status in `statusCode`; 5xx, network failures and token trouble are retried. */
export function outcomeOf(error: unknown): UploadOutcome {
	const message = error instanceof Error ? error.message : String(error);
	if (!(error instanceof StorageApiError) || error.status >= 500 || error.status === 0)
		return { ok: false, retry: true, message };
	const code = String(error.statusCode);
	if (code === '413') return { ok: false, retry: false, refusal: 'too_large', message };
	if (code === '415') return { ok: false, retry: false, refusal: 'bad_type', message };
	if (code === '403' && !/jwt/i.test(message))
		return { ok: false, retry: false, refusal: 'forbidden', message };
	// An expired or unreadable token: the session refreshes, and the next attempt carries the new one.
	if (error.status === 401 || /jwt/i.test(message) || code === '429')
		return { ok: false, retry: true, message };
	return { ok: false, retry: false, refusal: 'refused', message };
}

/** A signed URL for a photo not on this device (online only), valid for `seconds`; null when it cannot be had. */
export async function signedPhotoUrl(objectPath: string, seconds = 600): Promise<string | null> {
	try {
		const { data, error } = await storage().from(PHOTO_BUCKET).createSignedUrl(objectPath, seconds);
		return error ? null : data.signedUrl;
	} catch {
		return null;
	}
}
