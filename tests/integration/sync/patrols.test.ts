import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hallDate } from '../../../src/lib/domain/hall-time';
import { adminDb } from '../support/clients';
import { op } from './support/ops';
import { center, staff, station } from './support/people';
import {
	activeCheckpointIds,
	checkAt,
	finishRound,
	planOf,
	saveCheckpoint,
	startRound
} from './support/patrols';
import { device, push, type SyncClient } from './support/sync-client';

// The patrol ops' rules (docs/PATROL.md, "Patrols"): managers keep checkpoints and the plan; a round is its
// author's; a check names an active checkpoint of the caller's hall in a round not finished; a round finished
// without every active checkpoint needs a comment; a round names a window of the hall's plan or none.

let db: pg.Pool;
let intake: SyncClient;
let assist: SyncClient;
let manager: SyncClient;
let stationAssist: SyncClient;
beforeAll(async () => {
	db = adminDb();
	[intake, assist, manager, stationAssist] = await Promise.all([
		device(staff.intake.email),
		device(staff.assist.email),
		device(staff.manager.email),
		device(staff.stationAssist.email)
	]);
});
afterAll(async () => {
	await db.end();
});

async function row(table: string, id: string) {
	const { rows } = await db.query<Record<string, unknown>>(`select * from app.${table} where id = $1`, [id]);
	return rows[0];
}

/** The first seeded checkpoint of the center, active. */
async function centerCheckpoint(): Promise<string> {
	const [first] = await activeCheckpointIds(db, center);
	if (!first) throw new Error('the center has no active checkpoint');
	return first;
}

describe('the demo seed', () => {
	it('gives both halls checkpoints with the common items and a plan of two windows', async () => {
		expect((await activeCheckpointIds(db, center)).length).toBeGreaterThanOrEqual(12);
		expect((await activeCheckpointIds(db, station)).length).toBeGreaterThanOrEqual(4);
		const { rows } = await db.query<{ keys: string[] }>(
			`select array(select jsonb_array_elements(items) ->> 'key') as keys from app.checkpoints
			 where hall_id = $1 and is_demo`,
			[center]
		);
		for (const { keys } of rows) {
			expect(keys.slice(0, 5)).toEqual(['clean', 'equipment', 'consumables', 'order', 'safety']);
			expect(keys.length).toBeGreaterThanOrEqual(6);
		}
		expect((await planOf(db, center))?.keys).toEqual(['before_opening', 'after_lunch']);
	});
});

