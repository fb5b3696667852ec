import type pg from 'pg';
import { allowedFollowUpActions } from '../../../src/lib/domain/follow-up-lifecycle';
import { addDays, hallDate } from '../../../src/lib/domain/hall-time';
import { VISIT_KINDS, type FollowUpRow, type VisitRow } from '../../../src/lib/domain/visit';
import type { RejectedEntry } from '../../../src/lib/local/db';
import { enterpriseProjects, enterprises } from '../../../src/lib/local/enterprises/tables';
import { staffEntries } from '../../../src/lib/local/staff/queries';
import { followUpEvents, followUps, visits } from '../../../src/lib/local/visits/tables';
import {
	actOnFollowUp,
	noteFollowUp,
	openFollowUp,
	saveVisit,
	type GeoReading
} from '../../../src/lib/local/visits/writes';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * Visits and follow-ups under torture. Everyone visits the enterprises their device holds (the managers' from the
 * enterprises workload): checks in (a fix near the enterprise, far from it, or none, as a phone answers), checks
 * out with a summary and demands for colleagues of the directory, opens follow-ups from an enterprise's page, and
 * takes the lifecycle's steps their device allows (owners start, finish or hand over; managers move due dates,
 * close and reopen), with notes. Devices often act on the same few recent follow-ups, offline as much as online.
 * Meant refusals: a step on a follow-up another device acted on too (`conflict`, the stale transition naming the
 * current status; or `forbidden`, when a reassignment took it from this device's person).
 */

const DEMANDS = ['协调用地指标', '办理施工许可咨询', '人才公寓申请', '协调停车位', '政策解读'];

export function visitsWorkload(): Workload {
	/** Every follow-up the run opened: only these are acted on (the run's checks count other changed rows). */
	const ofTheRun = new Set<string>();
	/** Every visit the run started: only these are checked out (a demo visit may still be running). */
	const visitsOfTheRun = new Set<string>();
	/** Which devices acted on each follow-up: with more than one, a refusal of a later one was meant. */
	const actedBy = new Map<string, Set<number>>();

	function reading(
		device: WorkloadDevice,
		near: { latitude: number | null; longitude: number | null }
	): GeoReading {
		const roll = device.rng.int(0, 9);
		if (roll === 0) return { geo: device.rng.pick(['denied', 'unavailable', 'timeout'] as const) };
		const base = { latitude: near.latitude ?? 39.15, longitude: near.longitude ?? 117.2 };
		// Mostly at the enterprise; now and then a kilometre off (flagged far, never refused).
		const off = roll === 1 ? 0.01 : device.rng.int(0, 20) / 100_000;
		return {
			geo: 'fix',
			latitude: base.latitude + off,
			longitude: base.longitude,
			accuracy_m: device.rng.int(5, 80)
		};
	}

	async function colleagues(device: WorkloadDevice) {
		return (await staffEntries(device.db)).filter((entry) => entry.id !== device.actor.staff_id);
	}

	async function checkIn(device: WorkloadDevice): Promise<void> {
		const all = await enterprises.of(device.db).toArray();
		if (all.length === 0) return;
		const enterprise = device.rng.pick(all);
		const projects = await enterpriseProjects
			.of(device.db)
			.where('enterprise_id')
			.equals(enterprise.id)
			.toArray();
		const kind = device.rng.pick(VISIT_KINDS);
		const project =
			projects.length > 0 && (kind === 'project' || device.rng.chance(0.3))
				? device.rng.pick(projects)
				: null;
		const others = await colleagues(device);
		const { id } = await saveVisit(device.db, {
			id: null,
			enterprise_id: enterprise.id,
			project_id: project?.id ?? null,
			kind: kind === 'project' && !project ? 'onsite' : kind,
			companion_ids: others.length > 0 && device.rng.chance(0.4) ? [device.rng.pick(others).id] : [],
			met: device.rng.chance(0.8) ? device.rng.pick(['张经理', '李主任', '财务王会计']) : null,
			check_in_at: new Date().toISOString(),
			check_in: reading(device, enterprise),
			check_out_at: null,
			check_out: null,
			summary: null
		});
		visitsOfTheRun.add(id);
	}

	async function checkOut(device: WorkloadDevice, visit: VisitRow): Promise<void> {
		const enterprise = await enterprises.of(device.db).get(visit.enterprise_id);
		const staff = await staffEntries(device.db);
		const today = hallDate();
		const demands =
			staff.length > 0
				? Array.from({ length: device.rng.int(0, 2) }, () => ({
						demand: device.rng.pick(DEMANDS),
						owner_id: device.rng.pick(staff).id,
						due_on: addDays(today, device.rng.int(0, 30))
					}))
				: [];
		const saved = await saveVisit(device.db, {
			id: visit.id,
			enterprise_id: visit.enterprise_id,
			project_id: visit.project_id,
			kind: visit.kind,
			companion_ids: visit.companion_ids,
			met: visit.met,
			check_in_at: visit.check_in_at,
			check_in:
				visit.check_in_geo === 'fix'
					? {
							geo: 'fix',
							latitude: visit.check_in_latitude ?? 0,
							longitude: visit.check_in_longitude ?? 0,
							accuracy_m: visit.check_in_accuracy_m ?? 0
						}
					: { geo: visit.check_in_geo },
			check_out_at: new Date().toISOString(),
			check_out: reading(device, enterprise ?? { latitude: null, longitude: null }),
			summary: device.rng.pick(['了解企业经营情况', '宣讲惠企政策', '现场解决办事难题']),
			demands
		});
		for (const id of saved.followUpIds) ofTheRun.add(id);
	}

	/** My running visit, if any: checked out most of the time; else a new one. */
	async function visit(device: WorkloadDevice): Promise<void> {
		const mine = await visits.of(device.db).where('staff_id').equals(device.actor.staff_id).toArray();
		const running = mine.filter((row) => row.check_out_at === null && visitsOfTheRun.has(row.id));
		if (running.length > 0 && device.rng.chance(0.8)) return checkOut(device, device.rng.pick(running));
		return checkIn(device);
	}

	async function open(device: WorkloadDevice): Promise<void> {
		const all = await enterprises.of(device.db).toArray();
		const staff = await staffEntries(device.db);
		if (all.length === 0 || staff.length === 0) return;
		const { id } = await openFollowUp(device.db, {
			enterprise_id: device.rng.pick(all).id,
			visit_id: null,
			demand: device.rng.pick(DEMANDS),
			owner_id: device.rng.pick(staff).id,
			due_on: addDays(hallDate(), device.rng.int(0, 60))
		});
		ofTheRun.add(id);
	}

	/**
	 * A follow-up of the run on this device (the demo data's are left alone), the newest few most of the time; none
	 * whose timeline nears the cap.
	 */
	async function target(device: WorkloadDevice, actionable: boolean): Promise<FollowUpRow | null> {
		const actor = { staff_id: device.actor.staff_id, manager: device.isManager };
		const rows = (await followUps.of(device.db).bulkGet([...ofTheRun])).filter(
			(row): row is FollowUpRow =>
				row !== undefined && (!actionable || allowedFollowUpActions(row, actor).length > 0)
		);
		if (rows.length === 0) return null;
		rows.sort((a, b) => Date.parse(b.opened_at) - Date.parse(a.opened_at));
		const chosen = device.rng.pick(device.rng.chance(0.6) ? rows.slice(0, 3) : rows);
		const entries = await followUpEvents.of(device.db).where('follow_up_id').equals(chosen.id).count();
		return entries < 100 ? chosen : null;
	}

	async function act(device: WorkloadDevice): Promise<void> {
		const followUp = await target(device, true);
		if (!followUp) return device.rng.chance(0.5) ? open(device) : visit(device);
		const action = device.rng.pick(
			allowedFollowUpActions(followUp, { staff_id: device.actor.staff_id, manager: device.isManager })
		);
		const others = (await staffEntries(device.db)).filter((entry) => entry.id !== followUp.owner_id);
		if (action === 'reassign' && others.length === 0) return note(device);
		const by = actedBy.get(followUp.id) ?? new Set<number>();
		by.add(device.index);
		actedBy.set(followUp.id, by);
		await actOnFollowUp(device.db, {
			follow_up_id: followUp.id,
			action,
			owner_id: action === 'reassign' ? device.rng.pick(others).id : null,
			due_on: action === 'due' ? addDays(hallDate(), device.rng.int(1, 60)) : null,
			note:
				action === 'done'
					? '已办结'
					: action === 'cannot'
						? '超出职权范围'
						: action === 'reopen'
							? '企业补充材料'
							: null
		});
	}

	async function note(device: WorkloadDevice): Promise<void> {
		const followUp = await target(device, false);
		if (!followUp) return open(device);
		await noteFollowUp(
			device.db,
			followUp.id,
			device.rng.pick(['已电话联系企业', '等待部门回复', '已上门核实'])
		);
	}

	return {
		workflow: 'visits',
		opTypes: ['visit.save', 'follow_up.open', 'follow_up.act', 'follow_up.note'],
		async step(device) {
			const roll = device.rng.int(0, 99);
			if (roll < 35) await visit(device);
			else if (roll < 45) await open(device);
			else if (roll < 85) await act(device);
			else await note(device);
		},
		meantRejection(entry: RejectedEntry, _server: pg.Pool): Promise<string | null> {
			const payload = entry.payload as { follow_up_id?: string };
			const actors = payload.follow_up_id ? actedBy.get(payload.follow_up_id) : undefined;
			if (
				entry.type === 'follow_up.act' &&
				(entry.code === 'conflict' || entry.code === 'forbidden') &&
				(actors?.size ?? 0) > 1
			) {
				return Promise.resolve('a stale transition: another device acted on the same follow-up first');
			}
			return Promise.resolve(null);
		}
	};
}
