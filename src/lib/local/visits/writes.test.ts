import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { addDays } from '$lib/domain/hall-time';
import { STAFF } from '../../../../tests/support/fake-server';
import {
	checkIn,
	COLLEAGUE,
	ENTERPRISE,
	enterpriseRow,
	hallDevice,
	TODAY
} from '../../../../tests/support/visits-hall';
import { enterprises } from '../enterprises/tables';
import { photoBlobTable, photos } from '../photos/tables';
import { staffDirectory } from '../staff/tables';
import { LocalWriteError } from '../write-error';
import { listMyVisits, loadMyLastVisit, loadReview, loadVisit } from './queries';
import { followUps, visits } from './tables';
import { openFollowUp, saveVisit, VisitRefusedError } from './writes';

const photo = (id: string) => ({
	id,
	blob: new Blob([new Uint8Array(2048)], { type: 'image/jpeg' }),
	width: 1600,
	height: 1200,
	taken_at: new Date().toISOString()
});

describe('a visit', () => {
	it('is saved at check-in as running, mine this week, and copied from as my last visit', async () => {
		const db = await hallDevice();
		const { id } = await saveVisit(db, checkIn());
		const detail = await loadVisit(db, id, TODAY);
		expect(detail).toMatchObject({
			running: true,
			mine: true,
			pending: true,
			enterprise_name: enterpriseRow.name
		});
		expect(detail?.flags).toEqual([{ kind: 'running' }]);
		expect(detail?.companions).toEqual([{ id: COLLEAGUE, name: '李娜' }]);
		expect((await listMyVisits(db, addDays(TODAY, -6), TODAY)).map((entry) => entry.visit.id)).toEqual([id]);
		expect((await loadMyLastVisit(db, ENTERPRISE))?.met).toBe('张经理');
	});

	it('checks out with its demands and photos in one transaction, the visit’s op first', async () => {
		const db = await hallDevice();
		const started = checkIn();
		const { id } = await saveVisit(db, started);
		const saved = await saveVisit(db, {
			...started,
			id,
			check_out_at: new Date().toISOString(),
			check_out: { geo: 'denied' },
			summary: '了解扩产计划，企业希望协调用地指标',
			demands: [
				{ demand: '协调新厂房用地指标', owner_id: COLLEAGUE, due_on: addDays(TODAY, 14) },
				{ demand: '办理环评咨询', owner_id: STAFF.staff_id, due_on: addDays(TODAY, 7) }
			],
			photos: [photo('0190c000-0000-7000-8000-0000000000f1')]
		});
		expect((await db.outbox.orderBy('seq').toArray()).map((op) => op.type)).toEqual([
			'visit.save',
			'visit.save',
			'follow_up.open',
			'follow_up.open',
			'photo.attach'
		]);
		const detail = await loadVisit(db, id, TODAY);
		expect(detail?.running).toBe(false);
		expect(detail?.flags).toEqual([{ kind: 'no_position', at: 'check_out', geo: 'denied' }]);
		expect(detail?.followUps.map((entry) => [entry.followUp.demand, entry.followUp.owner_name])).toEqual([
			['办理环评咨询', STAFF.staff_name],
			['协调新厂房用地指标', '李娜']
		]);
		expect(saved.followUpIds).toHaveLength(2);
		expect(await photos.of(db).where('[owner_kind+owner_id]').equals(['visit', id]).count()).toBe(1);
	});

	it('a bad photo or demand refuses the whole save: no visit, no follow-up, no photo, nothing queued', async () => {
		const db = await hallDevice();
		await expect(
			saveVisit(db, checkIn({ photos: [{ ...photo('0190c000-0000-7000-8000-0000000000f2'), width: 0 }] }))
		).rejects.toBeInstanceOf(LocalWriteError);
		await expect(
			saveVisit(
				db,
				checkIn({ demands: [{ demand: '已逾期的诉求', owner_id: COLLEAGUE, due_on: addDays(TODAY, -1) }] })
			)
		).rejects.toMatchObject({ refusal: { code: 'validation', reason: 'due_out_of_range' } });
		expect(await visits.of(db).count()).toBe(0);
		expect(await followUps.of(db).count()).toBe(0);
		expect(await photoBlobTable(db).count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('refuses what the server would: check-out before check-in, myself as companion, another’s visit', async () => {
		const db = await hallDevice();
		const at = new Date();
		await expect(
			saveVisit(
				db,
				checkIn({
					check_in_at: at.toISOString(),
					check_out_at: new Date(at.getTime() - 60_000).toISOString(),
					check_out: { geo: 'timeout' }
				})
			)
		).rejects.toMatchObject({ reason: 'invalid', fields: ['check_out_at'] });
		await expect(saveVisit(db, checkIn({ kind: 'project' }))).rejects.toMatchObject({
			fields: ['project_id']
		});
		await expect(saveVisit(db, checkIn({ companion_ids: [STAFF.staff_id] }))).rejects.toMatchObject({
			refusal: { code: 'conflict', reason: 'companion_is_author' }
		});
		const { id } = await saveVisit(db, checkIn());
		await visits.of(db).update(id, { staff_id: COLLEAGUE, staff_name: '李娜', version: 4 });
		await expect(saveVisit(db, checkIn({ id }))).rejects.toBeInstanceOf(VisitRefusedError);
	});
});

describe('the managers’ review', () => {
	it('groups the period’s visits by staff, open follow-ups by owner, and lists enterprises overdue', async () => {
		const db = await hallDevice('manager');
		await enterprises.of(db).update(ENTERPRISE, { visit_every_days: 7 });
		const { id } = await saveVisit(
			db,
			checkIn({ check_in_at: new Date(Date.now() - 10 * 86_400_000).toISOString(), companion_ids: [] })
		);
		await openFollowUp(db, {
			enterprise_id: ENTERPRISE,
			visit_id: id,
			demand: '协调停车位',
			owner_id: COLLEAGUE,
			due_on: TODAY
		});
		const review = await loadReview(db, addDays(TODAY, -14), TODAY, TODAY);
		expect(review.visitsByStaff.map((group) => [group.staff_name, group.visits.length])).toEqual([
			[STAFF.staff_name, 1]
		]);
		expect(review.openByOwner.map((group) => [group.owner_name, group.followUps.length])).toEqual([
			['李娜', 1]
		]);
		expect(review.overdueEnterprises.map((entry) => entry.enterprise.id)).toEqual([ENTERPRISE]);
		expect((await loadReview(db, TODAY, TODAY, TODAY)).visitsByStaff).toEqual([]);
		expect(await staffDirectory.of(db).count()).toBe(3);
	});
});