describe('checkpoints and the plan are the managers’', () => {
	it('a manager adds, edits, retires and restores a checkpoint; staff are refused', async () => {
		const added = saveCheckpoint({ name_zh: '新巡查点' });
		expect(await push(intake, [added])).toMatchObject([{ status: 'rejected', code: 'forbidden' }]);
		expect(await push(manager, [added])).toMatchObject([{ status: 'applied' }]);
		expect(await row('checkpoints', added.payload.id)).toMatchObject({
			name_zh: '新巡查点',
			hall_id: center
		});

		const edited = saveCheckpoint({ ...added.payload, name_zh: '改名后', position: 3 });
		expect(await push(manager, [edited])).toMatchObject([{ status: 'applied' }]);
		expect(await row('checkpoints', added.payload.id)).toMatchObject({ name_zh: '改名后', position: 3 });

		const retire = op('checkpoint.retire', { id: added.payload.id, retired_at: new Date().toISOString() });
		expect(await push(assist, [retire])).toMatchObject([{ status: 'rejected', code: 'forbidden' }]);
		expect(await push(manager, [retire])).toMatchObject([{ status: 'applied' }]);
		expect((await row('checkpoints', added.payload.id))?.['retired_at']).not.toBeNull();

		// Saving it again brings it back.
		expect(await push(manager, [saveCheckpoint({ ...added.payload })])).toMatchObject([
			{ status: 'applied' }
		]);
		expect((await row('checkpoints', added.payload.id))?.['retired_at']).toBeNull();
		// Retired for the rest of the file: other tests count the hall's active checkpoints.
		expect(await push(manager, [op('checkpoint.retire', { ...retire.payload })])).toMatchObject([
			{ status: 'applied' }
		]);
	});

	it('a checkpoint of another hall cannot be edited or retired from this one', async () => {
		const [stationPoint] = await activeCheckpointIds(db, station);
		const retire = op('checkpoint.retire', { id: stationPoint ?? '', retired_at: new Date().toISOString() });
		expect(await push(manager, [retire])).toMatchObject([{ status: 'rejected', code: 'not_found' }]);
		const overwrite = saveCheckpoint({ id: stationPoint ?? '', name_zh: '被覆盖' });
		expect(await push(manager, [overwrite])).toMatchObject([{ status: 'rejected', code: 'not_found' }]);
		expect(await row('checkpoints', stationPoint ?? '')).toMatchObject({
			retired_at: null,
			hall_id: station
		});
	});

	it('the plan is replaced under its id by a manager; a second plan, or a non-manager, is refused', async () => {
		const plan = await planOf(db, center);
		const windows = [
			{ key: 'before_opening', label_zh: '开门前', label_en: 'Before opening', start: '08:30', end: '09:00' },
			{ key: 'after_lunch', label_zh: '午休后', label_en: 'After lunch', start: '13:00', end: '13:30' }
		];
		const save = (id: string) =>
			op('patrol_plan.save', {
				id,
				windows,
				grace_minutes: 10,
				min_scan_interval_seconds: 30,
				saved_at: new Date().toISOString()
			});
		expect(await push(intake, [save(plan?.id ?? '')])).toMatchObject([
			{ status: 'rejected', code: 'forbidden' }
		]);
		const stale = await push(manager, [save(crypto.randomUUID())]);
		expect(stale).toMatchObject([{ status: 'rejected', code: 'conflict' }]);
		expect(stale[0]?.message).toContain(plan?.id);
		expect(await push(manager, [save(plan?.id ?? '')])).toMatchObject([{ status: 'applied' }]);
		expect(await row('patrol_plans', plan?.id ?? '')).toMatchObject({
			grace_minutes: 10,
			min_scan_interval_seconds: 30,
			is_demo: false
		});
	});

	it('overlapping windows are refused as the client’s schema refuses them (validation)', async () => {
		const plan = await planOf(db, center);
		const overlapping = op('patrol_plan.save', {
			id: plan?.id ?? '',
			windows: [
				{ key: 'a', label_zh: '上午', label_en: '', start: '08:30', end: '09:30' },
				{ key: 'b', label_zh: '上午二', label_en: '', start: '09:00', end: '10:00' }
			],
			grace_minutes: 15,
			min_scan_interval_seconds: 20,
			saved_at: new Date().toISOString()
		});
		expect(await push(manager, [overlapping])).toMatchObject([{ status: 'rejected', code: 'validation' }]);
	});
});

