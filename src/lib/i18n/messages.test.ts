import { afterEach, describe, expect, it, vi } from 'vitest';
import { locale } from './locale.svelte';
import { defineMessages, type PackCatalog } from './messages.svelte';

const zh = { 'demo.hello': '您好，{name}', 'demo.bye': '再见' } as const;
type Key = keyof typeof zh;
const en: PackCatalog<Key> = { 'demo.hello': 'Hello, {name}', 'demo.bye': 'Goodbye' };

function demoPack(englishLoads: () => Promise<PackCatalog<Key>> = () => Promise.resolve(en)) {
	const loads = { 'zh-CN': vi.fn(() => Promise.resolve(zh)), en: vi.fn(englishLoads) };
	return { pack: defineMessages<Key>('demo', loads), loads };
}

afterEach(async () => {
	await locale.set('zh-CN');
});

describe('a message pack', () => {
	it('shows its keys until loaded, then its Chinese messages with placeholders filled', async () => {
		const { pack, loads } = demoPack();
		expect(pack.t('demo.bye')).toBe('demo.bye');
		await pack.load();
		expect(pack.t('demo.hello', { name: '李娜' })).toBe('您好，李娜');
		expect(loads.en).not.toHaveBeenCalled(); // English loads only when someone chooses it
	});

	it('switches language together with the shell, once its own messages are in', async () => {
		let arrive: (catalog: PackCatalog<Key>) => void = () => {};
		const { pack } = demoPack(() => new Promise((resolve) => (arrive = resolve)));
		await pack.load();
		const switching = locale.set('en');
		await Promise.resolve();
		expect(locale.current).toBe('zh-CN'); // the shell waits for the pack: no screen mixes two languages
		expect(pack.t('demo.bye')).toBe('再见');
		arrive(en);
		await switching;
		expect(locale.current).toBe('en');
		expect(pack.t('demo.bye')).toBe('Goodbye');
	});

	it('loaded after English was chosen, speaks English', async () => {
		await locale.set('en');
		const { pack } = demoPack();
		await pack.load();
		expect(pack.t('demo.hello', { name: 'Li Na' })).toBe('Hello, Li Na');
	});

	it('tries again after a load that failed (offline before it was cached)', async () => {
		let fail = true;
		const { pack } = demoPack(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(en)));
		await locale.set('en');
		await expect(pack.load()).rejects.toThrow('offline');
		fail = false;
		await pack.load();
		expect(pack.t('demo.bye')).toBe('Goodbye');
	});
});

describe('a pack’s catalog in a given language', () => {
	it('is the whole catalog of that language whatever the screen’s, loaded once', async () => {
		const { pack, loads } = demoPack();
		await pack.load();
		const [english, again] = await Promise.all([pack.catalog('en'), pack.catalog('en')]);
		expect(english['demo.hello']).toBe('Hello, {name}');
		expect(again).toBe(english);
		expect(loads.en).toHaveBeenCalledTimes(1);
		expect(locale.current).toBe('zh-CN'); // asking for English text does not switch the screen
		expect(pack.t('demo.bye')).toBe('再见');
	});

	it('tries again after a load that failed', async () => {
		let fail = true;
		const { pack } = demoPack(() => (fail ? Promise.reject(new Error('offline')) : Promise.resolve(en)));
		await expect(pack.catalog('en')).rejects.toThrow('offline');
		fail = false;
		expect((await pack.catalog('en'))['demo.bye']).toBe('Goodbye');
	});
});
