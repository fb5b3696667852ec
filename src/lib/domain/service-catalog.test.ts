import { describe, expect, it } from 'vitest';
import { isWebLink } from './service-catalog';

describe('isWebLink: which catalog addresses the screens and the notice make links', () => {
	it('makes web addresses links', () => {
		expect(isWebLink('https://zwfw.tj.gov.cn/item/11120105MB1234567X')).toBe(true);
		expect(isWebLink('http://192.0.2.7:4173/forms/申请书.docx')).toBe(true);
	});

	it('never a script, data or other scheme, text with spaces or markup, or nothing', () => {
		for (const text of [
			'javascript:alert(1)',
			'JAVASCRIPT:alert(1)',
			'data:text/html,<script>alert(1)</script>',
			'ftp://files.example.cn/form.pdf',
			'https://example.cn/a b',
			'https://example.cn/"><img src=x>',
			'www.example.cn',
			''
		]) {
			expect(isWebLink(text), text).toBe(false);
		}
		expect(isWebLink(null)).toBe(false);
	});
});
