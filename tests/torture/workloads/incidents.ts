import type pg from 'pg';
import { INCIDENT_CATEGORIES, type IncidentRow, type Severity } from '../../../src/lib/domain/incident';
import { allowedActions } from '../../../src/lib/domain/incident-lifecycle';
import type { RejectedEntry } from '../../../src/lib/local/db';
import { listKnownStaff } from '../../../src/lib/local/incidents/queries';
import { incidentEvents, incidents } from '../../../src/lib/local/incidents/tables';
import {
	actOnIncident,
	noteOnIncident,
	reportIncident,
	saveIncidentLimits
} from '../../../src/lib/local/incidents/writes';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * Incidents under torture: reports of every category (complaints with someone to call back), then the lifecycle
 * taken step by step by whoever the device's view allows (the assignee starts and resolves, managers assign, call
 * back, close and reopen), notes, and now and then a manager's new time limits. Devices often act on the same few
 * recent incidents of their hall, offline as much as online, so two phones act on one incident from the same
 * status on purpose. Meant refusals: an action on an incident another device acted on too (`conflict`, the stale
 * transition naming the current status; or `forbidden`, when a reassignment left the status as it was but took the
 * incident from this device's person).
 */
export function incidentsWorkload(): Workload {
	/** Every incident the run reported: only these are acted on (the run's checks count other changed rows). */
	const ofTheRun = new Set<string>();
	/** Which devices acted on each incident: with more than one, a refusal of a later one was meant. */
	const actedBy = new Map<string, Set<number>>();
	/** The people working on devices, per hall: a manager assigns to them, so their devices take the next steps. */
	const onDevices = new Map<string, Set<string>>();

	async function report(device: WorkloadDevice): Promise<void> {
		const category = device.rng.pick(INCIDENT_CATEGORIES);
		const complaint = category === 'complaint';
		const { id } = await reportIncident(device.db, {
			category,
			severity: device.rng.pick([1, 2, 3, 4] as Severity[]),
			place: device.rng.pick(['一楼大厅', '二楼自助区', '3 号窗口', '停车场入口']),
			checkpoint_id: null,
			description: device.rng.pick(['叫号屏不亮', '地面湿滑', '群众排队争执', '系统无法登录']),
			complainant_name: complaint && device.rng.chance(0.7) ? '王小明' : null,
			complainant_phone: complaint ? `139${device.rng.int(10_000_000, 99_999_999)}` : null,
			source_check_id: null
		});
		ofTheRun.add(id);
	}

	/**
	 * An incident of the run on this device that its person may act on (or, for a note, any), the newest few most
	 * of the time, so devices meet on the same incidents; never one whose timeline nears the server's cap.
	 */
	async function target(device: WorkloadDevice, actionable: boolean): Promise<IncidentRow | null> {
		const actor = { staff_id: device.actor.staff_id, manager: device.isManager };
		const rows = (await incidents.of(device.db).bulkGet([...ofTheRun])).filter(
			(row): row is IncidentRow => row !== undefined && (!actionable || allowedActions(row, actor).length > 0)
		);
		if (rows.length === 0) return null;
		rows.sort((a, b) => b.reported_at.localeCompare(a.reported_at));
		const chosen = device.rng.pick(device.rng.chance(0.6) ? rows.slice(0, 3) : rows);
		const entries = await incidentEvents.of(device.db).where('incident_id').equals(chosen.id).count();
		return entries < 100 ? chosen : null;
	}

	async function act(device: WorkloadDevice): Promise<void> {
		const incident = await target(device, true);
		if (!incident) return device.rng.chance(0.5) ? report(device) : note(device);
		const action = device.rng.pick(
			allowedActions(incident, { staff_id: device.actor.staff_id, manager: device.isManager })
		);
		let assignee: string | null = null;
		if (action === 'assign') {
			const working = onDevices.get(device.actor.hall_id) ?? new Set<string>();
			const staff = await listKnownStaff(device.db);
			const preferred = staff.filter((person) => working.has(person.id));
			assignee = device.rng.pick(preferred.length > 0 && device.rng.chance(0.8) ? preferred : staff).id;
		}
		const by = actedBy.get(incident.id) ?? new Set<number>();
		by.add(device.index);
		actedBy.set(incident.id, by);
		await actOnIncident(device.db, {
			incident_id: incident.id,
			action,
			assignee_id: assignee,
			note: action === 'resolve' ? '已处理完毕' : action === 'reopen' ? '复查未解决' : null,
			callback_result: action === 'callback' ? '电话回访，满意' : null
		});
	}

	async function note(device: WorkloadDevice): Promise<void> {
		const chosen = await target(device, false);
		if (!chosen) return report(device);
		await noteOnIncident(device.db, chosen.id, device.rng.pick(['已到现场', '等待配件', '已通知物业']));
	}

	/** Devices of managers that have set the limits: each does once early on, then now and then. */
	const limitsSetBy = new Set<number>();

	async function limits(device: WorkloadDevice): Promise<void> {
		limitsSetBy.add(device.index);
		const respond = device.rng.int(5, 30);
		await saveIncidentLimits(device.db, {
			respond_minutes_1: respond,
			resolve_minutes_1: 120,
			respond_minutes_2: 30,
			resolve_minutes_2: 480,
			respond_minutes_3: 120,
			resolve_minutes_3: 1440,
			respond_minutes_4: 480,
			resolve_minutes_4: 4320
		});
	}

	return {
		workflow: 'incidents',
		opTypes: ['incident.report', 'incident.act', 'incident.note', 'incident_limits.save'],
		async step(device) {
			const working = onDevices.get(device.actor.hall_id) ?? new Set<string>();
			working.add(device.actor.staff_id);
			onDevices.set(device.actor.hall_id, working);
			if (device.isManager && (!limitsSetBy.has(device.index) || device.rng.chance(0.05))) {
				return limits(device);
			}
			// Managers mostly move incidents on (assign, close, reopen); staff report and work what they were given.
			const roll = device.rng.int(0, 99);
			if (roll < (device.isManager ? 10 : 35)) await report(device);
			else if (roll < 88) await act(device);
			else await note(device);
		},
		meantRejection(entry: RejectedEntry, _server: pg.Pool): Promise<string | null> {
			const payload = entry.payload as { incident_id?: string };
			const actors = payload.incident_id ? actedBy.get(payload.incident_id) : undefined;
			if (
				entry.type === 'incident.act' &&
				(entry.code === 'conflict' || entry.code === 'forbidden') &&
				(actors?.size ?? 0) > 1
			) {
				return Promise.resolve('a stale transition: another device acted on the same incident first');
			}
			return Promise.resolve(null);
		}
	};
}
