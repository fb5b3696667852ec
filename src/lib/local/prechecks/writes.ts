import type { Mark, NoticeLanguage, RoundResult } from '$lib/domain/precheck';
import { applicableMaterials, gapsOf, openPoints, roundResult } from '$lib/domain/precheck-rules';
import type { ServiceItemVersionRow } from '$lib/domain/service-catalog';
import { uuidv7 } from '$lib/domain/uuid';
import type { LocalDb } from '../db';
import { checkedPayload, currentActor, enqueue } from '../outbox';
import { survivingRecord } from '../service-records/apply';
import { addEvent } from '../service-records/ops';
import { newServiceRecordEvent } from '../service-records/writes';
import { serviceItems, serviceItemVersions } from '../service-catalog/tables';
import { LocalWriteError } from '../write-error';
import { signalLocalWrite } from '../write-signal';
import { newPublicToken, takeNoticeNo } from './numbering';
import { recheckOp, recordOp } from './ops';
import { prechecks, roundsOf } from './tables';

/**
 * The pre-check writes the screens call. Input is checked first (a LocalWriteError naming the fields, nothing
 * stored); the pre-check, its notice number (counted on the device) and, when it was started from a service
 * record, the record's `precheck` event are stored with their outbox ops in one Dexie transaction; then the sync
 * engine is woken. None waits for the network.
 */

export interface NewPrecheck {
	item_version_id: string;
	record_id: string | null;
	situation_key: string | null;
	answers: Record<string, boolean>;
	language: NoticeLanguage;
	marks: Mark[];
	applicant_name: string | null;
	applicant_phone: string | null;
}

export interface Recheck {
	precheck_id: string;
	marks: Mark[];
	new_gap_keys: string[];
	broken_promise_reason: string | null;
}

const invalid = (detail: string, fields: string[]) => new LocalWriteError('invalid', detail, fields);
const blankToNull = (text: string | null): string | null => (text?.trim() ? text.trim() : null);

/** The timeline note of a record's pre-check, in the hall's language (it is data, read by every colleague). */
export function precheckEventNote(itemName: string, noticeNo: string | null): string {
	return noticeNo === null ? `${itemName}：材料齐全` : `${itemName}：一次性告知 ${noticeNo}`;
}

/** The version's situation must be chosen when it has situations, and only materials that apply are marked. */
function checkFirstVisit(version: ServiceItemVersionRow, input: NewPrecheck): void {
	const situations = version.situations.map((situation) => situation.key);
	if (input.situation_key === null ? situations.length > 0 : !situations.includes(input.situation_key)) {
		throw invalid(`Situation ${input.situation_key} is not one of the item's.`, ['situation_key']);
	}
	const questions = new Set(version.questions.map((question) => question.key));
	if (Object.keys(input.answers).some((key) => !questions.has(key))) {
		throw invalid('An answer names a question the item does not ask.', ['answers']);
	}
	const applicable = applicableMaterials(version, input.situation_key, input.answers);
	const marked = new Set(input.marks.map((mark) => mark.material_key));
	if (input.marks.some((mark) => !applicable.some((material) => material.key === mark.material_key))) {
		throw invalid('A mark names a material that does not apply.', ['marks']);
	}
	const unmarked = applicable.filter((m) => m.requirement !== 'optional' && !marked.has(m.key));
	if (unmarked.length > 0) {
		throw invalid(`Not marked: ${unmarked.map((m) => m.key).join(', ')}.`, ['marks']);
	}
}

/**
 * Records a first visit. Complete: no number. Incomplete: the device's next notice number and a new link token,
 * or a NoDeviceCodeError (nothing stored) when the device has no code yet. With `record_id`, the record's timeline
 * gets a `precheck` event in the same transaction.
 */
