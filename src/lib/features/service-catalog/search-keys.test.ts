import { describe, expect, it } from 'vitest';
import { CATALOG_LIMITS } from '$lib/domain/service-catalog';
import { searchKeysFor } from './search-keys';

const keysOf = (name_zh: string, aliases: string[] = []): string[] =>
	searchKeysFor({ name_zh, aliases }).split(' ');

describe('searchKeysFor', () => {
	it('gives the full pinyin and the initials of an item name, so gssl finds 公司设立登记', () => {
		const keys = keysOf('公司设立登记');
		expect(keys).toContain('gongsishelidengji');
		expect(keys).toContain('gssldj');
		expect(keys.some((key) => key.includes('gssl'))).toBe(true);
	});

	it('reads polyphones in context in real item names', () => {
		expect(keysOf('重点项目备案')).toContain('zhongdianxiangmubeian');
		expect(keysOf('重新申领营业执照')).toContain('chongxinshenlingyingyezhizhao');
		expect(keysOf('银行开户许可')).toContain('yinhangkaihuxuke');
		expect(keysOf('行政许可事项变更')).toContain('xingzhengxukeshixiangbiangeng');
		expect(keysOf('食品经营许可证延续（延长有效期）')).toContain(
			'shipinjingyingxukezhengyanxuyanchangyouxiaoqi'
		);
		expect(keysOf('注册资本增长变更登记')).toContain('zhucezibenzengzhangbiangengdengji');
	});

	it('also gives the initials with a polyphone read the other way, in case the context is read wrong', () => {
		const keys = keysOf('重新申领营业执照');
		expect(keys).toContain('cxslyyzz');
		expect(keys).toContain('zxslyyzz');
	});

	it('covers every alias staff use, after the name', () => {
		const keys = keysOf('公司设立登记', ['营业执照', '办照']);
		expect(keys[0]).toBe('gongsishelidengji');
		expect(keys).toEqual(expect.arrayContaining(['yingyezhizhao', 'yyzz', 'banzhao', 'bz']));
	});

	it('keeps letters and digits whole, drops punctuation, writes ü as v, and lower-cases everything', () => {
		const keys = keysOf('ICP备案（增值电信）', ['绿色通道']);
		expect(keys).toContain('icpbeianzengzhidianxin');
		expect(keys).toContain('icpbazzdx');
		expect(keys).toContain('lvsetongdao');
		expect(searchKeysFor({ name_zh: 'ICP备案', aliases: [] })).toBe(
			searchKeysFor({ name_zh: 'ICP备案', aliases: [] }).toLowerCase()
		);
	});

	it('repeats no key and has no empty key', () => {
		const keys = keysOf('社保登记', ['社保登记', '社保', '！！']);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys).not.toContain('');
	});

	it('stays within the column limit even for the longest names and aliases, cut at a whole key', () => {
		const long = '重庆银行行长重新增长'.repeat(10);
		const aliases = Array.from({ length: CATALOG_LIMITS.aliases }, (_, i) => `${'长行重'.repeat(9)}${i}`);
		const keys = searchKeysFor({ name_zh: long, aliases });
		expect(keys.length).toBeLessThanOrEqual(CATALOG_LIMITS.searchKeys);
		expect(keys.split(' ').every((key) => /^[a-z0-9]+$/.test(key))).toBe(true);
	});
});
