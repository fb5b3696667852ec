import type pg from 'pg';
import { COMMON_ITEM_KEYS } from '../../../src/lib/domain/patrol';
import { activeCheckpointsOf } from '../../../src/lib/domain/patrol-evaluation';
import type { RejectedEntry } from '../../../src/lib/local/db';
import { loadCheckpoints, loadPlan } from '../../../src/lib/local/patrols/queries';
import { patrolRounds } from '../../../src/lib/local/patrols/tables';
import {
	checkCheckpoint,
	finishRound,
	moveCheckpoint,
	retireCheckpoint,
	saveCheckpoint,
	savePlan,
	startRound
} from '../../../src/lib/local/patrols/writes';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * Patrols under torture. Staff walk rounds of the seeded (demo) checkpoints: start one (a window of the plan or
 * extra), check checkpoints in any order, some again, some picked from the list, and finish with a comment.
 * Managers add checkpoints of their own (names T<run><device>-<n>), edit, reorder and retire them, and save the
 * plan under its id with the same windows (another grace and interval), so no round ever names a window that went
 * away and no check names a checkpoint retired under it. Meant refusals: a staff member who is not a manager
 * saving a checkpoint (`forbidden`), as a person whose post changed while their tablet was offline would.
 */

const ITEMS = COMMON_ITEM_KEYS.map((key) => ({ key, label_zh: `检查 ${key}`, label_en: key }));

