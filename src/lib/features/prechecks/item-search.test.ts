import { describe, expect, it } from 'vitest';
import type { ServiceItemDraft } from '$lib/domain/service-catalog';
import { companyDraft, itemRow, versionRow } from '../../../../tests/support/catalog';
import { searchKeysFor } from '../service-catalog/search-keys';
import { createItemSearch, type CatalogSearchEntry } from './item-search';

const NOW = Date.parse('2026-11-30T02:00:00.000Z');
let ids = 0;
const id = () => `0190c000-0000-7000-8000-${String(++ids).padStart(12, '0')}`;

function entry(code: string, name_zh: string, aliases: string[] = [], withdrawn = false): CatalogSearchEntry {
	const itemId = id();
	const versionId = id();
	const draft: ServiceItemDraft = { ...companyDraft(), code, name_zh, aliases };
	return {
		item: itemRow({
			id: itemId,
			code,
			current_version_id: versionId,
			withdrawn_at: withdrawn ? '2026-11-01T00:00:00.000Z' : null
		}),
		current: {
			...versionRow({ id: versionId, item_id: itemId }, draft),
			search_keys: searchKeysFor({ name_zh, aliases })
		}
	};
}

const catalog = [
	entry('QY-001', '公司设立登记', ['营业执照', '开公司']),
	entry('QY-002', '公司变更登记'),
	entry('QY-003', '公司注销登记'),
	entry('XM-010', '重点项目备案'),
	entry('XM-011', '项目重新申报'),
	entry('JR-001', '银行开户许可'),
	entry('XZ-001', '行政许可延长办理'),
	entry('XZ-002', '行政许可事项变更'),
	entry('GT-999', '个体工商户设立登记'),
	entry('OLD-01', '公司设立登记（旧）', [], true)
];

const names = (hits: { current: { name_zh: string } }[]) => hits.map((hit) => hit.current.name_zh);

describe('finding an item while typing', () => {
	const search = createItemSearch(catalog, new Map(), NOW);

	it('pinyin initials, any case and with spaces: gssl finds 公司设立登记', () => {
		expect(names(search.search('gssl'))[0]).toBe('公司设立登记');
		expect(names(search.search(' GS sl '))[0]).toBe('公司设立登记');
		expect(names(search.search('gongsisheli'))[0]).toBe('公司设立登记');
	});

	it('reads polyphones as the item name does: 重点 zhong, 重新 chong, 银行 hang, 行政 xing, 延长 chang', () => {
		expect(names(search.search('zdxm'))).toEqual(['重点项目备案']);
		expect(names(search.search('xmcxsb'))).toEqual(['项目重新申报']);
		expect(names(search.search('yinhang'))).toEqual(['银行开户许可']);
		expect(names(search.search('xzxk'))).toEqual(['行政许可延长办理', '行政许可事项变更']);
		expect(names(search.search('yanchang'))).toEqual(['行政许可延长办理']);
	});

	it('an alias finds its item: 营业执照 → 公司设立登记; Chinese text matches inside the name', () => {
		expect(names(search.search('营业执照'))).toEqual(['公司设立登记']);
		expect(search.search('营业执照')[0]).toMatchObject({ match: 'exact', field: 'alias' });
		expect(names(search.search('设立'))).toEqual(['公司设立登记', '个体工商户设立登记']);
	});

	it('a code from its start, with or without the dash; not from its middle', () => {
		expect(names(search.search('qy-00'))).toEqual(['公司设立登记', '公司变更登记', '公司注销登记']);
		expect(search.search('qy 001')[0]).toMatchObject({ match: 'exact', field: 'code' });
		expect(search.search('001').filter((hit) => hit.field === 'code')).toEqual([]);
	});

	it('never offers a withdrawn item, and says nothing matched when nothing did', () => {
		expect(names(search.search('公司设立登记'))).toEqual(['公司设立登记']);
		expect(search.search('zzzzqqq')).toEqual([]);
	});
});

describe('ranking by what this user does', () => {
	const usage = new Map([
		// Used often, long ago; used once, this morning; used a lot, recently.
		[catalog[2]!.item.id, { count: 30, lastUsedAt: '2026-08-01T02:00:00.000Z' }],
		[catalog[1]!.item.id, { count: 1, lastUsedAt: '2026-11-30T01:00:00.000Z' }],
		[catalog[8]!.item.id, { count: 12, lastUsedAt: '2026-11-29T08:00:00.000Z' }]
	]);
	const search = createItemSearch(catalog, usage, NOW);

	it('an empty query lists the recent and most-used first, then the rest by code', () => {
		expect(names(search.search('', 5))).toEqual([
			'个体工商户设立登记',
			'公司变更登记',
			'公司注销登记',
			'银行开户许可',
			'公司设立登记'
		]);
		expect(search.search('', 100)).toHaveLength(9);
	});

	it('among equally good matches usage decides; an exact or prefix match still beats a used item', () => {
		expect(names(search.search('gs'))).toEqual([
			'公司变更登记',
			'公司注销登记',
			'公司设立登记',
			'个体工商户设立登记'
		]);
		// 设立: 公司设立登记 is matched inside its name as is 个体工商户设立登记; usage puts the latter first.
		expect(names(search.search('设立'))).toEqual(['个体工商户设立登记', '公司设立登记']);
		// An exact alias beats the most used item.
		expect(names(search.search('营业执照'))[0]).toBe('公司设立登记');
	});
});
