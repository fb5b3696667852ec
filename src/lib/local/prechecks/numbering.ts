import { hallDate } from '$lib/domain/hall-time';
import { DEVICE_CODE_ALPHABET } from '$lib/domain/precheck';
import { formatNoticeNo, MAX_NOTICES_PER_DAY } from '$lib/domain/precheck-rules';
import { uuidv7 } from '$lib/domain/uuid';
import { EMPTY_SYNC_STATE, type Actor, type DeviceNumbering, type LocalDb } from '../db';
import { readActor } from '../device-actor';
import { prechecks } from './tables';

/**
 * Notice numbers without the network (docs/PRECHECK.md): the device database has an id of its own and, once it
 * has synced, a code the server handed to that id for the hall (`public.claim_device_code`); it counts its own
 * notices per hall day in the same transaction as the pre-check that takes the number. The identity lives in
 * sync_state, so signing out wipes it with the user's data and the next database claims a new code.
 */

/** A notice is needed and this device has no code for the hall yet (signed in, then offline at once). */
export class NoDeviceCodeError extends Error {
	constructor() {
		super('This device has no notice code yet: it gets one at its first sync.');
		this.name = 'NoDeviceCodeError';
	}
}

/** Asks the server for the code of a device id: idempotent, so a lost answer is simply asked again. */
export type ClaimDeviceCode = (deviceId: string) => Promise<string>;

const DEVICE_CODE = new RegExp(`^[${DEVICE_CODE_ALPHABET}]{2,3}$`);

async function readState(db: LocalDb) {
	return (await db.sync_state.get('state')) ?? EMPTY_SYNC_STATE;
}

/** The numbering of the signed-in user's hall on this device; another hall's (a move) does not count. */
function numberingFor(actor: Actor | null, numbering: DeviceNumbering | null | undefined) {
	return actor && numbering?.hall_id === actor.hall_id ? numbering : null;
}

/** The device's code for the signed-in user's hall, or null when it has none yet. */
export async function deviceCode(db: LocalDb): Promise<string | null> {
	const state = await readState(db);
	return numberingFor(await readActor(db), state.numbering)?.code ?? null;
}

/**
 * Makes sure the device has its code, claiming one when it has none (at the device's sync start, when online).
 * Returns the code, or null when no one is signed in. A claim that fails throws; the next sync tries again. If the
 * device's data was wiped while the answer was on its way, the answer belongs to an id that is gone and is dropped.
 */
export async function ensureDeviceCode(db: LocalDb, claim: ClaimDeviceCode): Promise<string | null> {
	const identity = await db.transaction('rw', db.sync_state, async () => {
		const state = await readState(db);
		const actor = await readActor(db);
		if (!actor) return null;
		const current = numberingFor(actor, state.numbering);
		if (current) return current;
		const fresh: DeviceNumbering = {
			device_id: uuidv7(),
			hall_id: actor.hall_id,
			code: null,
			day: null,
			count: 0
		};
		await db.sync_state.put({ ...state, numbering: fresh });
		return fresh;
	});
	if (!identity) return null;
	if (identity.code) return identity.code;
	const code = await claim(identity.device_id);
	if (!DEVICE_CODE.test(code)) throw new Error(`claim_device_code answered an unusable code: ${code}`);
	return db.transaction('rw', db.sync_state, async () => {
		const state = await readState(db);
		if (state.numbering?.device_id !== identity.device_id) return null;
		await db.sync_state.put({ ...state, numbering: { ...state.numbering, code } });
		return code;
	});
}

/**
 * The next notice number of this device, counted inside the caller's transaction (over sync_state and
 * prechecks) so that the count and the pre-check holding the number are stored together or not at all. A number
 * already on a pre-check here is skipped, as a last guard before the server's unique index.
 */
export async function takeNoticeNo(db: LocalDb, actor: Actor, at: Date): Promise<string> {
	const state = await readState(db);
	const numbering = numberingFor(actor, state.numbering);
	if (!numbering?.code) throw new NoDeviceCodeError();
	const day = hallDate(at);
	let count = numbering.day === day ? numbering.count : 0;
	let noticeNo: string;
	do {
		count++;
		if (count > MAX_NOTICES_PER_DAY) throw new RangeError('This device has numbered all its notices today.');
		noticeNo = formatNoticeNo(day, numbering.code, count);
	} while ((await prechecks.of(db).where('notice_no').equals(noticeNo).count()) > 0);
	await db.sync_state.put({ ...state, numbering: { ...numbering, day, count } });
	return noticeNo;
}

/** The applicant link's secret: 128 random bits as base64url (22 characters, no padding). */
export function newPublicToken(): string {
	const bytes = new Uint8Array(16);
	crypto.getRandomValues(bytes);
	const base64 = btoa(String.fromCharCode(...bytes));
	return base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
