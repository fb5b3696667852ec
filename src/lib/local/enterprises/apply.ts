import type {
	NoteOnEnterprise,
	SaveEnterprise,
	SaveEnterpriseContact,
	SaveEnterpriseProject
} from '$lib/domain/enterprise';
import type { Actor, LocalDb } from '../db';
import { directoryName } from '../staff/queries';
import type { QueuedOp, SyncedRow, SyncedTable } from '../workflow';
import { enterpriseContacts, enterpriseNotes, enterpriseProjects, enterprises } from './tables';

/**
 * The local effect of each enterprise op, mirroring the server's writing functions: a save replaces the row whole,
 * keeping what only the server sets (when it was created, whether it is demo data, the version). Rows made here
 * carry version 0 until the server's copy arrives; each apply gives the same result however often it runs.
 */

export const isManager = (actor: Actor): boolean => actor.post === 'manager';

export async function applySaveEnterprise(
	db: LocalDb,
	{ payload, actor }: QueuedOp<SaveEnterprise>
): Promise<void> {
	const stored = await enterprises.of(db).get(payload.id);
	const { saved_at, ...fields } = payload;
	await enterprises.of(db).put({
		...fields,
		hall_id: stored?.hall_id ?? actor.hall_id,
		created_at: stored?.created_at ?? saved_at,
		updated_by: actor.staff_id,
		updated_by_name: actor.staff_name,
		is_demo: stored?.is_demo ?? false,
		version: stored?.version ?? 0
	});
}

export async function applySaveContact(
	db: LocalDb,
	{ payload, actor }: QueuedOp<SaveEnterpriseContact>
): Promise<void> {
	const stored = await enterpriseContacts.of(db).get(payload.id);
	const { saved_at: _saved, ...fields } = payload;
	await enterpriseContacts.of(db).put({
		...fields,
		hall_id: stored?.hall_id ?? actor.hall_id,
		created_by: stored?.created_by ?? actor.staff_id,
		created_by_name: stored?.created_by_name ?? actor.staff_name,
		version: stored?.version ?? 0
	});
}

export async function applySaveProject(
	db: LocalDb,
	{ payload, actor }: QueuedOp<SaveEnterpriseProject>
): Promise<void> {
	const stored = await enterpriseProjects.of(db).get(payload.id);
	const { saved_at: _saved, ...fields } = payload;
	const stewardName =
		(await directoryName(db, payload.steward_id, actor)) ??
		(stored?.steward_id === payload.steward_id ? stored.steward_name : '');
	await enterpriseProjects.of(db).put({
		...fields,
		hall_id: stored?.hall_id ?? actor.hall_id,
		steward_name: stewardName,
		version: stored?.version ?? 0
	});
}

export async function applyNote(db: LocalDb, { payload, actor }: QueuedOp<NoteOnEnterprise>): Promise<void> {
	if (await enterpriseNotes.of(db).get(payload.id)) return;
	await enterpriseNotes.of(db).add({
		...payload,
		hall_id: actor.hall_id,
		staff_id: actor.staff_id,
		staff_name: actor.staff_name,
		version: 0
	});
}

/**
 * Gives up a refused save: a row the server never had (version 0) goes; one it has comes back from it by pulling
 * again.
 */
export function undoSave<Row extends SyncedRow>(table: SyncedTable<string, Row>) {
	return async (db: LocalDb, payload: { id: string }): Promise<'pull_again' | null> => {
		const stored = await table.of(db).get(payload.id);
		if (stored?.version === 0) {
			await table.of(db).delete(payload.id);
			return null;
		}
		return 'pull_again';
	};
}
