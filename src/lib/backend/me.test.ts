import { describe, expect, it } from 'vitest';
import { isStaffProfile } from './me';

const profile = {
	staff_id: 's1',
	email: 'intake@demo.hall',
	display_name: '李娜',
	post: 'intake',
	hall_id: 'h1',
	hall_name: '天津市河北区政务服务中心'
};

describe('isStaffProfile', () => {
	it('accepts what me() returns', () => {
		expect(isStaffProfile(profile)).toBe(true);
	});

	it('rejects an unknown post, a missing field and non-objects', () => {
		expect(isStaffProfile({ ...profile, post: 'janitor' })).toBe(false);
		const { hall_name: _dropped, ...withoutHall } = profile;
		expect(isStaffProfile(withoutHall)).toBe(false);
		expect(isStaffProfile(null)).toBe(false);
		expect(isStaffProfile('not_staff')).toBe(false);
	});
});
