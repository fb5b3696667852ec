import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import type { CheckpointRow, PatrolPlanRow } from '$lib/domain/patrol';
import { registry } from '$lib/features/registry';
import { STAFF } from '../../../../tests/support/fake-server';
import { reapplyPending } from '../apply';
import { LocalDb } from '../db';
import { prepareForUser } from '../device-data';
import { discardRejected } from '../rejected';
import { photoBlobTable, photos } from '../photos/tables';
import { LocalWriteError } from '../write-error';
import { lastCheckOf, loadCheckpoints, loadDay, loadRound, myRunningRound } from './queries';
import { checkpoints, patrolChecks, patrolPlans, patrolRounds } from './tables';
import {
	checkCheckpoint,
	finishRound,
	moveCheckpoint,
	retireCheckpoint,
	saveCheckpoint,
	savePlan,
	startRound
} from './writes';

const ITEMS = [
	{ key: 'clean', label_zh: '清洁卫生', label_en: 'Clean' },
	{ key: 'safety', label_zh: '无安全隐患', label_en: 'Safe' }
];
const P1 = '0190c000-0000-7000-8000-000000000001';
const P2 = '0190c000-0000-7000-8000-000000000002';
const PLAN = '0190c000-0000-7000-8000-0000000000aa';

function checkpointRow(id: string, position: number, name_zh: string): CheckpointRow {
	return {
		id,
		hall_id: STAFF.hall_id,
		name_zh,
		name_en: '',
		position,
		instruction_zh: null,
		items: ITEMS,
		retired_at: null,
		is_demo: true,
		version: 7
	};
}
const planRow: PatrolPlanRow = {
	id: PLAN,
	hall_id: STAFF.hall_id,
	windows: [{ key: 'morning', label_zh: '开门前', label_en: '', start: '08:30', end: '09:00' }],
	grace_minutes: 15,
	min_scan_interval_seconds: 20,
	is_demo: true,
	version: 7
};

let databases = 0;
/** A signed-in device holding its hall's two checkpoints and plan, as pulled. */
async function hallDevice(post = 'intake'): Promise<LocalDb> {
	const db = new LocalDb(`patrols-${++databases}`, registry);
	await prepareForUser(db, { ...STAFF, post });
	await checkpoints.of(db).bulkPut([checkpointRow(P1, 1, '取号区'), checkpointRow(P2, 2, '等候区')]);
	await patrolPlans.of(db).put(planRow);
	return db;
}

const PHOTO = '0190c000-0000-7000-8000-0000000000f1';
const photo = (id: string) => ({
	id,
	blob: new Blob([new Uint8Array(2048)], { type: 'image/jpeg' }),
	width: 1600,
	height: 1200,
	taken_at: '2026-11-30T08:00:00.000Z'
});
const allOk = () => ITEMS.map((item) => ({ item_key: item.key, status: 'ok' as const, note: null }));
const scan = (round_id: string, checkpoint_id: string) => ({
	round_id,
	checkpoint_id,
	identified_by: 'scan' as const,
	list_reason: null,
	results: allOk(),
	same_as_last: false
});

