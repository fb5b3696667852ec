import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import type { CheckItem, CheckResult } from '../../../../src/lib/domain/patrol';
import { op } from './ops';

/** Patrol ops as a device writes them, for the sync tests and the RLS matrix's examples. */

export const COMMON_ITEMS: CheckItem[] = [
	{ key: 'clean', label_zh: '清洁卫生', label_en: 'Clean' },
	{ key: 'safety', label_zh: '无安全隐患', label_en: 'Safe' }
];

export const allOk = (items: readonly CheckItem[] = COMMON_ITEMS): CheckResult[] =>
	items.map((item) => ({ item_key: item.key, status: 'ok', note: null }));

export function saveCheckpoint(fields: Partial<ReturnType<typeof checkpointPayload>> = {}) {
	return op('checkpoint.save', { ...checkpointPayload(), ...fields });
}

function checkpointPayload() {
	return {
		id: randomUUID() as string,
		name_zh: `测试点 ${randomUUID().slice(0, 4)}`,
		name_en: 'Test point',
		position: 50,
		instruction_zh: null as string | null,
		items: COMMON_ITEMS,
		saved_at: new Date().toISOString()
	};
}

export const startRound = (window_key: string | null = null, id: string = randomUUID()) =>
	op('patrol_round.start', { id, window_key, started_at: new Date().toISOString() });

export function checkAt(
	round_id: string,
	checkpoint_id: string,
	fields: Partial<{
		id: string;
		identified_by: 'scan' | 'list';
		list_reason: string | null;
		results: CheckResult[];
	}> = {}
) {
	return op('patrol_round.check', {
		id: fields.id ?? randomUUID(),
		round_id,
		checkpoint_id,
		identified_by: fields.identified_by ?? 'scan',
		list_reason: fields.list_reason ?? null,
		checked_at: new Date().toISOString(),
		results: fields.results ?? allOk(),
		same_as_last: false
	});
}

export const finishRound = (
	id: string,
	comment: string | null = null,
	finished_at = new Date().toISOString()
) => op('patrol_round.finish', { id, finished_at, comment });

/** The active checkpoints of a hall now, in round order. */
export async function activeCheckpointIds(db: pg.Pool, hall: string): Promise<string[]> {
	const { rows } = await db.query<{ id: string }>(
		'select id from app.checkpoints where hall_id = $1 and retired_at is null order by position, name_zh',
		[hall]
	);
	return rows.map((row) => row.id);
}

/** The window keys of a hall's plan. */
export async function planOf(db: pg.Pool, hall: string): Promise<{ id: string; keys: string[] } | undefined> {
	const { rows } = await db.query<{ id: string; windows: { key: string }[] }>(
		'select id, windows from app.patrol_plans where hall_id = $1',
		[hall]
	);
	const plan = rows[0];
	return plan && { id: plan.id, keys: plan.windows.map((window) => window.key) };
}
