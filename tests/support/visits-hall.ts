import { afterEach } from 'vitest';
import type { EnterpriseRow } from '../../src/lib/domain/enterprise';
import { hallDate } from '../../src/lib/domain/hall-time';
import type { LocalDb } from '../../src/lib/local/db';
import { prepareForUser } from '../../src/lib/local/device-data';
import type { VisitInput } from '../../src/lib/local/visits/writes';
import type { SyncEngine } from '../../src/lib/sync/engine';
import { device } from './device';
import { FakeServer, STAFF } from './fake-server';

// A hall for the visit and follow-up tests (src/lib/local/visits): one enterprise, STAFF, a colleague and a
// manager in the directory. Importing it stops the devices' engines after each test.

export const ENTERPRISE = '0190c000-0000-7000-8000-0000000000e1';
export const COLLEAGUE = '0190c000-0000-7000-8000-0000000000bb';
export const MANAGER = '0190c000-0000-7000-8000-0000000000aa';
export const TODAY = hallDate();

const engines = new Map<LocalDb, SyncEngine>();
afterEach(() => {
	for (const engine of engines.values()) engine.stop();
	engines.clear();
});

/** The sync engine of a device hallDevice made, for a test that syncs at a moment of its choosing. */
export function engineOf(db: LocalDb): SyncEngine {
	const engine = engines.get(db);
	if (!engine) throw new Error('engineOf: not a device of hallDevice');
	return engine;
}

export const enterpriseRow: EnterpriseRow = {
	id: ENTERPRISE,
	hall_id: STAFF.hall_id,
	name: '天津海河智造科技有限公司',
	credit_code: '91440300708461136T',
	street_code: '120105002',
	address: null,
	latitude: 39.15,
	longitude: 117.2,
	industry: null,
	visit_every_days: 30,
	archived_at: null,
	created_at: '2026-01-01T00:00:00.000Z',
	updated_by: MANAGER,
	updated_by_name: '刘洋',
	is_demo: false,
	version: 1
};

const directory = [
	{ id: STAFF.staff_id, display_name: STAFF.staff_name, post: 'intake' as const },
	{ id: COLLEAGUE, display_name: '李娜', post: 'assist' as const },
	{ id: MANAGER, display_name: '刘洋', post: 'manager' as const }
].map((row) => ({ ...row, hall_id: STAFF.hall_id, active: true, version: 1 }));

/** A device of the hall with the enterprise and the directory, signed in as STAFF (or as a manager). */
export async function hallDevice(
	post: 'intake' | 'manager' = 'intake',
	server = new FakeServer()
): Promise<LocalDb> {
	server.put('enterprises', enterpriseRow);
	for (const row of directory) server.put('staff_directory', row);
	const made = await device(server);
	if (post === 'manager') await prepareForUser(made.db, { ...STAFF, post });
	engines.set(made.db, made.engine);
	await made.engine.start();
	return made.db;
}

export const checkIn = (fields: Partial<VisitInput> = {}): VisitInput => ({
	id: null,
	enterprise_id: ENTERPRISE,
	project_id: null,
	kind: 'onsite',
	companion_ids: [COLLEAGUE],
	met: '张经理',
	check_in_at: new Date().toISOString(),
	check_in: { geo: 'fix', latitude: 39.1501, longitude: 117.2001, accuracy_m: 15 },
	check_out_at: null,
	check_out: null,
	summary: null,
	...fields
});
