import { describe, expect, it } from 'vitest';
import { maxJsonDepth, parseJson } from '../../../supabase/local/gateway/json-text';

describe('parseJson', () => {
	it('refuses nesting deeper than the limit before parsing', () => {
		const deep = `${'['.repeat(maxJsonDepth + 1)}${']'.repeat(maxJsonDepth + 1)}`;
		expect(parseJson(deep)).toEqual({ ok: false, reason: 'too-deep' });
		const atLimit = `${'['.repeat(maxJsonDepth)}${']'.repeat(maxJsonDepth)}`;
		expect(parseJson(atLimit).ok).toBe(true);
	});

	it('does not count brackets inside strings, escaped quotes included', () => {
		const text = JSON.stringify({ note: `he said \\"${'{['.repeat(maxJsonDepth)}` });
		expect(parseJson(text)).toEqual({ ok: true, value: JSON.parse(text) as unknown });
	});

	it('tells invalid JSON apart from too deep', () => {
		expect(parseJson('{"a": 1,')).toEqual({ ok: false, reason: 'invalid' });
	});
});
