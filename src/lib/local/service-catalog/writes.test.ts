import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { FIRST_CURSOR } from '$lib/domain/sync-protocol';
import { registry } from '$lib/features/registry';
import { storePage } from '$lib/sync/pull-steps';
import type { SyncEngine } from '$lib/sync/engine';
import { companyDraft, itemRow, missing, present, versionRow } from '../../../../tests/support/catalog';
import { device } from '../../../../tests/support/device';
import { FakeServer, STAFF } from '../../../../tests/support/fake-server';
import { discardRejected } from '../rejected';
import { ensureDeviceCode } from '../prechecks/numbering';
import { loadPrecheck } from '../prechecks/queries';
import { recordPrecheck } from '../prechecks/writes';
import { listCatalog, loadCatalogItem } from './queries';
import { serviceItems, serviceItemVersions } from './tables';
import { publishServiceItem, withdrawServiceItem, type DraftWithKeys } from './writes';

const engines: SyncEngine[] = [];
afterEach(() => {
	for (const engine of engines.splice(0)) engine.stop();
});

const draft = (fields: Partial<DraftWithKeys> = {}): DraftWithKeys => ({
	...companyDraft(),
	search_keys: 'gongsishelidengji gssldj',
	...fields
});

/** What the server holds after it applied a publish: the version with its revision, the item pointing at it. */
function serverCopy(
	server: FakeServer,
	ids: { itemId: string; versionId: string },
	revision: number,
	d = draft()
) {
	const { code, ...content } = d;
	server.put('service_item_versions', {
		...versionRow({ id: ids.versionId, item_id: ids.itemId, revision }),
		...content
	});
	server.put('service_items', itemRow({ id: ids.itemId, code, current_version_id: ids.versionId }));
}

describe('publishing and withdrawing on the device', () => {
	it('a published version shows at once as the item’s current one, with a provisional revision', async () => {
		const { db } = await device(new FakeServer());
		const first = await publishServiceItem(db, draft());
		const second = await publishServiceItem(db, draft({ name_zh: '公司设立登记（新）' }), first.itemId);
		expect(second.itemId).toBe(first.itemId);
		const [entry] = await listCatalog(db);
		expect(entry).toMatchObject({
			item: { code: 'QY-001', current_version_id: second.versionId },
			current: { revision: 2, name_zh: '公司设立登记（新）', published_by_name: STAFF.staff_name },
			pending: true
		});
		const detail = await loadCatalogItem(db, first.itemId);
		expect(detail?.versions.map((version) => version.revision)).toEqual([2, 1]);
	});

	it('refuses a code already used, a changed code, and content that breaks the rules, naming the field', async () => {
		const { db } = await device(new FakeServer());
		const { itemId } = await publishServiceItem(db, draft());
		await expect(publishServiceItem(db, draft())).rejects.toMatchObject({
			reason: 'invalid',
			fields: ['code']
		});
		await expect(publishServiceItem(db, draft({ code: 'QY-002' }), itemId)).rejects.toMatchObject({
			fields: ['code']
		});
		await expect(publishServiceItem(db, draft({ legal_days: 2, promised_days: 5 }))).rejects.toMatchObject({
			reason: 'invalid',
			fields: ['promised_days']
		});
		await expect(publishServiceItem(db, draft({ code: 'qy 1' }))).rejects.toMatchObject({ fields: ['code'] });
		expect(await db.outbox.count()).toBe(1);
	});

	it('withdrawing hides nothing from the catalog but marks the item; publishing again brings it back', async () => {
		const { db } = await device(new FakeServer());
		const { itemId } = await publishServiceItem(db, draft());
		await withdrawServiceItem(db, itemId);
		await withdrawServiceItem(db, itemId); // already withdrawn: nothing more queued
		expect(await db.outbox.count()).toBe(2);
		expect((await serviceItems.of(db).get(itemId))?.withdrawn_at).not.toBeNull();
		await publishServiceItem(db, draft(), itemId);
		expect((await serviceItems.of(db).get(itemId))?.withdrawn_at).toBeNull();
		await expect(withdrawServiceItem(db, '0190b000-0000-7000-8000-00000000ffff')).rejects.toMatchObject({
			reason: 'not_found'
		});
	});

	it('a colleague’s version pulled meanwhile moves our provisional revision after it', async () => {
		const server = new FakeServer();
		const { db } = await device(server);
		const ours = await publishServiceItem(db, draft());
		await db.outbox.clear(); // the item's first version was acknowledged…
		serverCopy(server, ours, 1);
		const second = await publishServiceItem(db, draft({ fee: '10元' }), ours.itemId); // …ours waits
		// A colleague's version reached the server first and took revision 2.
		serverCopy(server, { itemId: ours.itemId, versionId: '0190b000-0000-7000-8000-0000000000c2' }, 2);
		await storePage(db, registry, STAFF.user_id, await server.pull(FIRST_CURSOR, 100), FIRST_CURSOR);
		const [entry] = await listCatalog(db);
		expect(entry?.current).toMatchObject({ id: second.versionId, revision: 3, fee: '10元' });
	});

	it('a refused publish given up leaves the catalog as the server has it', async () => {
		const server = new FakeServer();
		server.judge = (op) => (op.type === 'service_item.publish' ? 'forbidden' : null);
		const { db, engine } = await device(server);
		engines.push(engine);
		await publishServiceItem(db, draft());
		await engine.start();
		const [refused] = await db.rejected.toArray();
		expect(refused?.code).toBe('forbidden');
		await discardRejected(db, registry, refused?.seq ?? -1);
		expect(await listCatalog(db)).toEqual([]);
		expect(await serviceItems.of(db).count()).toBe(0);
		expect(await serviceItemVersions.of(db).count()).toBe(0);
	});
});

describe('version pinning', () => {
	it('a pre-check keeps reading its version after a new version is published here and pulled', async () => {
		const server = new FakeServer();
		const { db, engine } = await device(server);
		engines.push(engine);
		await ensureDeviceCode(db, () => Promise.resolve('K7'));
		const v1 = await publishServiceItem(db, draft());
		serverCopy(server, v1, 1);
		await engine.start();
		const saved = await recordPrecheck(db, {
			item_version_id: v1.versionId,
			record_id: null,
			situation_key: 'new',
			answers: {},
			language: 'zh',
			marks: [missing('form'), present('charter')],
			applicant_name: null,
			applicant_phone: null
		});
		const renamed = draft({ name_zh: '企业设立登记', materials: companyDraft().materials.slice(1) });
		const v2 = await publishServiceItem(db, renamed, v1.itemId);
		serverCopy(server, v2, 2, renamed);
		await engine.sync();
		expect(await db.outbox.count()).toBe(0);
		expect((await serviceItems.of(db).get(v1.itemId))?.current_version_id).toBe(v2.versionId);
		const detail = await loadPrecheck(db, saved.id);
		expect(detail?.version).toMatchObject({ id: v1.versionId, revision: 1, name_zh: '公司设立登记' });
		expect(detail?.openPoints.map((mark) => mark.material_key)).toEqual(['form']);
		expect(await serviceItemVersions.of(db).count()).toBe(2);
	});
});
