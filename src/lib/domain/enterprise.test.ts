import { describe, expect, it } from 'vitest';
import {
	ENTERPRISE_RULES,
	saveEnterprise,
	saveEnterpriseProject,
	streetName,
	streetOf,
	STREETS
} from './enterprise';

const ID = '0190c000-0000-7000-8000-000000000001';

const enterprise = {
	id: ID,
	name: '天津海河智造科技有限公司',
	credit_code: '91350100M000100Y43',
	street_code: '120105002',
	address: null,
	latitude: null,
	longitude: null,
	industry: null,
	visit_every_days: 30,
	archived_at: null,
	saved_at: '2026-12-01T01:00:00.000Z'
};

const fails = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) =>
	result.success ? [] : (result.error?.issues.map((issue) => issue.path.join('.')) ?? []);

describe('enterprise.save payload rules', () => {
	it('accepts a whole enterprise', () => {
		expect(saveEnterprise.safeParse(enterprise).success).toBe(true);
	});

	it('refuses an invalid or not normalised code, an unknown street, a one-character name', () => {
		expect(fails(saveEnterprise.safeParse({ ...enterprise, credit_code: '91350100M000100Y44' }))).toEqual([
			'credit_code'
		]);
		expect(fails(saveEnterprise.safeParse({ ...enterprise, credit_code: '91350100m000100y43' }))).toEqual([
			'credit_code'
		]);
		expect(fails(saveEnterprise.safeParse({ ...enterprise, street_code: '120105011' }))).toEqual([
			'street_code'
		]);
		expect(fails(saveEnterprise.safeParse({ ...enterprise, name: '津' }))).toEqual(['name']);
	});

	it('a position is both coordinates or neither; a plan every 7 to 365 days', () => {
		expect(fails(saveEnterprise.safeParse({ ...enterprise, latitude: 39.15 }))).toEqual(['longitude']);
		expect(saveEnterprise.safeParse({ ...enterprise, latitude: 39.15, longitude: 117.2 }).success).toBe(true);
		expect(fails(saveEnterprise.safeParse({ ...enterprise, visit_every_days: 6 }))).toEqual([
			'visit_every_days'
		]);
		expect(fails(saveEnterprise.safeParse({ ...enterprise, visit_every_days: 366 }))).toEqual([
			'visit_every_days'
		]);
	});
});

describe('projects', () => {
	it('milestone keys are distinct', () => {
		const project = {
			id: ID,
			enterprise_id: ID,
			name: '新厂房建设',
			stage: 'construction',
			steward_id: ID,
			milestones: [
				{ key: 'permit', label: '取得施工许可', due_on: '2027-01-10', done_on: null },
				{ key: 'permit', label: '竣工验收', due_on: '2027-06-10', done_on: null }
			],
			archived_at: null,
			saved_at: '2026-12-01T01:00:00.000Z'
		};
		expect(fails(saveEnterpriseProject.safeParse(project))).toEqual(['milestones']);
	});
});

describe('streets', () => {
	it('the 10 streets of 河北区, found by code, name or name without 街道', () => {
		expect(STREETS).toHaveLength(10);
		expect(ENTERPRISE_RULES.streetCodes.split(',')).toEqual(STREETS.map((street) => street.code));
		expect(streetName('120105007')).toBe('宁园街道');
		expect(streetOf('望海楼')).toBe('120105002');
		expect(streetOf(' 月牙河街道 ')).toBe('120105010');
		expect(streetOf('120105004')).toBe('120105004');
		expect(streetOf('和平区')).toBeNull();
	});
});
