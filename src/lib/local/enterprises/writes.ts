import type { Milestone, ProjectStage, SaveEnterprise, SaveEnterpriseContact } from '$lib/domain/enterprise';
import { normaliseCreditCode } from '$lib/domain/credit-code';
import { uuidv7 } from '$lib/domain/uuid';
import type { Actor, LocalDb } from '../db';
import { checkedPayload, currentActor, enqueue, enqueueAll } from '../outbox';
import { mayBePicked } from '../staff/queries';
import { LocalWriteError } from '../write-error';
import { signalLocalWrite } from '../write-signal';
import { isManager } from './apply';
import { noteOp, saveContactOp, saveEnterpriseOp, saveProjectOp } from './ops';
import { enterprises } from './tables';

/**
 * The enterprise writes the screens call. Input is checked first with the op's schema (a LocalWriteError naming the
 * fields, nothing stored; an invalid credit code names `credit_code`, whose reason checkCreditCode gives), then
 * against what the device knows (an EnterpriseRefusedError saying why, in the server's codes: a manager's save by
 * someone else, a credit code another enterprise has, a steward who left); then the change and its outbox op are
 * stored in one Dexie transaction, and the sync engine is woken. None waits for the network.
 */

/** An enterprise as the form edits it; `id` null for a new one. Text fields are trimmed; blank ones are null. */
export interface EnterpriseInput {
	id: string | null;
	name: string;
	credit_code: string;
	street_code: string;
	address: string | null;
	latitude: number | null;
	longitude: number | null;
	industry: string | null;
	visit_every_days: number | null;
	/** Archiving keeps the enterprise and its history out of the lists; saving it unarchived restores it. */
	archived: boolean;
}

/** One row of an import sheet, already mapped to the fields (the street as its code). */
export type ImportRowInput = Pick<
	EnterpriseInput,
	'name' | 'credit_code' | 'street_code' | 'address' | 'industry' | 'visit_every_days'
>;

export interface ContactInput {
	id: string | null;
	enterprise_id: string;
	name: string;
	role: string | null;
	phone: string | null;
	/** Removing is saving with a time. */
	removed: boolean;
}

export interface ProjectInput {
	id: string | null;
	enterprise_id: string;
	name: string;
	stage: ProjectStage;
	steward_id: string;
	milestones: Milestone[];
	archived: boolean;
}

export type EnterpriseRefusal =
	| { code: 'forbidden'; reason: 'managers_only' }
	/** The hall already has this credit code (another enterprise, named), or the import has it twice. */
	| {
			code: 'conflict';
			reason: 'duplicate_code';
			credit_code: string;
			enterprise: { id: string; name: string } | null;
	  }
	| { code: 'not_found'; reason: 'enterprise' | 'steward' };

/** What the device knows refused a write, before anything was stored. */
export class EnterpriseRefusedError extends Error {
	readonly refusal: EnterpriseRefusal;
	constructor(refused: EnterpriseRefusal) {
		super(`Refused: ${refused.reason}`);
		this.name = 'EnterpriseRefusedError';
		this.refusal = refused;
	}
}

const blankToNull = (text: string | null | undefined): string | null => (text?.trim() ? text.trim() : null);

function managerOnly(actor: Actor): void {
	if (!isManager(actor)) throw new EnterpriseRefusedError({ code: 'forbidden', reason: 'managers_only' });
}

async function mustExist(db: LocalDb, enterpriseId: string): Promise<void> {
	if (!(await enterprises.of(db).get(enterpriseId))) {
		throw new EnterpriseRefusedError({ code: 'not_found', reason: 'enterprise' });
	}
}

/** `archivedAt`: the stored archiving time when it stays archived, else the save's time or null. */
function enterprisePayload(
	input: EnterpriseInput & { id: string },
	savedAt: string,
	archivedAt: string | null
): SaveEnterprise {
	return checkedPayload(saveEnterpriseOp, {
		id: input.id,
		name: input.name.trim(),
		credit_code: normaliseCreditCode(input.credit_code),
		street_code: input.street_code.trim(),
		address: blankToNull(input.address),
		latitude: input.latitude,
		longitude: input.longitude,
		industry: blankToNull(input.industry),
		visit_every_days: input.visit_every_days,
		archived_at: input.archived ? (archivedAt ?? savedAt) : null,
		saved_at: savedAt
	});
}

/** Another enterprise of the hall with this code, if the device has one. */
async function holderOf(
	db: LocalDb,
	code: string,
	exceptId: string
): Promise<{ id: string; name: string } | null> {
	const holders = await enterprises.of(db).where('credit_code').equals(code).toArray();
	const other = holders.find((row) => row.id !== exceptId);
	return other ? { id: other.id, name: other.name } : null;
}

