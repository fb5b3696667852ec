import type pg from 'pg';
import {
	BUSINESS_CATEGORIES,
	EVENT_KINDS,
	SPECIAL_GROUPS,
	type ServiceRecordRow
} from '../../../src/lib/domain/service-record';
import { hallDate } from '../../../src/lib/domain/hall-time';
import type { RejectedEntry } from '../../../src/lib/local/db';
import { serviceRecordEvents, serviceRecords } from '../../../src/lib/local/service-records/tables';
import {
	addServiceRecordEvent,
	deleteServiceRecord,
	newServiceRecordEvent,
	openServiceRecord,
	updateServiceRecord
} from '../../../src/lib/local/service-records/writes';
import type { Workload, WorkloadDevice } from '../workload';

/**
 * Service records under torture. Two kinds of tickets keep every rejection predictable:
 * - private tickets (P<run><device>-<n>): opened, edited, given events and deleted by one device only, so its
 *   person's deletes are always allowed;
 * - shared tickets (S<run>-<n>): opened on up to SHARED_OPENERS devices of one hall, often while offline, so the
 *   server merges them; those devices add events and edits. Only a manager deletes one, and ops that reach it
 *   afterwards are meant to be refused as `conflict`.
 * Meant refusals: a staff member who is not a manager deleting a shared record holding a colleague's synced event,
 * or a colleague's private record (`forbidden`); ops on a record a manager deleted (`conflict`).
 */
const SHARED_OPENERS = 4;
/** Well under the server's 200 events per record, even when a merge adds up several devices' timelines. */
const EVENTS_PER_DEVICE_RECORD = 12;

interface SharedTicket {
	ticketNo: string;
	openers: Set<number>;
}

