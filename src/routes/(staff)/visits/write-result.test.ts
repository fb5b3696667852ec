import { beforeAll, describe, expect, it } from 'vitest';
import { visitMessages } from '$lib/features/visits/messages';
import { visitRefusalMessage } from './write-result';

// The visit screens load the pack before any of them shows a refusal.
beforeAll(() => visitMessages.load());

describe('visitRefusalMessage', () => {
	it('says the project is gone, or is another enterprise’s, instead of asking to choose one', () => {
		const gone = visitRefusalMessage({ code: 'not_found', reason: 'project' });
		const other = visitRefusalMessage({ code: 'conflict', reason: 'project_of_other_enterprise' });
		expect(gone).toBe('所选项目在本机已不存在，请重新选择项目。已填写的内容不会丢失。');
		expect(other).toBe('所选项目不属于这家企业，请重新选择项目。已填写的内容不会丢失。');
		expect(other).not.toContain('需选择一个项目');
	});

	it('names the colleague problem and the author rule in their own words', () => {
		expect(visitRefusalMessage({ code: 'conflict', reason: 'companion_is_author' })).toBe(
			'同行人员不用选自己。'
		);
		expect(visitRefusalMessage({ code: 'forbidden', reason: 'author_only' })).toBe(
			'只有走访人本人可以修改这次走访。'
		);
	});
});
