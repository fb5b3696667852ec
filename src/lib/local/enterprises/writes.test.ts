import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { creditCodeCheckCharacter as checkCharacter } from '$lib/domain/credit-code';
import type { EnterpriseRow } from '$lib/domain/enterprise';
import { hallDate } from '$lib/domain/hall-time';
import { registry } from '$lib/features/registry';
import { device } from '../../../../tests/support/device';
import { FakeServer, STAFF } from '../../../../tests/support/fake-server';
import { reapplyPending } from '../apply';
import type { LocalDb } from '../db';
import { prepareForUser } from '../device-data';
import { staffDirectory } from '../staff/tables';
import { LocalWriteError } from '../write-error';
import { enterpriseCodes, listEnterprises, loadEnterprise } from './queries';
import { enterpriseContacts, enterpriseNotes, enterpriseProjects, enterprises } from './tables';
import {
	addEnterpriseNote,
	EnterpriseRefusedError,
	importEnterprises,
	saveContact,
	saveEnterprise,
	saveProject,
	type EnterpriseInput,
	type ImportRowInput
} from './writes';

const TODAY = '2026-12-01';
const STEWARD = '0190c000-0000-7000-8000-0000000000bb';
const CODES = ['91440300708461136T', '914403001922038216', '91330100716105852F'];

/** A device of the hall signed in as STAFF (a manager unless told otherwise); no engine, nothing sent. */
async function hallDevice(post: 'intake' | 'manager' = 'manager'): Promise<LocalDb> {
	const { db } = await device(new FakeServer());
	await prepareForUser(db, { ...STAFF, post });
	return db;
}

const input = (fields: Partial<EnterpriseInput> = {}): EnterpriseInput => ({
	id: null,
	name: '天津海河智造科技有限公司',
	credit_code: CODES[0] ?? '',
	street_code: '120105002',
	address: '天津市河北区海河东路 1 号',
	latitude: 39.15,
	longitude: 117.2,
	industry: '制造业',
	visit_every_days: 30,
	archived: false,
	...fields
});

const importRow = (code: string, name: string): ImportRowInput => ({
	name,
	credit_code: code,
	street_code: '120105007',
	address: null,
	industry: null,
	visit_every_days: 90
});

