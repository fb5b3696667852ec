import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { registry } from '$lib/features/registry';
import type { SyncEngine } from '$lib/sync/engine';
import { itemRow, missing, present, versionRow } from '../../../../tests/support/catalog';
import { device } from '../../../../tests/support/device';
import { FakeServer } from '../../../../tests/support/fake-server';
import { discardRejected } from '../rejected';
import { ensureDeviceCode } from './numbering';
import { listMyOpenPrechecks, loadPrecheck } from './queries';
import { precheckApplicants, precheckRounds, prechecks } from './tables';
import { recheckPrecheck, recordPrecheck } from './writes';

const ITEM = '0190b000-0000-7000-8000-000000000001';
const V1 = '0190b000-0000-7000-8000-000000000011';

const engines: SyncEngine[] = [];
afterEach(() => {
	for (const engine of engines.splice(0)) engine.stop();
});

async function hallDevice(server: FakeServer) {
	server.put('service_item_versions', versionRow({ id: V1, item_id: ITEM }));
	server.put('service_items', itemRow({ id: ITEM, current_version_id: V1 }));
	const made = await device(server);
	engines.push(made.engine);
	await made.engine.start();
	await ensureDeviceCode(made.db, () => Promise.resolve('K7'));
	return made;
}

const visit = {
	item_version_id: V1,
	record_id: null,
	situation_key: 'new',
	answers: {},
	language: 'zh' as const,
	marks: [missing('form'), present('charter')],
	applicant_name: '张三明',
	applicant_phone: null
};

describe('giving up a refused pre-check', () => {
	it('a refused first visit leaves neither the pre-check, nor its round, nor the applicant', async () => {
		const server = new FakeServer();
		server.judge = (op) => (op.type === 'precheck.record' ? 'conflict' : null);
		const { db, engine } = await hallDevice(server);
		await recordPrecheck(db, visit);
		await engine.sync();
		const [refused] = await db.rejected.toArray();
		expect(refused?.code).toBe('conflict');
		await discardRejected(db, registry, refused?.seq ?? -1);
		expect(await prechecks.of(db).count()).toBe(0);
		expect(await precheckRounds.of(db).count()).toBe(0);
		expect(await precheckApplicants.of(db).count()).toBe(0);
	});

	it('a refused return visit goes, and the notice is open again as the server has it', async () => {
		const server = new FakeServer();
		server.judge = (op) => (op.type === 'precheck.recheck' ? 'conflict' : null);
		const { db, engine } = await hallDevice(server);
		const notice = await recordPrecheck(db, visit);
		await engine.sync();
		const stored = await loadPrecheck(db, notice.id);
		// The server's copies, as its pull would bring them.
		server.put('prechecks', { ...stored!.precheck, staff_post: 'intake' });
		server.put('precheck_rounds', stored!.rounds[0]!);
		await engine.sync();
		await recheckPrecheck(db, {
			precheck_id: notice.id,
			marks: [present('form')],
			new_gap_keys: [],
			broken_promise_reason: null
		});
		expect((await loadPrecheck(db, notice.id))?.precheck.status).toBe('complete');
		await engine.sync();
		const [refused] = await db.rejected.toArray();
		await discardRejected(db, registry, refused?.seq ?? -1);
		// Open again on my list at once, before the server's copy returns.
		expect((await listMyOpenPrechecks(db)).map((entry) => entry.precheck.id)).toEqual([notice.id]);
		await engine.sync();
		const after = await loadPrecheck(db, notice.id);
		expect(after?.precheck).toMatchObject({ status: 'open', completed_at: null, staff_post: 'intake' });
		expect(after?.rounds).toHaveLength(1);
		expect(after?.openPoints.map((mark) => mark.material_key)).toEqual(['form']);
	});
});
