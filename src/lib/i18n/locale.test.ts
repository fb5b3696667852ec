import { afterEach, describe, expect, it } from 'vitest';
import { en } from './en';
import { locale, t } from './locale.svelte';
import { zhCN } from './zh-CN';

afterEach(async () => {
	await locale.set('zh-CN');
});

describe('t()', () => {
	it('speaks Chinese by default', () => {
		expect(t('login.invalidCredentials')).toBe('邮箱或密码错误');
	});

	it('fills placeholders and leaves unknown ones visible', () => {
		expect(t('home.greeting', { name: '李娜' })).toBe('您好，李娜');
		expect(t('home.greeting')).toBe('您好，{name}');
	});

	it('follows the chosen language once its messages are in', async () => {
		await locale.set('en');
		expect(locale.current).toBe('en');
		expect(t('post.intake')).toBe('Intake');
	});

	it('takes the last of two quick choices', async () => {
		const english = locale.set('en');
		const chinese = locale.set('zh-CN');
		await Promise.all([english, chinese]);
		expect(locale.current).toBe('zh-CN');
		expect(t('post.intake')).toBe(zhCN['post.intake']);
	});
});

describe('catalogs', () => {
	it('have the same keys and the same placeholders', () => {
		expect(Object.keys(en).sort()).toEqual(Object.keys(zhCN).sort());
		const placeholders = (text: string): string[] => text.match(/\{\w+\}/g) ?? [];
		for (const [key, text] of Object.entries(zhCN)) {
			expect(placeholders(en[key as keyof typeof zhCN]), key).toEqual(placeholders(text));
		}
	});
});