export async function recordPrecheck(
	db: LocalDb,
	input: NewPrecheck
): Promise<{ id: string; notice_no: string | null; result: RoundResult }> {
	const checkedAt = new Date();
	const applicant_name = blankToNull(input.applicant_name);
	const applicant_phone = blankToNull(input.applicant_phone);
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const version = await serviceItemVersions.of(db).get(input.item_version_id);
		if (!version) {
			throw new LocalWriteError('not_found', `Version ${input.item_version_id} is not on this device.`);
		}
		const item = await serviceItems.of(db).get(version.item_id);
		if (item?.withdrawn_at) throw new LocalWriteError('deleted', `Item ${item.code} was withdrawn.`);
		checkFirstVisit(version, input);
		const result = roundResult(version, input.marks);
		const notice_no = result === 'incomplete' ? await takeNoticeNo(db, actor, checkedAt) : null;
		const payload = checkedPayload(recordOp, {
			id: uuidv7(),
			round_id: uuidv7(),
			item_version_id: version.id,
			record_id: null,
			situation_key: input.situation_key,
			answers: input.answers,
			language: input.language,
			marks: input.marks,
			notice_no,
			public_token: notice_no === null ? null : newPublicToken(),
			applicant_name,
			applicant_phone,
			checked_at: checkedAt.toISOString()
		});
		if (input.record_id !== null) {
			const record = await survivingRecord(db, input.record_id);
			if (!record) throw new LocalWriteError('not_found', `Service record ${input.record_id} is not here.`);
			if (record.deleted_at) throw new LocalWriteError('deleted', `Service record ${record.id} was deleted.`);
			payload.record_id = record.id;
			const event = newServiceRecordEvent(record.id, {
				kind: 'precheck',
				window_no: null,
				note: precheckEventNote(version.name_zh, notice_no)
			});
			await enqueue(db, recordOp, payload, actor);
			await enqueue(db, addEvent, event, actor);
		} else {
			await enqueue(db, recordOp, payload, actor);
		}
		return { id: payload.id, notice_no, result };
	});
	signalLocalWrite();
	return written;
}

/**
 * Records a return visit: every open point marked again, and a material found missing that the notice did not
 * name only as a new gap with the reason the promise was broken.
 */
export async function recheckPrecheck(
	db: LocalDb,
	input: Recheck
): Promise<{ id: string; result: RoundResult }> {
	const reason = blankToNull(input.broken_promise_reason);
	const written = await db.transaction('rw', db.writeTables, async () => {
		const actor = await currentActor(db);
		const precheck = await prechecks.of(db).get(input.precheck_id);
		if (!precheck) throw new LocalWriteError('not_found', `Pre-check ${input.precheck_id} is not here.`);
		const version = await serviceItemVersions.of(db).get(precheck.item_version_id);
		if (!version)
			throw new LocalWriteError('not_found', `Its version ${precheck.item_version_id} is not here.`);
		const rounds = await roundsOf(db, precheck.id).toArray();
		const open = openPoints(version, rounds);
		if (open.length === 0) throw invalid(`Pre-check ${precheck.id} is already complete.`, ['precheck_id']);
		const openKeys = new Set(open.map((mark) => mark.material_key));
		const marked = new Set(input.marks.map((mark) => mark.material_key));
		const newGaps = new Set(input.new_gap_keys);
		if ([...openKeys].some((key) => !marked.has(key))) {
			throw invalid('Every open point is marked again on a return visit.', ['marks']);
		}
		const applicable = applicableMaterials(version, precheck.situation_key, precheck.answers);
		const gapKeys = new Set(gapsOf(version, input.marks).map((mark) => mark.material_key));
		for (const key of newGaps) {
			if (openKeys.has(key) || !gapKeys.has(key) || !applicable.some((m) => m.key === key)) {
				throw invalid(`${key} is no new gap.`, ['new_gap_keys']);
			}
		}
		if (input.marks.some((mark) => !openKeys.has(mark.material_key) && !newGaps.has(mark.material_key))) {
			throw invalid('Only open points and new gaps are marked on a return visit.', ['marks']);
		}
		const payload = checkedPayload(recheckOp, {
			id: uuidv7(),
			precheck_id: precheck.id,
			marks: input.marks,
			new_gap_keys: input.new_gap_keys,
			broken_promise_reason: reason,
			checked_at: new Date().toISOString()
		});
		await enqueue(db, recheckOp, payload, actor);
		return { id: payload.id, result: roundResult(version, input.marks) };
	});
	signalLocalWrite();
	return written;
}
