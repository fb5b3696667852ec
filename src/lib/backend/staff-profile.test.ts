import { describe, expect, it } from 'vitest';
import { isStaffProfile, type StaffProfile } from './staff-profile';

const profile: StaffProfile = {
	staff_id: 's1',
	email: 'intake@demo.hall',
	display_name: '李娜',
	post: 'intake',
	hall_id: 'h1',
	hall_name: '天津市河北区政务服务中心',
	ticket_format: { kind: 'plain' }
};

describe('isStaffProfile', () => {
	it('accepts what me() returns, with each kind of ticket format', () => {
		expect(isStaffProfile(profile)).toBe(true);
		expect(
			isStaffProfile({ ...profile, ticket_format: { kind: 'url', param: 'ticket', date_param: 'date' } })
		).toBe(true);
		expect(isStaffProfile({ ...profile, ticket_format: { kind: 'json', field: 'ticketNo' } })).toBe(true);
	});

	it('rejects an unknown post, a missing field and non-objects', () => {
		expect(isStaffProfile({ ...profile, post: 'janitor' })).toBe(false);
		const { hall_name: _dropped, ...withoutHall } = profile;
		expect(isStaffProfile(withoutHall)).toBe(false);
		expect(isStaffProfile(null)).toBe(false);
		expect(isStaffProfile('not_staff')).toBe(false);
	});

	it('accepts the hall phone and address, or null, and an older remembered profile without them', () => {
		expect(isStaffProfile({ ...profile, hall_phone: '022-26288000', hall_address: '天津市河北区' })).toBe(
			true
		);
		expect(isStaffProfile({ ...profile, hall_phone: null, hall_address: null })).toBe(true);
		expect(isStaffProfile(profile)).toBe(true);
		expect(isStaffProfile({ ...profile, hall_phone: 26288000 })).toBe(false);
	});

	it('rejects a missing or malformed ticket format', () => {
		const { ticket_format: _dropped, ...withoutFormat } = profile;
		expect(isStaffProfile(withoutFormat)).toBe(false);
		expect(isStaffProfile({ ...profile, ticket_format: null })).toBe(false);
		expect(isStaffProfile({ ...profile, ticket_format: { kind: 'barcode' } })).toBe(false);
		expect(isStaffProfile({ ...profile, ticket_format: { kind: 'url' } })).toBe(false);
	});
});
