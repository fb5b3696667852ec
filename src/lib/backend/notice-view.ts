import { noticeView, type NoticeView } from '$lib/domain/notice-view';
import { supabaseAnonKey, supabaseUrl } from './config';

/**
 * The applicant's own copy of a one-time notice, read without signing in (`public.notice_view` as anon).
 *
 * A plain fetch, not the app's Supabase client: the applicant's page must stay small, has no session to restore,
 * and must not start auth's refresh timer on a stranger's phone.
 */

export type NoticeViewFailure = 'not_found' | 'network' | 'unexpected';

/** Why the notice could not be shown: unknown, completed or expired (`not_found`), no network, or anything else. */
export class NoticeViewError extends Error {
	constructor(
		readonly reason: NoticeViewFailure,
		detail: string
	) {
		super(`notice_view: ${reason} (${detail})`);
		this.name = 'NoticeViewError';
	}
}

/** How long the applicant waits before the page says the network failed. */
const NOTICE_WAIT_MS = 15_000;

export async function fetchNoticeView(token: string, fetcher: typeof fetch = fetch): Promise<NoticeView> {
	let response: Response;
	try {
		response = await fetcher(new URL('rest/v1/rpc/notice_view', withSlash(supabaseUrl)), {
			method: 'POST',
			headers: {
				apikey: supabaseAnonKey,
				Authorization: `Bearer ${supabaseAnonKey}`,
				'Content-Type': 'application/json',
				Accept: 'application/json'
			},
			body: JSON.stringify({ p_token: token }),
			signal: AbortSignal.timeout(NOTICE_WAIT_MS)
		});
	} catch (error) {
		throw new NoticeViewError('network', error instanceof Error ? error.message : String(error));
	}
	const body: unknown = await response.json().catch(() => null);
	if (!response.ok) {
		const message =
			typeof body === 'object' && body !== null ? (body as { message?: unknown }).message : null;
		if (message === 'notice_not_found') throw new NoticeViewError('not_found', 'notice_not_found');
		throw new NoticeViewError(
			'unexpected',
			`HTTP ${response.status} ${typeof message === 'string' ? message : ''}`.trim()
		);
	}
	const parsed = noticeView.safeParse(body);
	if (!parsed.success) throw new NoticeViewError('unexpected', 'notice_view returned an unexpected shape');
	return parsed.data;
}

const withSlash = (url: string): string => (url.endsWith('/') ? url : `${url}/`);
