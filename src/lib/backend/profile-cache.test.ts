import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StaffProfile } from './staff-profile';
import { recallProfile, rememberProfile } from './profile-cache';
import { forgetUserStorage, REPORT_STORAGE_PREFIX } from './user-storage';

const profile: StaffProfile = {
	staff_id: 's1',
	email: 'intake@demo.hall',
	display_name: '李娜',
	post: 'intake',
	hall_id: 'h1',
	hall_name: '天津市河北区政务服务中心',
	ticket_format: { kind: 'json', field: 'ticketNo', date_field: 'date' }
};

/** Node has no localStorage: a Map behind the few methods the cache uses. */
function memoryStorage(): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> {
	const items = new Map<string, string>();
	return {
		getItem: (key) => items.get(key) ?? null,
		setItem: (key, value) => void items.set(key, value),
		removeItem: (key) => void items.delete(key)
	};
}

describe('profile cache', () => {
	beforeEach(() => {
		vi.stubGlobal('localStorage', memoryStorage());
	});
	afterEach(() => {
		vi.unstubAllGlobals();
	});

	it('recalls a remembered profile until the user’s storage is forgotten (sign-out), with their saved report', () => {
		rememberProfile('u1', profile);
		rememberProfile('u2', profile);
		localStorage.setItem(`${REPORT_STORAGE_PREFIX}u1`, '{}');
		expect(recallProfile('u1')).toEqual(profile);
		expect(recallProfile('u3')).toBeNull();
		forgetUserStorage('u1');
		expect(recallProfile('u1')).toBeNull();
		expect(localStorage.getItem(`${REPORT_STORAGE_PREFIX}u1`)).toBeNull();
		expect(recallProfile('u2')).toEqual(profile);
	});

	it('keeps a profile cached before me() returned the ticket format, reading tickets as plain numbers', () => {
		const { ticket_format: _dropped, ...olderProfile } = profile;
		localStorage.setItem('hall-assist.profile.u1', JSON.stringify(olderProfile));
		expect(recallProfile('u1')).toEqual({ ...olderProfile, ticket_format: { kind: 'plain' } });
	});

	it('drops a malformed entry', () => {
		localStorage.setItem(
			'hall-assist.profile.u1',
			JSON.stringify({ ...profile, ticket_format: { kind: 'url' } })
		);
		expect(recallProfile('u1')).toBeNull();
		localStorage.setItem('hall-assist.profile.u1', '{not json');
		expect(recallProfile('u1')).toBeNull();
	});
});
