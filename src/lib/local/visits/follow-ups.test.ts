import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/domain/hall-time';
import type { FollowUpRow } from '$lib/domain/visit';
import { registry } from '$lib/features/registry';
import { FakeServer, STAFF } from '../../../../tests/support/fake-server';
import {
	checkIn,
	COLLEAGUE,
	engineOf,
	ENTERPRISE,
	hallDevice,
	MANAGER,
	TODAY
} from '../../../../tests/support/visits-hall';
import { reapplyPending } from '../apply';
import { discardRejected } from '../rejected';
import { listMyOpenFollowUps, listOpenFollowUps, loadFollowUp } from './queries';
import { followUpEvents, followUps, visits } from './tables';
import { actOnFollowUp, noteFollowUp, openFollowUp, saveVisit } from './writes';

/** A demand of the enterprise, mine, due in five days, unless `fields` say otherwise. */
const demand = (
	fields: Partial<Parameters<typeof openFollowUp>[1]> = {}
): Parameters<typeof openFollowUp>[1] => ({
	enterprise_id: ENTERPRISE,
	visit_id: null,
	demand: '协调停车位',
	owner_id: STAFF.staff_id,
	due_on: addDays(TODAY, 5),
	...fields
});

describe('follow-ups', () => {
	it('mine come overdue first, then by due date; a manager sees everyone’s', async () => {
		const db = await hallDevice();
		const later = await openFollowUp(db, demand({ due_on: addDays(TODAY, 20) }));
		const soon = await openFollowUp(db, demand({ demand: '办理施工许可咨询', due_on: TODAY }));
		const colleagues = await openFollowUp(
			db,
			demand({ demand: '人才公寓申请', owner_id: COLLEAGUE, due_on: addDays(TODAY, 3) })
		);
		// One of mine, opened earlier, is now overdue (as the server would send it back).
		await followUps.of(db).update(later.id, { due_on: addDays(TODAY, -2) });
		const mine = await listMyOpenFollowUps(db, TODAY);
		expect(mine.map((entry) => [entry.followUp.id, entry.overdue, entry.due_today])).toEqual([
			[later.id, true, false],
			[soon.id, false, true]
		]);
		expect((await listOpenFollowUps(db, TODAY)).map((entry) => entry.followUp.id)).toEqual([
			later.id,
			soon.id,
			colleagues.id
		]);
	});

	it('the owner starts and finishes; the timeline and offered actions follow', async () => {
		const db = await hallDevice();
		const { id } = await openFollowUp(db, demand());
		expect((await loadFollowUp(db, id, TODAY))?.actions).toEqual(['start', 'done', 'cannot', 'reassign']);
		await actOnFollowUp(db, { follow_up_id: id, action: 'start' });
		await noteFollowUp(db, id, '已联系交通部门');
		await actOnFollowUp(db, { follow_up_id: id, action: 'done', note: '已协调 10 个车位' });
		const detail = await loadFollowUp(db, id, TODAY);
		expect(detail?.followUp).toMatchObject({ status: 'done', reason: null });
		expect(detail?.followUp.closed_at).not.toBeNull();
		expect(detail?.actions).toEqual([]);
		expect(
			detail?.timeline.map(({ event }) => [event.kind, event.from_status, event.to_status, event.note])
		).toEqual([
			['opened', null, 'open', null],
			['started', 'open', 'in_progress', null],
			['note', null, null, '已联系交通部门'],
			['done', 'in_progress', 'done', '已协调 10 个车位']
		]);
	});

	it('what the lifecycle refuses is refused on the device with its reason, nothing queued', async () => {
		const db = await hallDevice();
		const { id } = await openFollowUp(db, demand({ demand: '人才公寓申请', owner_id: COLLEAGUE }));
		const queued = await db.outbox.count();
		await expect(actOnFollowUp(db, { follow_up_id: id, action: 'start' })).rejects.toMatchObject({
			refusal: { code: 'forbidden', reason: 'owner_only' }
		});
		await expect(actOnFollowUp(db, { follow_up_id: id, action: 'due', due_on: TODAY })).rejects.toMatchObject(
			{
				refusal: { code: 'forbidden', reason: 'managers_only' }
			}
		);
		await expect(actOnFollowUp(db, { follow_up_id: id, action: 'done' })).rejects.toMatchObject({
			reason: 'invalid',
			fields: ['note']
		});
		expect(await db.outbox.count()).toBe(queued);
	});

	it('a manager reassigns, moves the due date, closes as cannot be solved and reopens', async () => {
		const db = await hallDevice('manager');
		const { id } = await openFollowUp(db, demand({ owner_id: COLLEAGUE }));
		await expect(
			actOnFollowUp(db, { follow_up_id: id, action: 'reassign', owner_id: COLLEAGUE })
		).rejects.toMatchObject({ refusal: { reason: 'same_owner' } });
		await actOnFollowUp(db, { follow_up_id: id, action: 'reassign', owner_id: MANAGER });
		await actOnFollowUp(db, { follow_up_id: id, action: 'due', due_on: addDays(TODAY, 30) });
		await expect(
			actOnFollowUp(db, { follow_up_id: id, action: 'due', due_on: addDays(TODAY, 400) })
		).rejects.toMatchObject({ refusal: { reason: 'due_out_of_range' } });
		await actOnFollowUp(db, { follow_up_id: id, action: 'cannot', note: '超出中心职权范围' });
		expect(await followUps.of(db).get(id)).toMatchObject({
			status: 'cannot_solve',
			owner_id: MANAGER,
			owner_name: '刘洋',
			due_on: addDays(TODAY, 30),
			reason: '超出中心职权范围'
		});
		await actOnFollowUp(db, { follow_up_id: id, action: 'reopen', note: '企业补充了材料' });
		expect(await followUps.of(db).get(id)).toMatchObject({
			status: 'in_progress',
			reason: null,
			closed_at: null
		});
	});

	it('a stale step refused by the server: the server’s state shows, the step is marked refused until given up', async () => {
		const server = new FakeServer();
		const db = await hallDevice('intake', server);
		const { id } = await openFollowUp(db, demand());
		const engine = engineOf(db);
		await engine.sync();
		const opened = await followUps.of(db).get(id);
		const step = await actOnFollowUp(db, { follow_up_id: id, action: 'start' });
		// Meanwhile a manager closed it.
		server.put('follow_ups', {
			...(opened as FollowUpRow),
			status: 'done',
			closed_at: new Date().toISOString()
		});
		server.judge = (op) => (op.type === 'follow_up.act' ? 'conflict' : null);
		await engine.sync();
		const detail = await loadFollowUp(db, id, TODAY);
		expect(detail?.followUp.status).toBe('done');
		expect(detail?.refused).toEqual([{ code: 'conflict', type: 'follow_up.act', action: 'start' }]);
		expect(detail?.timeline.find(({ event }) => event.id === step.id)?.refused).toBe(true);
		const [refused] = await db.rejected.toArray();
		await discardRejected(db, registry, refused?.seq ?? -1);
		expect(await followUpEvents.of(db).get(step.id)).toBeUndefined();
	});

	it('applies are idempotent over a pull that brings the follow-up unchanged', async () => {
		const db = await hallDevice('manager');
		const { id } = await openFollowUp(db, demand({ owner_id: COLLEAGUE }));
		await actOnFollowUp(db, { follow_up_id: id, action: 'reassign', owner_id: STAFF.staff_id });
		await noteFollowUp(db, id, '已转交');
		const visit = await saveVisit(
			db,
			checkIn({ demands: [{ demand: '办理环评咨询', owner_id: COLLEAGUE, due_on: addDays(TODAY, 3) }] })
		);
		const visitBefore = await visits.of(db).get(visit.id);
		const openedBefore = await followUps.of(db).bulkGet(visit.followUpIds);
		const before = { row: await followUps.of(db).get(id), events: await followUpEvents.of(db).toArray() };
		await db.transaction('rw', db.writeTables, async () => {
			await reapplyPending(db, registry, STAFF.user_id);
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect({ row: await followUps.of(db).get(id), events: await followUpEvents.of(db).toArray() }).toEqual(
			before
		);
		expect(await visits.of(db).get(visit.id)).toEqual(visitBefore);
		expect(await followUps.of(db).bulkGet(visit.followUpIds)).toEqual(openedBefore);
		// A pull brings it back as the server has it (the reassignment not arrived yet): the step applies again.
		await db.transaction('rw', db.writeTables, async () => {
			const pulled = before.row as FollowUpRow;
			await followUps.of(db).put({ ...pulled, owner_id: COLLEAGUE, owner_name: '李娜', version: 7 });
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect(await followUps.of(db).get(id)).toMatchObject({ owner_id: STAFF.staff_id, version: 7 });
	});
});