/** Creates or replaces an enterprise (managers). */
export async function saveEnterprise(db: LocalDb, input: EnterpriseInput): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const stored = input.id ? await enterprises.of(db).get(input.id) : undefined;
		const payload = enterprisePayload(
			{ ...input, id: input.id ?? uuidv7() },
			new Date().toISOString(),
			stored?.archived_at ?? null
		);
		managerOnly(actor);
		const holder = await holderOf(db, payload.credit_code, payload.id);
		if (holder) {
			throw new EnterpriseRefusedError({
				code: 'conflict',
				reason: 'duplicate_code',
				credit_code: payload.credit_code,
				enterprise: holder
			});
		}
		await enqueue(db, saveEnterpriseOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}

/**
 * Imports the good rows of a sheet (managers): one enterprise.save per row, all in one transaction, so the device
 * holds all of them or none. A row that fails its schema, or a code twice in the rows or already in the hall,
 * refuses the whole import (the import screen's preview leaves such rows out first).
 */
export async function importEnterprises(
	db: LocalDb,
	rows: readonly ImportRowInput[]
): Promise<{ ids: string[] }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		managerOnly(actor);
		const savedAt = new Date().toISOString();
		const payloads = rows.map((row, index) => {
			try {
				return enterprisePayload(
					{ ...row, id: uuidv7(), latitude: null, longitude: null, archived: false },
					savedAt,
					null
				);
			} catch (error) {
				if (!(error instanceof LocalWriteError)) throw error;
				// Which row, for the console: the preview should not have let it through.
				throw new LocalWriteError(error.reason, `Row ${index + 1}: ${error.message}`, error.fields);
			}
		});
		// The hall's holders of every code in one request (the new rows' ids are fresh, so any holder is another).
		const holders = new Map(
			(
				await enterprises
					.of(db)
					.where('credit_code')
					.anyOf(payloads.map((payload) => payload.credit_code))
					.toArray()
			).map((row) => [row.credit_code, { id: row.id, name: row.name }])
		);
		const seen = new Set<string>();
		for (const payload of payloads) {
			const holder = holders.get(payload.credit_code) ?? null;
			if (holder || seen.has(payload.credit_code)) {
				throw new EnterpriseRefusedError({
					code: 'conflict',
					reason: 'duplicate_code',
					credit_code: payload.credit_code,
					enterprise: holder
				});
			}
			seen.add(payload.credit_code);
		}
		await enqueueAll(db, saveEnterpriseOp, payloads, actor);
		return { ids: payloads.map((payload) => payload.id) };
	});
	signalLocalWrite();
	return written;
}

/** Creates, replaces or removes a contact (any staff of the hall). */
export async function saveContact(db: LocalDb, input: ContactInput): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const now = new Date().toISOString();
		const payload: SaveEnterpriseContact = checkedPayload(saveContactOp, {
			id: input.id ?? uuidv7(),
			enterprise_id: input.enterprise_id,
			name: input.name.trim(),
			role: blankToNull(input.role),
			phone: blankToNull(input.phone),
			removed_at: input.removed ? now : null,
			saved_at: now
		});
		await mustExist(db, payload.enterprise_id);
		await enqueue(db, saveContactOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}

/** Creates or replaces a key project (managers); its steward is active staff of the hall. */
export async function saveProject(db: LocalDb, input: ProjectInput): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const now = new Date().toISOString();
		const payload = checkedPayload(saveProjectOp, {
			id: input.id ?? uuidv7(),
			enterprise_id: input.enterprise_id,
			name: input.name.trim(),
			stage: input.stage,
			steward_id: input.steward_id,
			milestones: input.milestones.map((entry) => ({ ...entry, label: entry.label.trim() })),
			archived_at: input.archived ? now : null,
			saved_at: now
		});
		managerOnly(actor);
		await mustExist(db, payload.enterprise_id);
		if (!(await mayBePicked(db, payload.steward_id))) {
			throw new EnterpriseRefusedError({ code: 'not_found', reason: 'steward' });
		}
		await enqueue(db, saveProjectOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}

/** Adds a note to an enterprise's history (any staff of the hall). */
export async function addEnterpriseNote(
	db: LocalDb,
	enterpriseId: string,
	note: string
): Promise<{ id: string }> {
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const payload = checkedPayload(noteOp, {
			id: uuidv7(),
			enterprise_id: enterpriseId,
			note: note.trim(),
			occurred_at: new Date().toISOString()
		});
		await mustExist(db, enterpriseId);
		await enqueue(db, noteOp, payload, actor);
		return { id: payload.id };
	});
	signalLocalWrite();
	return written;
}
