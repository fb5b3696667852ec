import { beforeAll, describe, expect, it } from 'vitest';
import { enterpriseMessages } from '$lib/features/enterprises/messages';
import { draftProblems, draftToInput, EMPTY_DRAFT, type EnterpriseDraft } from './enterprise-draft';

// The enterprise screens load the pack before any of them runs this.
beforeAll(() => enterpriseMessages.load());

/** A valid code: its 18th character is the check character GB 32100-2015 gives for the first 17. */
const VALID = '91120105MA05K8XW3P';
const ID = '0190d000-0000-7000-8000-000000000001';

const draft = (fields: Partial<EnterpriseDraft> = {}): EnterpriseDraft => ({
	...EMPTY_DRAFT,
	name: '天津河北示例科技有限公司',
	credit_code: VALID,
	street_code: '120105002',
	...fields
});

describe('the enterprise form’s checks', () => {
	it('accepts a complete draft, typed in lower case with spaces', () => {
		expect(
			draftProblems(draft({ credit_code: ` ${VALID.toLowerCase().slice(0, 9)} ${VALID.slice(9)}` }))
		).toEqual({});
	});

	it('says how long the code is when it is short', () => {
		expect(draftProblems(draft({ credit_code: '91120105' })).credit_code).toBe('长度应为 18 位（当前 8 位）');
	});

	it('names the position and character that is never used', () => {
		const code = `${VALID.slice(0, 10)}O${VALID.slice(11)}`;
		expect(draftProblems(draft({ credit_code: code })).credit_code).toBe(
			'第 11 位“O”不是有效字符（不使用 I、O、Z、S、V）'
		);
	});

	it('says a letter in the division code should be a digit', () => {
		const code = `${VALID.slice(0, 3)}A${VALID.slice(4)}`;
		expect(draftProblems(draft({ credit_code: code })).credit_code).toBe(
			'第 4 位“A”应为数字（第 3～8 位是行政区划代码）'
		);
	});

	it('gives the right check character', () => {
		const wrong = VALID.endsWith('0') ? '1' : '0';
		const problem = draftProblems(draft({ credit_code: `${VALID.slice(0, 17)}${wrong}` })).credit_code;
		expect(problem).toBe(`校验位错误：第 18 位应为“${VALID.slice(17)}”`);
	});

	it('asks for the street, a name of 2 to 100 characters and a plan of 7 to 365 days', () => {
		const problems = draftProblems(draft({ name: '甲', street_code: '', visit_every_days: '6' }));
		expect(problems.name).toBe('企业名称应为 2～100 个字。');
		expect(problems.street_code).toBe('请选择所属街道。');
		expect(problems.visit_every_days).toBe('走访周期应为 7～365 之间的整数天。');
		expect(draftProblems(draft({ visit_every_days: '30.5' })).visit_every_days).toBeDefined();
	});

	it('wants both coordinates or neither, each in range', () => {
		expect(draftProblems(draft({ latitude: '39.16' })).longitude).toBe('纬度和经度需同时填写或同时留空。');
		expect(draftProblems(draft({ latitude: '91', longitude: '117.2' })).latitude).toBe(
			'纬度应为 -90～90 之间的数字。'
		);
	});
});

describe('what the form saves', () => {
	it('normalises the code, trims the text, parses the numbers and turns empty fields into nulls', () => {
		const input = draftToInput(
			draft({
				name: ' 示例公司 ',
				credit_code: VALID.toLowerCase(),
				address: '  ',
				latitude: '39.16',
				longitude: '117,2',
				visit_every_days: '30'
			}),
			null
		);
		expect(input).toEqual({
			id: null,
			name: '示例公司',
			credit_code: VALID,
			street_code: '120105002',
			address: null,
			latitude: 39.16,
			longitude: 117.2,
			industry: null,
			visit_every_days: 30,
			archived: false
		});
	});

	it('keeps the enterprise’s id and the archive box', () => {
		expect(draftToInput(draft({ archived: true }), ID)).toMatchObject({ id: ID, archived: true });
	});
});