export function patrolsWorkload(): Workload {
	/** `${user_id}/${checkpoint id}`: saves by someone who is not a manager, meant to be refused. */
	const forbidden = new Set<string>();
	const prefix = (device: WorkloadDevice) => `T${device.runTag}${device.index}-`;
	/**
	 * The round each device walks. Several devices of one person would otherwise all continue the round the
	 * first one started, and two of them checking one checkpoint would be stored under the first check's id
	 * (docs/PATROL.md), leaving the second op's id without a row of its own, which the run counts as lost.
	 */
	const walking = new Map<number, string>();
	/**
	 * The kinds of change managers made this run. A kind not made yet is asked for often: a short run has few
	 * managers' steps, and every op type must appear (a checkpoint saved and retired, the plan saved).
	 */
	const made = new Set<string>();
	const FIRST_KINDS = ['add', 'retire', 'plan'] as const;
	const boost = (kind: string, base: number): number => (made.has(kind) ? base : 10);

	async function walk(device: WorkloadDevice): Promise<void> {
		const walked = walking.get(device.index);
		const round = walked ? await patrolRounds.of(device.db).get(walked) : undefined;
		const running = round?.finished_at === null ? round : undefined;
		if (!running) {
			const plan = await loadPlan(device.db);
			const key = plan && device.rng.chance(0.6) ? device.rng.pick(plan.windows)?.key : undefined;
			walking.set(device.index, (await startRound(device.db, key ?? null)).id);
			return;
		}
		const demo = activeCheckpointsOf(await loadCheckpoints(device.db)).filter((c) => c.is_demo);
		if (demo.length === 0 || device.rng.chance(0.15)) {
			await finishRound(device.db, running.id, `巡查结束 ${device.rng.int(1, 1000)}`);
			return;
		}
		const checkpoint = device.rng.pick(demo);
		const listed = device.rng.chance(0.15);
		await checkCheckpoint(device.db, {
			round_id: running.id,
			checkpoint_id: checkpoint.id,
			identified_by: listed ? 'list' : 'scan',
			list_reason: listed ? '二维码破损' : null,
			results: checkpoint.items.map((item) =>
				device.rng.chance(0.1)
					? { item_key: item.key, status: 'problem' as const, note: `问题 ${device.rng.int(1, 99)}` }
					: { item_key: item.key, status: 'ok' as const, note: null }
			),
			same_as_last: device.rng.chance(0.2)
		});
	}

	async function ownCheckpoints(device: WorkloadDevice) {
		return (await loadCheckpoints(device.db)).filter((c) => c.name_zh.startsWith(prefix(device)));
	}

	async function keep(device: WorkloadDevice): Promise<void> {
		const own = await ownCheckpoints(device);
		const active = own.filter((c) => c.retired_at === null);
		// A short run has few managers and few steps each: the first changes are one of each kind, in order.
		const first = FIRST_KINDS.find(
			(kind) => !made.has(kind) && (kind === 'plan' || (kind === 'add' ? own.length < 2 : active.length > 0))
		);
		const action =
			first ??
			device.rng.weighted({
				add: own.length < 2 ? boost('add', 3) : 0,
				edit: own.length > 0 ? 2 : 0,
				move: active.length > 0 ? 2 : 0,
				retire: active.length > 0 ? boost('retire', 3) : 0,
				plan: boost('plan', 3)
			});
		if (action === 'add') {
			const { id } = await saveCheckpoint(device.db, {
				name_zh: `${prefix(device)}${own.length + 1}`,
				name_en: '',
				instruction_zh: null,
				items: ITEMS.slice(0, device.rng.int(1, ITEMS.length))
			});
			// Until a retire was made, the first checkpoint added is retired at once (added by mistake): another
			// manager's add leaves this one with nothing of its own to retire, and a short run has few such steps.
			if (!made.has('retire')) {
				await retireCheckpoint(device.db, id);
				made.add('retire');
			}
		} else if (action === 'edit') {
			const checkpoint = device.rng.pick(own);
			await saveCheckpoint(device.db, {
				id: checkpoint.id,
				name_zh: checkpoint.name_zh,
				name_en: `edit ${device.rng.int(1, 1000)}`,
				instruction_zh: device.rng.chance(0.5) ? '请扫码巡查' : null,
				items: ITEMS.slice(0, device.rng.int(1, ITEMS.length))
			});
		} else if (action === 'move') {
			await moveCheckpoint(device.db, device.rng.pick(active).id, device.rng.chance(0.5) ? -1 : 1);
		} else if (action === 'retire') {
			await retireCheckpoint(device.db, device.rng.pick(active).id);
		} else {
			const plan = await loadPlan(device.db);
			// Only over the plan the device holds: a device that has not pulled it yet would make a second one.
			if (!plan) return;
			await savePlan(device.db, {
				windows: plan.windows,
				grace_minutes: device.rng.int(0, 30),
				min_scan_interval_seconds: device.rng.int(0, 60)
			});
			made.add('plan');
			return;
		}
		made.add(action);
	}

	async function saveForbidden(device: WorkloadDevice): Promise<void> {
		const { id } = await saveCheckpoint(device.db, {
			name_zh: `X${device.runTag}${device.index}`,
			name_en: '',
			instruction_zh: null,
			items: ITEMS
		});
		forbidden.add(`${device.actor.user_id}/${id}`);
	}

	return {
		workflow: 'patrols',
		opTypes: [
			'checkpoint.save',
			'checkpoint.retire',
			'patrol_plan.save',
			'patrol_round.start',
			'patrol_round.check',
			'patrol_round.finish'
		],
		async step(device) {
			if (device.isManager) {
				if (made.size < FIRST_KINDS.length || device.rng.chance(0.7)) await keep(device);
				else await walk(device);
				return;
			}
			if (device.rng.chance(0.03)) await saveForbidden(device);
			else await walk(device);
		},
		meantRejection(entry: RejectedEntry, _server: pg.Pool): Promise<string | null> {
			const payload = entry.payload as { id?: string };
			if (
				entry.type === 'checkpoint.save' &&
				entry.code === 'forbidden' &&
				forbidden.has(`${entry.actor.user_id}/${payload.id}`)
			) {
				return Promise.resolve('a checkpoint saved by a staff member who is not a manager');
			}
			return Promise.resolve(null);
		}
	};
}