describe('a round on the device', () => {
	it('starts, takes checks and finishes at once, offline, with every op queued in order', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, 'morning');
		await checkCheckpoint(db, scan(id, P1));
		await checkCheckpoint(db, scan(id, P2));
		await finishRound(db, id, null);
		const detail = await loadRound(db, id);
		expect(detail?.round).toMatchObject({ window_key: 'morning', staff_name: STAFF.staff_name, version: 0 });
		expect(detail?.round.finished_at).not.toBeNull();
		expect(detail?.checks.map((check) => check.checkpoint_id)).toEqual([P1, P2]);
		expect(detail?.pending).toBe(true);
		expect((await db.outbox.orderBy('seq').toArray()).map((entry) => entry.type)).toEqual([
			'patrol_round.start',
			'patrol_round.check',
			'patrol_round.check',
			'patrol_round.finish'
		]);
	});

	it('is the one to go back to while it runs', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, null);
		expect((await myRunningRound(db))?.id).toBe(id);
		await checkCheckpoint(db, scan(id, P1));
		await checkCheckpoint(db, scan(id, P2));
		await finishRound(db, id, null);
		expect(await myRunningRound(db)).toBeUndefined();
	});

	it('checking a checkpoint again replaces its check under the same id', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, null);
		const first = await checkCheckpoint(db, scan(id, P1));
		const again = await checkCheckpoint(db, {
			...scan(id, P1),
			results: [
				{ item_key: 'clean', status: 'problem', note: '地面湿滑' },
				{ item_key: 'safety', status: 'ok', note: null }
			]
		});
		expect(again.id).toBe(first.id);
		const checks = await patrolChecks.of(db).where('round_id').equals(id).toArray();
		expect(checks).toHaveLength(1);
		expect(checks[0]?.results[0]).toEqual({ item_key: 'clean', status: 'problem', note: '地面湿滑' });
	});

	it('refuses, storing nothing: a problem without a note, an item left unmarked, a listed pick without reason', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, null);
		const before = await db.outbox.count();
		await expect(
			checkCheckpoint(db, {
				...scan(id, P1),
				results: [
					{ item_key: 'clean', status: 'problem', note: '  ' },
					{ item_key: 'safety', status: 'ok', note: null }
				]
			})
		).rejects.toMatchObject({ reason: 'invalid', fields: ['results'] });
		await expect(
			checkCheckpoint(db, { ...scan(id, P1), results: allOk().slice(0, 1) })
		).rejects.toBeInstanceOf(LocalWriteError);
		await expect(
			checkCheckpoint(db, { ...scan(id, P1), identified_by: 'list', list_reason: ' ' })
		).rejects.toMatchObject({ fields: ['list_reason'] });
		expect(await db.outbox.count()).toBe(before);
		expect(await patrolChecks.of(db).count()).toBe(0);
	});

	it("a photo stands in for a problem's note: stored with the check, attached after it in the same write", async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, null);
		const before = await db.outbox.count();
		const problem = [
			{ item_key: 'clean', status: 'problem' as const, note: null },
			{ item_key: 'safety', status: 'ok' as const, note: null }
		];
		const check = await checkCheckpoint(db, { ...scan(id, P1), results: problem, photos: [photo(PHOTO)] });
		expect(await photos.of(db).get(PHOTO)).toMatchObject({ owner_kind: 'patrol_check', owner_id: check.id });
		expect(await photoBlobTable(db).count()).toBe(1);
		const queued = (await db.outbox.orderBy('seq').toArray()).slice(before);
		expect(queued.map((entry) => entry.type)).toEqual(['patrol_round.check', 'photo.attach']);
		// checked again, the kept photo still counts for the note
		await checkCheckpoint(db, { ...scan(id, P1), results: problem });
		expect(await patrolChecks.of(db).count()).toBe(1);
	});

	it('a photo that does not fit refuses the whole check, nothing stored', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, null);
		const before = await db.outbox.count();
		await expect(
			checkCheckpoint(db, { ...scan(id, P1), photos: [{ ...photo(PHOTO), height: 0 }] })
		).rejects.toBeInstanceOf(LocalWriteError);
		expect(await patrolChecks.of(db).count()).toBe(0);
		expect(await photos.of(db).count()).toBe(0);
		expect(await db.outbox.count()).toBe(before);
	});

	it('finishing without every active checkpoint needs a comment; a retired one is not expected', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, null);
		await checkCheckpoint(db, scan(id, P1));
		await expect(finishRound(db, id, ' ')).rejects.toMatchObject({ fields: ['comment'] });
		expect((await patrolRounds.of(db).get(id))?.finished_at).toBeNull();
		expect(await finishRound(db, id, '等候区施工')).toEqual({ missed: [P2] });

		const other = await startRound(db, null);
		await checkpoints.of(db).update(P2, { retired_at: new Date().toISOString() });
		await checkCheckpoint(db, scan(other.id, P1));
		expect(await finishRound(db, other.id, null)).toEqual({ missed: [] });
	});

	it('a finished round takes no more checks, and a retired checkpoint is refused', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, null);
		await checkpoints.of(db).update(P2, { retired_at: new Date().toISOString() });
		await expect(checkCheckpoint(db, scan(id, P2))).rejects.toMatchObject({ reason: 'deleted' });
		await checkCheckpoint(db, scan(id, P1));
		await finishRound(db, id, null);
		await expect(checkCheckpoint(db, scan(id, P1))).rejects.toMatchObject({ reason: 'invalid' });
	});

	it('a window the plan does not have is refused before anything is stored', async () => {
		const db = await hallDevice();
		await expect(startRound(db, 'night')).rejects.toMatchObject({ fields: ['window_key'] });
		expect(await patrolRounds.of(db).count()).toBe(0);
	});

	it('“same as last time” reads the checkpoint’s newest check of another round', async () => {
		const db = await hallDevice();
		const earlier = await startRound(db, null);
		await checkCheckpoint(db, {
			...scan(earlier.id, P1),
			results: [
				{ item_key: 'clean', status: 'ok', note: null },
				{ item_key: 'safety', status: 'problem', note: '灭火器过期' }
			]
		});
		const now = await startRound(db, null);
		expect((await lastCheckOf(db, P1, now.id))?.results[1]?.note).toBe('灭火器过期');
		expect(await lastCheckOf(db, P2, now.id)).toBeUndefined();
	});

	it('the day reads its rounds and their checks', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, 'morning');
		await checkCheckpoint(db, scan(id, P1));
		const round = await patrolRounds.of(db).get(id);
		const day = await loadDay(db, round?.day ?? '');
		expect(day.rounds.map((r) => r.id)).toEqual([id]);
		expect(day.checks).toHaveLength(1);
		expect(day.plan?.id).toBe(PLAN);
		expect(day.pending.has(id)).toBe(true);
	});

	it('after a pull, a still-pending finish is applied again over the server’s older round', async () => {
		const db = await hallDevice();
		const { id } = await startRound(db, null);
		await checkCheckpoint(db, scan(id, P1));
		await checkCheckpoint(db, scan(id, P2));
		await finishRound(db, id, null);
		const stored = await patrolRounds.of(db).get(id);
		// The server's copy, pulled before the finish arrived there.
		await patrolRounds.of(db).put({ ...stored!, finished_at: null, version: 12 });
		await db.transaction('rw', db.writeTables, async () => {
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect((await patrolRounds.of(db).get(id))?.finished_at).not.toBeNull();
	});
});