describe('a round', () => {
	it('is started by any staff member for a window of the plan or as an extra round, on the hall’s day', async () => {
		const windowRound = startRound('before_opening');
		const extra = startRound(null);
		expect(await push(intake, [windowRound, extra])).toMatchObject([
			{ status: 'applied' },
			{ status: 'applied' }
		]);
		const stored = await row('patrol_rounds', windowRound.payload.id);
		expect(stored).toMatchObject({ window_key: 'before_opening', staff_name: staff.intake.name });
		const { rows } = await db.query<{ day: string }>(
			'select day::text from app.patrol_rounds where id = $1',
			[windowRound.payload.id]
		);
		expect(rows[0]?.day).toBe(hallDate(new Date(windowRound.payload.started_at)));
	});

	it('naming a window the plan no longer has (a stale plan) is refused as a conflict', async () => {
		const stale = startRound('night_watch');
		const [result] = await push(intake, [stale]);
		expect(result).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(result?.message).toContain('night_watch');
		expect(await row('patrol_rounds', stale.payload.id)).toBeUndefined();
	});

	it('takes checks from its author only, of an active checkpoint of the caller’s hall', async () => {
		const round = startRound();
		expect(await push(intake, [round])).toMatchObject([{ status: 'applied' }]);
		const checkpoint = await centerCheckpoint();
		expect(await push(assist, [checkAt(round.payload.id, checkpoint)])).toMatchObject([
			{ status: 'rejected', code: 'forbidden' }
		]);
		const [stationPoint] = await activeCheckpointIds(db, station);
		expect(await push(intake, [checkAt(round.payload.id, stationPoint ?? '')])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);
		expect(await push(stationAssist, [checkAt(round.payload.id, stationPoint ?? '')])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);

		const retired = saveCheckpoint({ name_zh: '将停用' });
		expect(
			await push(manager, [
				retired,
				op('checkpoint.retire', { id: retired.payload.id, retired_at: new Date().toISOString() })
			])
		).toMatchObject([{ status: 'applied' }, { status: 'applied' }]);
		const [refused] = await push(intake, [checkAt(round.payload.id, retired.payload.id)]);
		expect(refused).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(refused?.message).toContain('retired');

		const listed = checkAt(round.payload.id, checkpoint, {
			identified_by: 'list',
			list_reason: '二维码破损'
		});
		expect(await push(intake, [listed])).toMatchObject([{ status: 'applied' }]);
		expect(await row('patrol_checks', listed.payload.id)).toMatchObject({
			identified_by: 'list',
			list_reason: '二维码破损',
			checkpoint_id: checkpoint
		});
	});

	it('a checkpoint picked from the list without a reason is refused as the client refuses it', async () => {
		const round = startRound();
		expect(await push(intake, [round])).toMatchObject([{ status: 'applied' }]);
		const noReason = checkAt(round.payload.id, await centerCheckpoint(), {
			identified_by: 'list',
			list_reason: '  '
		});
		expect(await push(intake, [noReason])).toMatchObject([{ status: 'rejected', code: 'validation' }]);
	});

	it('checking a checkpoint again in the same round replaces its check under the first id', async () => {
		const round = startRound();
		const checkpoint = await centerCheckpoint();
		const first = checkAt(round.payload.id, checkpoint);
		const again = checkAt(round.payload.id, checkpoint, {
			results: [
				{ item_key: 'clean', status: 'problem', note: '地面湿滑' },
				{ item_key: 'safety', status: 'ok', note: null }
			]
		});
		expect(await push(intake, [round, first, again])).toMatchObject([
			{ status: 'applied' },
			{ status: 'applied' },
			{ status: 'applied' }
		]);
		const { rows } = await db.query<{ id: string; results: unknown }>(
			'select id, results from app.patrol_checks where round_id = $1',
			[round.payload.id]
		);
		expect(rows).toEqual([{ id: first.payload.id, results: again.payload.results }]);
	});

	it('finished without every active checkpoint needs a comment naming why; then takes no more checks', async () => {
		const round = startRound('after_lunch');
		const checkpoint = await centerCheckpoint();
		expect(await push(intake, [round, checkAt(round.payload.id, checkpoint)])).toMatchObject([
			{ status: 'applied' },
			{ status: 'applied' }
		]);
		const [refused] = await push(intake, [finishRound(round.payload.id, ' ')]);
		expect(refused).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(refused?.message).toContain('comment');
		expect((await row('patrol_rounds', round.payload.id))?.['finished_at']).toBeNull();

		expect(await push(assist, [finishRound(round.payload.id, '别人的')])).toMatchObject([
			{ status: 'rejected', code: 'forbidden' }
		]);
		const finish = finishRound(round.payload.id, '卫生间维修，未能进入');
		expect(await push(intake, [finish])).toMatchObject([{ status: 'applied' }]);
		expect(await row('patrol_rounds', round.payload.id)).toMatchObject({ comment: '卫生间维修，未能进入' });

		// The same finish again under a new op id is a no-op; another finish, or a check, is refused.
		expect(
			await push(intake, [finishRound(round.payload.id, '卫生间维修，未能进入', finish.payload.finished_at)])
		).toMatchObject([{ status: 'applied' }]);
		expect(await push(intake, [finishRound(round.payload.id, '再次结束')])).toMatchObject([
			{ status: 'rejected', code: 'conflict' }
		]);
		const [late] = await push(intake, [checkAt(round.payload.id, checkpoint)]);
		expect(late).toMatchObject({ status: 'rejected', code: 'conflict' });
		expect(late?.message).toContain('finished');
	});

	it('finished with every active checkpoint needs no comment', async () => {
		const round = startRound(null);
		const points = await activeCheckpointIds(db, station);
		const checks = points.map((id) => checkAt(round.payload.id, id));
		const results = await push(stationAssist, [round, ...checks, finishRound(round.payload.id)]);
		expect(results.every((result) => result.status === 'applied')).toBe(true);
		expect(await row('patrol_rounds', round.payload.id)).toMatchObject({ comment: null });
	});

	it('a round id of another hall is not found, never a failure of the database', async () => {
		const round = startRound();
		expect(await push(stationAssist, [round])).toMatchObject([{ status: 'applied' }]);
		expect(await push(intake, [startRound(null, round.payload.id)])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);
		expect(await push(intake, [finishRound(round.payload.id, 'x')])).toMatchObject([
			{ status: 'rejected', code: 'not_found' }
		]);
	});
});
