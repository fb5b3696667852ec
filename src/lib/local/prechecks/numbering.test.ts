import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { DEVICE_CODE_ALPHABET, PUBLIC_TOKEN_PATTERN } from '$lib/domain/precheck';
import { registry } from '$lib/features/registry';
import { itemRow, missing, present, versionRow } from '../../../../tests/support/catalog';
import { STAFF } from '../../../../tests/support/fake-server';
import { LocalDb } from '../db';
import { prepareForUser, wipeSyncedData } from '../device-data';
import { serviceItems, serviceItemVersions } from '../service-catalog/tables';
import { deviceCode, ensureDeviceCode, newPublicToken } from './numbering';
import { recordPrecheck } from './writes';

const ITEM = '0190b000-0000-7000-8000-000000000001';
const V1 = '0190b000-0000-7000-8000-000000000011';

/**
 * The server's claim_device_code as the tests need it: one code per device id, asked again → the same code, and
 * never the same code for two ids of the hall (2 characters, then 3 once 1,024 are used).
 */
class FakeCodeServer {
	readonly codes = new Map<string, string>();
	claims = 0;

	claim = (deviceId: string): Promise<string> => {
		this.claims++;
		let code = this.codes.get(deviceId);
		if (!code) {
			code = this.#nth(this.codes.size);
			this.codes.set(deviceId, code);
		}
		return Promise.resolve(code);
	};

	#nth(n: number): string {
		const base = DEVICE_CODE_ALPHABET.length;
		const length = n < base * base ? 2 : 3;
		let code = '';
		for (let rest = n, i = 0; i < length; i++, rest = Math.floor(rest / base)) {
			code = DEVICE_CODE_ALPHABET[rest % base] + code;
		}
		return code;
	}
}

let databases = 0;

async function device(server: FakeCodeServer): Promise<LocalDb> {
	const db = new LocalDb(`numbering-${++databases}`, registry);
	await prepareForUser(db, STAFF);
	await serviceItemVersions.of(db).put(versionRow({ id: V1, item_id: ITEM }));
	await serviceItems.of(db).put(itemRow({ id: ITEM, current_version_id: V1 }));
	await ensureDeviceCode(db, server.claim);
	return db;
}

const notice = (db: LocalDb) =>
	recordPrecheck(db, {
		item_version_id: V1,
		record_id: null,
		situation_key: 'new',
		answers: {},
		language: 'zh',
		marks: [missing('form'), present('charter')],
		applicant_name: null,
		applicant_phone: null
	});

describe('notice numbers without the network', () => {
	// 180 notices in 12 device databases (fake-indexeddb): seconds of work on a busy 2-core runner, so more room
	// than the default 5 s. Not a speed check; `npm run bench` holds the timings.
	it(
		'many devices offline numbering notices at the same time never give two notices one number',
		{ timeout: 30_000 },
		async () => {
			const server = new FakeCodeServer();
			const devices = await Promise.all(Array.from({ length: 12 }, () => device(server)));
			// From here on no device reaches the server: each numbers from what it stored.
			const numbers = await Promise.all(
				devices.flatMap((db) => Array.from({ length: 15 }, () => notice(db).then((saved) => saved.notice_no)))
			);
			expect(numbers).toHaveLength(180);
			expect(new Set(numbers).size).toBe(180);
			// Each device counted its own notices 01…15, under its own code.
			const perDevice = await Promise.all(devices.map((db) => deviceCode(db)));
			expect(new Set(perDevice).size).toBe(12);
			for (const code of perDevice) {
				const own = numbers.filter((no) => no?.split('-')[1] === code).map((no) => no?.split('-')[2]);
				expect(own.sort()).toEqual(Array.from({ length: 15 }, (_, i) => String(i + 1).padStart(2, '0')));
			}
		}
	);

	it('a claim asked again (its answer lost) keeps the code; a device that already has one does not ask', async () => {
		const server = new FakeCodeServer();
		const db = await device(server);
		const code = await deviceCode(db);
		expect(await ensureDeviceCode(db, server.claim)).toBe(code);
		expect(server.claims).toBe(1);
	});

	it('signing out wipes the code; the device database then claims a fresh one and counts from 01 again', async () => {
		const server = new FakeCodeServer();
		const db = await device(server);
		const before = await notice(db);
		await wipeSyncedData(db);
		expect(await deviceCode(db)).toBeNull();
		await prepareForUser(db, STAFF);
		await serviceItemVersions.of(db).put(versionRow({ id: V1, item_id: ITEM }));
		await serviceItems.of(db).put(itemRow({ id: ITEM, current_version_id: V1 }));
		const fresh = await ensureDeviceCode(db, server.claim);
		expect(fresh).not.toBeNull();
		expect(before.notice_no).not.toContain(`-${fresh}-`);
		expect(server.codes.size).toBe(2);
		expect((await notice(db)).notice_no).toMatch(new RegExp(`-${fresh}-01$`));
	});

	it('an answer that arrives after the sign-out is dropped, not stored for the next person', async () => {
		const server = new FakeCodeServer();
		const db = new LocalDb(`numbering-${++databases}`, registry);
		await prepareForUser(db, STAFF);
		const late = ensureDeviceCode(db, async (id) => {
			await wipeSyncedData(db);
			return server.claim(id);
		});
		await expect(late).resolves.toBeNull();
		expect(await deviceCode(db)).toBeNull();
	});

	it('a staff member moved to another hall claims a code for the new hall', async () => {
		const server = new FakeCodeServer();
		const db = await device(server);
		const first = await deviceCode(db);
		await prepareForUser(db, { ...STAFF, hall_id: '0190a000-0000-7000-8000-00000000aaaa' });
		expect(await deviceCode(db)).toBeNull();
		const second = await ensureDeviceCode(db, server.claim);
		expect(second).not.toBe(first);
	});

	it('link tokens are 128 random bits in base64url', () => {
		const tokens = Array.from({ length: 200 }, newPublicToken);
		for (const token of tokens) expect(token).toMatch(new RegExp(PUBLIC_TOKEN_PATTERN));
		expect(new Set(tokens).size).toBe(200);
	});
});
