import { describe, expect, it } from 'vitest';

/**
 * Every workflow's message pack (src/lib/features/<workflow>/messages/, or deeper for a screen's own pack), found by path so a new pack is checked
 * without editing this test: its English catalog has exactly the Chinese one's keys and placeholders.
 * (en.ts is typed against zh-CN.ts, so this also catches a placeholder translated by mistake.)
 */
const catalogs = import.meta.glob<Record<string, Readonly<Record<string, string>>>>(
	'/src/lib/features/**/messages/{zh-CN,en}.ts',
	{ eager: true }
);

function packs(): Map<
	string,
	{ zh?: Readonly<Record<string, string>>; en?: Readonly<Record<string, string>> }
> {
	const byFolder = new Map<
		string,
		{ zh?: Readonly<Record<string, string>>; en?: Readonly<Record<string, string>> }
	>();
	for (const [path, module] of Object.entries(catalogs)) {
		const folder = path.replace(/\/(zh-CN|en)\.ts$/, '');
		const pack = byFolder.get(folder) ?? {};
		if (path.endsWith('/zh-CN.ts')) pack.zh = module['zhCN'];
		else pack.en = module['en'];
		byFolder.set(folder, pack);
	}
	return byFolder;
}

const placeholders = (text: string): string[] => (text.match(/\{\w+\}/g) ?? []).sort();

describe('message packs', () => {
	it('are found (the pre-checks and the service catalog at least)', () => {
		expect([...packs().keys()]).toEqual(
			expect.arrayContaining([
				'/src/lib/features/prechecks/messages',
				'/src/lib/features/service-catalog/messages'
			])
		);
	});

	for (const [folder, { zh, en }] of packs()) {
		it(`${folder}: English has the same keys and placeholders as Chinese`, () => {
			expect(zh, `${folder}/zh-CN.ts exports zhCN`).toBeDefined();
			expect(en, `${folder}/en.ts exports en`).toBeDefined();
			if (!zh || !en) return;
			expect(Object.keys(en).sort()).toEqual(Object.keys(zh).sort());
			for (const [key, text] of Object.entries(zh)) {
				expect(placeholders(en[key] ?? ''), key).toEqual(placeholders(text));
			}
		});
	}

	it('keep to their own keys: none repeats a key of the shell or of another pack', async () => {
		const { zhCN: shell } = await import('./zh-CN');
		const seen = new Map<string, string>(Object.keys(shell).map((key) => [key, 'the shell']));
		for (const [folder, { zh }] of packs()) {
			for (const key of Object.keys(zh ?? {})) {
				expect(seen.get(key), `${folder}: ${key}`).toBeUndefined();
				seen.set(key, folder);
			}
		}
	});
});
