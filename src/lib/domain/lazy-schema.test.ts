import * as z from 'zod/mini';
import { describe, expect, it } from 'vitest';
import { lazySchema } from './lazy-schema';

describe('lazySchema', () => {
	it('builds the schema only when it is first used, and only once', () => {
		let builds = 0;
		const row = lazySchema(() => {
			builds += 1;
			return z.strictObject({ id: z.uuid(), name: z.string().check(z.maxLength(4)) });
		});
		// Declared and embedded in another schema: still not built.
		const list = z.array(row);
		expect(builds).toBe(0);
		expect(list.safeParse([{ id: '0190a000-0000-7000-8000-0000000000a1', name: '张敏' }]).success).toBe(true);
		expect(row.safeParse({ id: 'x', name: '张敏' }).success).toBe(false);
		expect(builds).toBe(1);
	});

	it('stands for the schema: its shape, its checks, its issues and zod’s own type test', () => {
		const op = lazySchema(() =>
			z
				.strictObject({ from: z.int(), to: z.int() })
				.check(z.refine((value) => value.from <= value.to, { path: ['to'] }))
		);
		expect(Object.keys(op.shape)).toEqual(['from', 'to']);
		const refused = op.safeParse({ from: 3, to: 1 });
		expect(refused.success).toBe(false);
		expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['to']);
		expect(op.safeParse({ from: 1, to: 3, extra: true }).success).toBe(false);
		expect(op instanceof z.ZodMiniType).toBe(true);
		// A schema built from it (a check added, a field spread into a wider object) keeps its rules.
		const wider = z.object({ ...op.shape, note: z.string() });
		expect(wider.safeParse({ from: 'a', to: 1, note: '' }).success).toBe(false);
	});
});
