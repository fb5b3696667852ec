import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { publishServiceItem, SERVICE_SCOPES } from '../../../src/lib/domain/service-catalog';
import { SEED_HALLS } from '../../../scripts/catalog-seed/catalog';
import { seedCatalogFile } from '../../../scripts/catalog-seed/generate';
import { catalogSeedSql, seedOp } from '../../../scripts/catalog-seed/sql';
import { templateExamples } from '../../../scripts/catalog-seed/template-examples';
import { combinedRowsOf, toCsv } from '../../../src/lib/features/service-catalog/import/to-rows';

const [center, station] = SEED_HALLS;
if (!center || !station) throw new Error('the seed has two halls');

describe('the demo catalog', () => {
	it('is exactly what supabase/seed-catalog.sql holds (run `npm run seed:catalog` after editing it)', async () => {
		expect(await readFile(seedCatalogFile, 'utf8')).toBe(catalogSeedSql());
	});

	it.each(SEED_HALLS.flatMap((hall) => hall.items.map((item, index) => ({ hall, item, index }))))(
		'$item.code $item.name_zh is a valid publish op',
		({ hall, item, index }) => {
			const op = seedOp(hall, index, item);
			expect(publishServiceItem.safeParse(op).success).toBe(true);
			expect(op.materials.length).toBeGreaterThanOrEqual(4);
			expect(op.materials.length).toBeLessThanOrEqual(12);
			// Every question the applicant is asked makes some material apply: no question is asked for nothing.
			for (const question of op.questions) {
				expect(
					op.materials.some((m) => m.condition?.question === question.key),
					question.key
				).toBe(true);
			}
		}
	);

	it('gives the district center about 30 items across every scope, the station about 12', () => {
		expect(center.items.length).toBeGreaterThanOrEqual(30);
		expect(new Set(center.items.map((item) => item.scope))).toEqual(new Set(SERVICE_SCOPES));
		expect(station.items.length).toBeGreaterThanOrEqual(12);
	});

	it('uses each code once per hall', () => {
		for (const hall of SEED_HALLS) {
			const codes = hall.items.map((item) => item.code);
			expect(new Set(codes).size).toBe(codes.length);
		}
	});

	it('stores search keys so that gssl finds 公司设立登记 and the words staff say find their item', () => {
		const index = center.items.findIndex((item) => item.name_zh === '公司设立登记');
		const op = seedOp(center, index, center.items[index]!);
		expect(op.search_keys).toContain('gssl');
		expect(op.search_keys.split(' ')).toContain('yyzz');
		const food = center.items.findIndex((item) => item.name_zh === '食品经营许可');
		expect(seedOp(center, food, center.items[food]!).search_keys.split(' ')).toContain('spz');
	});

	it('marks every item demo and publishes it as the hall’s own manager', () => {
		const sql = catalogSeedSql();
		expect(sql).toMatch(/^-- DEMO DATA/);
		expect(sql).not.toMatch(/, false\)/);
		expect(center.publisher.name).toBe('刘洋');
		expect(station.publisher.name).toBe('林涛');
	});
});

describe('the import template', () => {
	it('is what `npm run catalog:template` writes from the demo items (the CSV; the workbook holds the same rows)', async () => {
		const csv = await readFile(path.resolve('static', 'templates', 'catalog-template.csv'), 'utf8');
		expect(csv).toBe(toCsv(combinedRowsOf(templateExamples())));
	});
});