describe('saving an enterprise', () => {
	it('appears at once in the list, due today when never visited, with its street, waiting to be sent', async () => {
		const db = await hallDevice();
		const { id } = await saveEnterprise(db, input({ credit_code: ' 91440300708461136t ', industry: '  ' }));
		const [entry] = await listEnterprises(db, hallDate());
		expect(entry?.enterprise).toMatchObject({
			id,
			credit_code: CODES[0],
			industry: null,
			updated_by_name: STAFF.staff_name,
			is_demo: false,
			version: 0
		});
		expect(entry?.street).toBe('望海楼街道');
		expect(entry?.plan.light).toBe('due_soon');
		expect(entry?.pending).toBe(true);
		expect((await db.outbox.toArray()).map((op) => op.type)).toEqual(['enterprise.save']);
	});

	it('an invalid credit code is refused naming the field, nothing stored', async () => {
		const db = await hallDevice();
		const saving = saveEnterprise(db, input({ credit_code: '91440300708461136U' }));
		await expect(saving).rejects.toBeInstanceOf(LocalWriteError);
		await expect(saving).rejects.toMatchObject({ reason: 'invalid', fields: ['credit_code'] });
		expect(await enterprises.of(db).count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
	});

	it('a code another enterprise of the hall has is a conflict naming that enterprise', async () => {
		const db = await hallDevice();
		const first = await saveEnterprise(db, input());
		await expect(saveEnterprise(db, input({ name: '另一家公司' }))).rejects.toMatchObject({
			refusal: {
				code: 'conflict',
				reason: 'duplicate_code',
				enterprise: { id: first.id, name: '天津海河智造科技有限公司' }
			}
		});
		// Saving the same enterprise again with its own code is fine.
		await saveEnterprise(db, input({ id: first.id, name: '天津海河智造科技股份有限公司' }));
		expect((await enterprises.of(db).get(first.id))?.name).toBe('天津海河智造科技股份有限公司');
	});

	it('only managers save enterprises and projects; any staff adds contacts and notes', async () => {
		const manager = await hallDevice();
		const { id } = await saveEnterprise(manager, input());
		const staff = await hallDevice('intake');
		await expect(saveEnterprise(staff, input())).rejects.toBeInstanceOf(EnterpriseRefusedError);
		// The staff's device holds the enterprise as a pull would store it.
		await enterprises
			.of(staff)
			.put({ ...((await enterprises.of(manager).get(id)) as EnterpriseRow), version: 3 });
		await saveContact(staff, {
			id: null,
			enterprise_id: id,
			name: '张经理',
			role: '行政主管',
			phone: '139 2200 1234',
			removed: false
		});
		await addEnterpriseNote(staff, id, '企业计划明年扩产');
		const detail = await loadEnterprise(staff, id, TODAY);
		expect(detail?.contacts.map((contact) => [contact.name, contact.phone])).toEqual([
			['张经理', '139 2200 1234']
		]);
		expect(detail?.notes.map((note) => [note.note, note.staff_name])).toEqual([['企业计划明年扩产', '王芳']]);
		await expect(
			saveProject(staff, {
				id: null,
				enterprise_id: id,
				name: '新厂房',
				stage: 'planning',
				steward_id: STAFF.staff_id,
				milestones: [],
				archived: false
			})
		).rejects.toMatchObject({ refusal: { code: 'forbidden', reason: 'managers_only' } });
	});

	it('archiving keeps the first archiving time; restoring clears it; archived enterprises are never due', async () => {
		const db = await hallDevice();
		const { id } = await saveEnterprise(db, input());
		await saveEnterprise(db, input({ id, archived: true }));
		const archivedAt = (await enterprises.of(db).get(id))?.archived_at;
		expect(archivedAt).not.toBeNull();
		await saveEnterprise(db, input({ id, archived: true, name: '天津海河智造（已迁出）' }));
		expect((await enterprises.of(db).get(id))?.archived_at).toBe(archivedAt);
		expect((await loadEnterprise(db, id, TODAY))?.plan.light).toBe('none');
		await saveEnterprise(db, input({ id, archived: false }));
		expect((await enterprises.of(db).get(id))?.archived_at).toBeNull();
	});

	it('a project names its steward from the directory; one who left is refused', async () => {
		const db = await hallDevice();
		const { id } = await saveEnterprise(db, input());
		await staffDirectory.of(db).bulkPut([
			{ id: STEWARD, hall_id: STAFF.hall_id, display_name: '李娜', post: 'assist', active: true, version: 1 },
			{
				id: STAFF.staff_id,
				hall_id: STAFF.hall_id,
				display_name: '王芳',
				post: 'manager',
				active: false,
				version: 1
			}
		]);
		const project = {
			id: null,
			enterprise_id: id,
			name: '智能产线改造',
			stage: 'approval' as const,
			steward_id: STEWARD,
			milestones: [{ key: 'permit', label: ' 取得施工许可 ', due_on: '2027-03-01', done_on: null }],
			archived: false
		};
		const saved = await saveProject(db, project);
		expect(await enterpriseProjects.of(db).get(saved.id)).toMatchObject({
			steward_name: '李娜',
			milestones: [{ key: 'permit', label: '取得施工许可', due_on: '2027-03-01', done_on: null }]
		});
		expect((await listEnterprises(db, TODAY))[0]?.mine).toBe(false);
		await expect(saveProject(db, { ...project, steward_id: STAFF.staff_id })).rejects.toMatchObject({
			refusal: { code: 'not_found', reason: 'steward' }
		});
	});
});

describe('importing', () => {
	it('queues one enterprise.save per row in one transaction', async () => {
		const db = await hallDevice();
		const { ids } = await importEnterprises(db, [
			importRow(CODES[0] ?? '', '腾讯'),
			importRow(CODES[1] ?? '', '华为'),
			importRow(CODES[2] ?? '', '阿里巴巴')
		]);
		expect(ids).toHaveLength(3);
		expect(await enterprises.of(db).count()).toBe(3);
		expect((await db.outbox.toArray()).map((op) => op.type)).toEqual([
			'enterprise.save',
			'enterprise.save',
			'enterprise.save'
		]);
		expect([...(await enterpriseCodes(db)).keys()].sort()).toEqual([...CODES].sort());
	});

	it('is all or nothing: one bad row, a code twice, or a code the hall has stores nothing', async () => {
		const db = await hallDevice();
		await expect(
			importEnterprises(db, [importRow(CODES[0] ?? '', '腾讯'), importRow('91440300708461136X', '坏代码')])
		).rejects.toBeInstanceOf(LocalWriteError);
		await expect(
			importEnterprises(db, [importRow(CODES[0] ?? '', '腾讯'), importRow(CODES[0] ?? '', '腾讯重复')])
		).rejects.toMatchObject({ refusal: { reason: 'duplicate_code', enterprise: null } });
		expect(await enterprises.of(db).count()).toBe(0);
		expect(await db.outbox.count()).toBe(0);
		await saveEnterprise(db, input({ credit_code: CODES[1] ?? '' }));
		await expect(
			importEnterprises(db, [importRow(CODES[0] ?? '', '腾讯'), importRow(CODES[1] ?? '', '华为')])
		).rejects.toMatchObject({ refusal: { reason: 'duplicate_code', credit_code: CODES[1] } });
		expect(await enterprises.of(db).count()).toBe(1);
		expect(await db.outbox.count()).toBe(1);
	});

	it('a sheet of 1,000 rows imports in one go', async () => {
		const db = await hallDevice();
		const rows = Array.from({ length: 1000 }, (_, index) => importRow(codeNumber(index), `企业${index}`));
		const { ids } = await importEnterprises(db, rows);
		expect(ids).toHaveLength(1000);
		expect(await db.outbox.count()).toBe(1000);
	}, 60_000);
});

describe('applies', () => {
	it('are idempotent: re-applying the outbox over what it made changes nothing', async () => {
		const db = await hallDevice();
		const { id } = await saveEnterprise(db, input());
		await saveContact(db, {
			id: null,
			enterprise_id: id,
			name: '张经理',
			role: null,
			phone: null,
			removed: false
		});
		await addEnterpriseNote(db, id, '首次走访前登记');
		await saveProject(db, {
			id: null,
			enterprise_id: id,
			name: '研发中心',
			stage: 'planning',
			steward_id: STAFF.staff_id,
			milestones: [],
			archived: false
		});
		const before = await snapshot(db);
		await db.transaction('rw', db.writeTables, async () => {
			await reapplyPending(db, registry, STAFF.user_id);
		});
		await db.transaction('rw', db.writeTables, async () => {
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect(await snapshot(db)).toEqual(before);
	});

	it('keep what only the server sets when re-applied over a pulled row', async () => {
		const db = await hallDevice();
		const { id } = await saveEnterprise(db, input());
		const pulled = {
			...((await enterprises.of(db).get(id)) as EnterpriseRow),
			created_at: '2026-01-01T00:00:00Z'
		};
		await enterprises.of(db).put({ ...pulled, is_demo: true, version: 9 });
		await db.transaction('rw', db.writeTables, async () => {
			await reapplyPending(db, registry, STAFF.user_id);
		});
		expect(await enterprises.of(db).get(id)).toMatchObject({
			created_at: '2026-01-01T00:00:00Z',
			is_demo: true,
			version: 9
		});
	});
});

async function snapshot(db: LocalDb) {
	return {
		enterprises: await enterprises.of(db).toArray(),
		contacts: await enterpriseContacts.of(db).toArray(),
		notes: await enterpriseNotes.of(db).toArray(),
		projects: await enterpriseProjects.of(db).toArray()
	};
}

/** A valid made-up code for row `index`: division 120105, a running organisation number, its check character. */
function codeNumber(index: number): string {
	const first17 = `91120105${String(index).padStart(9, '0')}`;
	return `${first17}${checkCharacter(first17)}`;
}
