import { describe, expect, it } from 'vitest';
import { incidentCategoryOf, incidentLink } from './incident-link';

describe('the link from a patrol problem to a new incident', () => {
	it('carries the check, the checkpoint, its name as the place, the category and the description', () => {
		const link = incidentLink({
			checkId: '0190c000-0000-7000-8000-000000000001',
			checkpointId: '0190c000-0000-7000-8000-000000000002',
			place: '安全出口/消防通道',
			itemKey: 'safety',
			itemLabel: '无安全隐患',
			note: ' 通道堆放纸箱 & 杂物 '
		});
		const url = new URL(link, 'https://hall.example');
		expect(url.pathname).toBe('/incidents/new');
		expect(Object.fromEntries(url.searchParams)).toEqual({
			check: '0190c000-0000-7000-8000-000000000001',
			checkpoint: '0190c000-0000-7000-8000-000000000002',
			place: '安全出口/消防通道',
			category: 'hazard',
			description: '无安全隐患：通道堆放纸箱 & 杂物'
		});
	});

	it('without a note, the description is the item’s label', () => {
		const url = new URL(
			incidentLink({
				checkId: 'c',
				checkpointId: 'p',
				place: '卫生间',
				itemKey: 'clean',
				itemLabel: '清洁卫生',
				note: null
			}),
			'https://hall.example'
		);
		expect(url.searchParams.get('description')).toBe('清洁卫生');
	});

	it('suggests the category from the item: equipment, hazard, environment, order, else environment', () => {
		expect(
			['equipment', 'safety', 'clean', 'order', 'consumables', 'ticket_machine'].map(incidentCategoryOf)
		).toEqual(['equipment', 'hazard', 'environment', 'order', 'environment', 'environment']);
	});
});