export function serviceRecordsWorkload(): Workload {
	const sharedByHall = new Map<string, SharedTicket[]>();
	let sharedCount = 0;
	const privateCounts = new Map<number, number>();
	/** `${user_id}/${record id}`: deletes made to be refused as forbidden. */
	const forbiddenDeletes = new Set<string>();
	/** Records a manager deleted while colleagues may still be working on them. */
	const managerDeleted = new Set<string>();

	const day = () => hallDate();
	const privatePrefix = (device: WorkloadDevice) => `P${device.runTag}${device.index}-`;
	const sharedPrefix = (device: WorkloadDevice) => `S${device.runTag}-`;

	async function liveRecords(device: WorkloadDevice, prefix: string): Promise<ServiceRecordRow[]> {
		const today = day();
		return serviceRecords
			.of(device.db)
			.where('[ticket_date+ticket_no]')
			.between([today, prefix], [today, `${prefix}\uffff`])
			.filter((row) => row.deleted_at === null)
			.toArray();
	}

	async function workable(device: WorkloadDevice): Promise<ServiceRecordRow[]> {
		const [own, shared] = await Promise.all([
			liveRecords(device, privatePrefix(device)),
			liveRecords(device, sharedPrefix(device))
		]);
		return [...own, ...shared];
	}

	async function openPrivate(device: WorkloadDevice): Promise<void> {
		const n = (privateCounts.get(device.index) ?? 0) + 1;
		privateCounts.set(device.index, n);
		const ticketNo = `${privatePrefix(device)}${n.toString(36).toUpperCase()}`;
		await openServiceRecord(device.db, {
			ticket_no: ticketNo,
			ticket_date: day(),
			raw_payload: ticketNo,
			...fields(device)
		});
	}

	async function openShared(device: WorkloadDevice): Promise<void> {
		const hall = device.actor.hall_id;
		const tickets = sharedByHall.get(hall) ?? [];
		sharedByHall.set(hall, tickets);
		let ticket = tickets.find((t) => t.openers.size < SHARED_OPENERS && !t.openers.has(device.index));
		if (!ticket || device.rng.chance(0.3)) {
			ticket = {
				ticketNo: `${sharedPrefix(device)}${(++sharedCount).toString(36).toUpperCase()}`,
				openers: new Set()
			};
			tickets.push(ticket);
		}
		ticket.openers.add(device.index);
		await openServiceRecord(device.db, {
			ticket_no: ticket.ticketNo,
			ticket_date: day(),
			raw_payload: `https://queue.example.cn/t?ticket=${ticket.ticketNo}`,
			...fields(device)
		});
	}

	async function addEvent(device: WorkloadDevice): Promise<void> {
		const records = await workable(device);
		if (records.length === 0) return openPrivate(device);
		const record = device.rng.pick(records);
		const events = await serviceRecordEvents.of(device.db).where('record_id').equals(record.id).count();
		if (events >= EVENTS_PER_DEVICE_RECORD) return;
		const kind = device.rng.pick(EVENT_KINDS);
		const event = newServiceRecordEvent(record.id, {
			kind,
			window_no: kind === 'guide_to_window' || device.rng.chance(0.2) ? device.rng.int(1, 99) : null,
			note: kind === 'note' || device.rng.chance(0.2) ? `备注 ${device.rng.int(1, 9999)} 材料齐全` : null
		});
		await addServiceRecordEvent(device.db, event);
	}

	async function update(device: WorkloadDevice): Promise<void> {
		const records = await workable(device);
		if (records.length === 0) return openPrivate(device);
		const record = device.rng.pick(records);
		await updateServiceRecord(device.db, { id: record.id, ...fields(device) });
	}

	async function deleteOwn(device: WorkloadDevice): Promise<void> {
		const records = await liveRecords(device, privatePrefix(device));
		if (records.length === 0) return openPrivate(device);
		await deleteServiceRecord(device.db, device.rng.pick(records).id);
	}

	/** A manager ends a shared record; a colleague's delete that is not theirs to make (meant to be refused). */
	async function deleteOthers(device: WorkloadDevice): Promise<void> {
		const shared = await liveRecords(device, sharedPrefix(device));
		if (device.isManager) {
			if (shared.length === 0) return;
			const record = device.rng.pick(shared);
			managerDeleted.add(record.id);
			await deleteServiceRecord(device.db, record.id);
			return;
		}
		const candidates: ServiceRecordRow[] = [];
		for (const record of shared) {
			const colleagueEvent = await serviceRecordEvents
				.of(device.db)
				.where('record_id')
				.equals(record.id)
				.filter((event) => event.version > 0 && event.staff_id !== device.actor.staff_id)
				.first();
			if (colleagueEvent) candidates.push(record);
		}
		// A colleague's private record the server already has: its first responder is someone else.
		const today = day();
		const theirs = await serviceRecords
			.of(device.db)
			.where('[ticket_date+ticket_no]')
			.between([today, `P${device.runTag}`], [today, `P${device.runTag}\uffff`])
			.filter(
				(row) =>
					row.deleted_at === null && row.version > 0 && row.first_responder_id !== device.actor.staff_id
			)
			.limit(20)
			.toArray();
		const target = [...candidates, ...theirs];
		if (target.length === 0) return;
		const record = device.rng.pick(target);
		forbiddenDeletes.add(`${device.actor.user_id}/${record.id}`);
		await deleteServiceRecord(device.db, record.id);
	}

	return {
		workflow: 'service_records',
		opTypes: [
			'service_record.open',
			'service_record.update',
			'service_record.add_event',
			'service_record.delete'
		],
		async step(device) {
			const action = device.rng.weighted({
				openPrivate: 12,
				openShared: 10,
				addEvent: 40,
				update: 15,
				deleteOwn: 5,
				deleteOthers: 3
			});
			const steps = { openPrivate, openShared, addEvent, update, deleteOwn, deleteOthers };
			await steps[action](device);
		},
		async meantRejection(entry: RejectedEntry, server: pg.Pool): Promise<string | null> {
			const payload = entry.payload as { id?: string; record_id?: string };
			if (
				entry.type === 'service_record.delete' &&
				entry.code === 'forbidden' &&
				forbiddenDeletes.has(`${entry.actor.user_id}/${payload.id}`)
			) {
				return 'a delete of a record holding other staff’s work, by someone who is not a manager';
			}
			const target = entry.type === 'service_record.add_event' ? payload.record_id : payload.id;
			if (entry.code === 'conflict' && target && managerDeleted.size > 0) {
				const { rows } = await server.query<{ meant: boolean }>(
					`select (app.service_record_survivor($2::uuid)).id in (
					   select (app.service_record_survivor(r)).id from unnest($1::uuid[]) r) as meant`,
					[[...managerDeleted], target]
				);
				if (rows[0]?.meant) return 'an op on a record a manager had deleted';
			}
			return null;
		}
	};
}

/** Random editable fields, as a person sets them on the record page. */
function fields(device: WorkloadDevice) {
	const { rng } = device;
	return {
		category: rng.chance(0.2) ? null : rng.pick(BUSINESS_CATEGORIES),
		special_groups: SPECIAL_GROUPS.filter(() => rng.chance(0.15)),
		green_channel: rng.chance(0.1)
	};
}
