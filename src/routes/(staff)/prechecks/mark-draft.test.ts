import { beforeAll, describe, expect, it } from 'vitest';
import { precheckMessages } from '$lib/features/prechecks/messages';
import { material } from '../../../../tests/support/catalog';
import { markError, toMark } from './mark-draft';

// The /prechecks layout loads the pack before any of its screens runs this.
beforeAll(() => precheckMessages.load());

const charter = material({ key: 'charter', name_zh: '公司章程', rejection_reasons: ['股东未全部签字'] });

describe('a mark as the form holds it', () => {
	it('travels as the op carries it: a common reason, a material’s own reason, or typed text', () => {
		expect(toMark(charter, { status: 'present', reason: 'expired', typed: 'x' })).toEqual({
			material_key: 'charter',
			status: 'present',
			reason: null,
			reason_text: null
		});
		expect(toMark(charter, { status: 'unacceptable', reason: 'expired', typed: '' })).toMatchObject({
			reason: 'expired',
			reason_text: null
		});
		expect(toMark(charter, { status: 'unacceptable', reason: 'own:0', typed: '' })).toMatchObject({
			reason: 'other',
			reason_text: '股东未全部签字'
		});
		expect(toMark(charter, { status: 'unacceptable', reason: 'other', typed: '  <b>x</b> ' })).toMatchObject({
			reason: 'other',
			reason_text: '<b>x</b>'
		});
	});

	it('says in Chinese what is missing before it can be saved', () => {
		expect(markError(undefined)).toBe('请选择：已提供、缺少或不符合要求');
		expect(markError({ status: 'unacceptable', reason: null, typed: '' })).toBe('请选择不符合要求的原因');
		expect(markError({ status: 'unacceptable', reason: 'other', typed: '  ' })).toBe(
			'请填写不符合要求的原因'
		);
		expect(markError({ status: 'unacceptable', reason: 'other', typed: 'x'.repeat(101) })).toContain('100');
		expect(markError({ status: 'unacceptable', reason: 'other', typed: 'a\u0007b' })).toContain('控制字符');
		expect(markError({ status: 'missing', reason: null, typed: '' })).toBeNull();
	});
});