describe('checkpoints and the plan (managers)', () => {
	it('a new checkpoint goes last; moving one renumbers the round and saves only what moved', async () => {
		const db = await hallDevice('manager');
		const { id } = await saveCheckpoint(db, {
			name_zh: ' 母婴室 ',
			name_en: 'Baby room',
			instruction_zh: '',
			items: ITEMS
		});
		expect(await checkpoints.of(db).get(id)).toMatchObject({
			name_zh: '母婴室',
			position: 3,
			instruction_zh: null,
			version: 0,
			is_demo: false
		});
		const before = await db.outbox.count();
		await moveCheckpoint(db, id, -1);
		expect((await loadCheckpoints(db)).map((c) => c.name_zh)).toEqual(['取号区', '母婴室', '等候区']);
		expect(await db.outbox.count()).toBe(before + 2);
		await moveCheckpoint(db, P1, -1); // already first: nothing to do
		expect(await db.outbox.count()).toBe(before + 2);
	});

	it('retiring lists it after the active ones; saving it again restores it, placed last', async () => {
		const db = await hallDevice('manager');
		await retireCheckpoint(db, P1);
		expect((await loadCheckpoints(db)).map((c) => [c.name_zh, c.retired_at === null])).toEqual([
			['等候区', true],
			['取号区', false]
		]);
		await saveCheckpoint(db, { id: P1, name_zh: '取号区', name_en: '', instruction_zh: null, items: ITEMS });
		expect(await checkpoints.of(db).get(P1)).toMatchObject({ retired_at: null, position: 3 });
	});

	it('an edit the server refused returns the server’s checkpoint; a refused new one goes', async () => {
		const db = await hallDevice('manager');
		await saveCheckpoint(db, { id: P1, name_zh: '改名', name_en: '', instruction_zh: null, items: ITEMS });
		const fresh = await saveCheckpoint(db, {
			name_zh: '新点',
			name_en: '',
			instruction_zh: null,
			items: ITEMS
		});
		const entries = await db.outbox.orderBy('seq').toArray();
		await db.rejected.bulkAdd(
			entries.map((entry) => ({
				...entry,
				code: 'forbidden',
				message: '',
				rejected_at: new Date().toISOString()
			}))
		);
		await db.outbox.clear();
		for (const entry of await db.rejected.toArray()) await discardRejected(db, registry, entry.seq!);
		expect(await checkpoints.of(db).get(fresh.id)).toBeUndefined();
		expect((await db.sync_state.get('state'))?.cursor).toBe('0'); // pulled again: 取号区 returns
	});

	it('the plan is saved under the hall’s plan id, and overlapping windows are refused', async () => {
		const db = await hallDevice('manager');
		const { id } = await savePlan(db, {
			windows: [{ key: 'afternoon', label_zh: '午休后', label_en: '', start: '13:00', end: '13:30' }],
			grace_minutes: 10,
			min_scan_interval_seconds: 0
		});
		expect(id).toBe(PLAN);
		expect(await patrolPlans.of(db).get(PLAN)).toMatchObject({ grace_minutes: 10, is_demo: false });
		await expect(
			savePlan(db, {
				windows: [
					{ key: 'a', label_zh: '一', label_en: '', start: '08:00', end: '09:00' },
					{ key: 'b', label_zh: '二', label_en: '', start: '08:30', end: '10:00' }
				],
				grace_minutes: 10,
				min_scan_interval_seconds: 0
			})
		).rejects.toMatchObject({ reason: 'invalid', fields: ['windows'] });
	});
});
