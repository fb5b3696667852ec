import { beforeAll, describe, expect, it } from 'vitest';
import type { EnterpriseRow } from '$lib/domain/enterprise';
import type { EnterpriseListEntry } from '$lib/local/enterprises/queries';
import { matchesEnterprise, nameSearchKeys, prepareSearch, searchEnterprises } from './search';

const enterprise = (name: string, credit_code = '91440300708461136T') => ({ name, credit_code });

const entry = (name: string, fields: Partial<EnterpriseListEntry> = {}): EnterpriseListEntry => ({
	enterprise: { ...enterprise(name), id: name } as EnterpriseRow,
	street: '望海楼街道',
	plan: { light: 'on_plan', due_on: '2026-12-30', days_left: 20, last_visit_on: '2026-11-30' },
	mine: false,
	archived: false,
	pending: false,
	...fields
});

const prepared = (...names: string[]) =>
	prepareSearch(names.map((name) => ({ enterprise: enterprise(name) })));

describe('matchesEnterprise', () => {
	beforeAll(() => prepared('天津海河智造科技有限公司', '重庆银行天津分行'));

	it('finds by Chinese text, full pinyin, initials, in any case and with spaces typed', () => {
		const haihe = enterprise('天津海河智造科技有限公司');
		expect(matchesEnterprise(haihe, '海河')).toBe(true);
		expect(matchesEnterprise(haihe, 'haihe')).toBe(true);
		expect(matchesEnterprise(haihe, 'TJHH')).toBe(true);
		expect(matchesEnterprise(haihe, 'tian jin')).toBe(true);
		expect(matchesEnterprise(haihe, 'kjyxgs')).toBe(true);
		expect(matchesEnterprise(haihe, '上海')).toBe(false);
		expect(matchesEnterprise(haihe, 'shanghai')).toBe(false);
	});

	it('reads polyphones in context (重庆 chongqing, 银行 yinhang)', () => {
		expect(nameSearchKeys('重庆银行天津分行')).toContain('chongqingyinhang');
		expect(matchesEnterprise(enterprise('重庆银行天津分行'), 'cqyh')).toBe(true);
	});

	it('finds by a credit-code prefix of two characters or more, typed in lower case', () => {
		const tencent = enterprise('深圳市腾讯计算机系统有限公司', '91440300708461136T');
		expect(matchesEnterprise(tencent, '914403')).toBe(true);
		expect(matchesEnterprise(tencent, '91440300708461136t')).toBe(true);
		expect(matchesEnterprise(tencent, '440300')).toBe(false);
	});

	it('a name whose keys are not prepared yet is found by its text, not by pinyin worked out per keystroke', () => {
		expect(matchesEnterprise(enterprise('北洋园区管理有限公司'), '北洋')).toBe(true);
		expect(matchesEnterprise(enterprise('北洋园区管理有限公司'), 'beiyang')).toBe(false);
	});

	it('an empty query matches everything', () => {
		expect(matchesEnterprise(enterprise('任意企业'), '  ')).toBe(true);
	});
});

describe('searchEnterprises', () => {
	it('filters overdue, due soon and mine; archived ones only under archived', async () => {
		const entries = [
			entry('甲公司', {
				plan: { light: 'overdue', due_on: '2026-11-01', days_left: -30, last_visit_on: null }
			}),
			entry('乙公司', {
				plan: { light: 'due_soon', due_on: '2026-12-03', days_left: 2, last_visit_on: null }
			}),
			entry('丙公司', { mine: true }),
			entry('丁公司', { archived: true })
		];
		const names = (list: EnterpriseListEntry[]) => list.map((e) => e.enterprise.name);
		expect(names(searchEnterprises(entries, ''))).toEqual(['甲公司', '乙公司', '丙公司']);
		expect(names(searchEnterprises(entries, '', 'overdue'))).toEqual(['甲公司']);
		expect(names(searchEnterprises(entries, '', 'due_soon'))).toEqual(['乙公司']);
		expect(names(searchEnterprises(entries, '', 'mine'))).toEqual(['丙公司']);
		expect(names(searchEnterprises(entries, '', 'archived'))).toEqual(['丁公司']);
		await prepareSearch(entries);
		expect(names(searchEnterprises(entries, 'bgs'))).toEqual(['丙公司']);
	});

	it('searches 5,000 enterprises per keystroke in a few milliseconds once their keys are prepared', async () => {
		const words = ['海河', '智造', '科技', '商贸', '物流', '建设', '医药', '食品', '新材料', '电子'];
		const entries = Array.from({ length: 5000 }, (_, index) =>
			entry(`天津${words[index % 10]}${words[(index * 7) % 10]}${index}有限公司`)
		);
		await prepareSearch(entries);
		const started = performance.now();
		for (const query of ['h', 'hh', 'hhz', 'haihe', '海河', '9144']) searchEnterprises(entries, query);
		const perKeystroke = (performance.now() - started) / 6;
		expect(searchEnterprises(entries, 'tjhhhh').length).toBeGreaterThan(0);
		// A frame is 16 ms; a busy CI machine gets a generous margin.
		expect(perKeystroke).toBeLessThan(16);
	});
});
