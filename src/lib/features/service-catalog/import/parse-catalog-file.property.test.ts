import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { publishServiceItem } from '$lib/domain/service-catalog';
import { parseCatalogFile } from './index';
import { combinedRowsOf, toCsv } from './to-rows';
import { SEED_HALLS } from '../../../../../scripts/catalog-seed/catalog';

const PLACEHOLDERS = {
	id: '00000000-0000-4000-8000-000000000001',
	item_id: '00000000-0000-4000-8000-000000000002',
	search_keys: '',
	published_at: '2026-11-30T09:00:00+08:00'
};

const junk = fc.oneof(
	fc.constantFrom(
		'',
		'事项',
		'材料',
		'A-1',
		'企业开办',
		'必需',
		'条件',
		'可选',
		'复印件',
		'0',
		'21',
		'即办',
		'新办'
	),
	fc.constantFrom(
		'由代理人办理？=是',
		'已婚？=否',
		'ftp://x',
		'https://x.gov.cn/ a',
		'<script>alert(1)</script>'
	),
	fc.string({ maxLength: 120 }),
	fc.string({ unit: 'binary', maxLength: 20 })
);

/** Demo items written out as a CSV, then some cells overwritten with anything: what a clerk's edits can do. */
const spoiledFile = fc
	.tuple(
		fc.subarray(
			SEED_HALLS.flatMap((hall) => hall.items),
			{ minLength: 1, maxLength: 6 }
		),
		fc.array(fc.tuple(fc.nat(), fc.nat(), junk), { maxLength: 8 })
	)
	.map(([items, spoils]) => {
		const rows = combinedRowsOf(items);
		for (const [r, c, value] of spoils) {
			const target = rows[(r % (rows.length - 1)) + 1]!;
			target[c % target.length] = value;
		}
		return rows;
	});
describe('parseCatalogFile on any file', () => {
	it('never throws, and every item it gives is one the server will accept', async () => {
		let imported = 0;
		await fc.assert(
			fc.asyncProperty(spoiledFile, async (rows) => {
				const report = await parseCatalogFile({
					name: 'x.csv',
					bytes: new TextEncoder().encode(toCsv(rows))
				});
				imported += report.items.length;
				for (const item of report.items) {
					expect(publishServiceItem.safeParse({ ...item.draft, ...PLACEHOLDERS }).success).toBe(true);
				}
				for (const error of report.errors) {
					expect(error.row).toBeGreaterThanOrEqual(1);
					expect(error.message_zh).not.toBe('');
				}
			}),
			{ numRuns: 100 }
		);
		// The property means something only if some files did import.
		console.log('IMPORTED', imported);
		expect(imported).toBeGreaterThan(0);
	}, 60_000);

	it('never throws on bytes that are no file of the format', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.uint8Array({ maxLength: 400 }),
				fc.constantFrom('a.csv', 'a.xlsx'),
				async (bytes, name) => {
					const report = await parseCatalogFile({ name, bytes });
					expect(report.items).toEqual([]);
				}
			),
			{ numRuns: 150 }
		);
	}, 60_000);
});
