import type { RecheckPrecheck, RecordPrecheck } from '$lib/domain/precheck';
import { gapsOf } from '$lib/domain/precheck-rules';
import type { LocalDb } from '../db';
import { serviceItemVersions } from '../service-catalog/tables';
import type { QueuedOp } from '../workflow';
import { precheckApplicants, precheckRounds, prechecks, roundsOf } from './tables';

/**
 * The local effect of each precheck.* op, mirroring the server's writing functions: the pre-check, its round and
 * its applicant row appear at once, and a return visit's round updates the status. Rows made here carry version 0
 * until the server's copy arrives; each apply gives the same result however often it runs.
 */

export async function applyRecord(db: LocalDb, { payload, actor }: QueuedOp<RecordPrecheck>): Promise<void> {
	// The version names the item. After a scope wipe a pulled page may not hold it yet: the next page's re-apply will.
	const version = await serviceItemVersions.of(db).get(payload.item_version_id);
	if (!version) return;
	const complete = payload.notice_no === null;
	if (!(await prechecks.of(db).get(payload.id))) {
		await prechecks.of(db).add({
			id: payload.id,
			hall_id: actor.hall_id,
			item_id: version.item_id,
			item_version_id: payload.item_version_id,
			record_id: payload.record_id,
			situation_key: payload.situation_key,
			answers: payload.answers,
			language: payload.language,
			status: complete ? 'complete' : 'open',
			notice_no: payload.notice_no,
			public_token: payload.public_token,
			staff_id: actor.staff_id,
			staff_name: actor.staff_name,
			// As the server will write it; an actor stored by an older app has no post until the pull brings it.
			staff_post: actor.post ?? '',
			created_at: payload.checked_at,
			completed_at: complete ? payload.checked_at : null,
			version: 0
		});
	}
	if (!(await precheckRounds.of(db).get(payload.round_id))) {
		await precheckRounds.of(db).add({
			id: payload.round_id,
			precheck_id: payload.id,
			hall_id: actor.hall_id,
			round_no: 1,
			marks: payload.marks,
			result: complete ? 'complete' : 'incomplete',
			new_gap_keys: [],
			broken_promise_reason: null,
			promise_staff_id: null,
			staff_id: actor.staff_id,
			staff_name: actor.staff_name,
			checked_at: payload.checked_at,
			version: 0
		});
	}
	const hasApplicant = payload.applicant_name !== null || payload.applicant_phone !== null;
	if (hasApplicant && !(await precheckApplicants.of(db).get(payload.id))) {
		await precheckApplicants.of(db).add({
			id: payload.id,
			hall_id: actor.hall_id,
			staff_id: actor.staff_id,
			name: payload.applicant_name,
			phone: payload.applicant_phone,
			version: 0
		});
	}
}

export async function applyRecheck(
	db: LocalDb,
	{ payload, actor }: QueuedOp<RecheckPrecheck>
): Promise<void> {
	const precheck = await prechecks.of(db).get(payload.precheck_id);
	if (!precheck) return;
	const rounds = precheckRounds.of(db);
	const version = await serviceItemVersions.of(db).get(precheck.item_version_id);
	// Without the version (not pulled yet) every mark that is not present counts, as for a required material.
	const gaps = version
		? gapsOf(version, payload.marks)
		: payload.marks.filter((mark) => mark.status !== 'present');
	const complete = gaps.length === 0;
	const stored = await rounds.get(payload.id);
	if (!stored) {
		const last = await roundsOf(db, precheck.id).last();
		await rounds.add({
			id: payload.id,
			precheck_id: precheck.id,
			hall_id: precheck.hall_id,
			round_no: (last?.round_no ?? 0) + 1,
			marks: payload.marks,
			result: complete ? 'complete' : 'incomplete',
			new_gap_keys: payload.new_gap_keys,
			broken_promise_reason: payload.broken_promise_reason,
			// The promise broken is the notice's, whoever wrote it.
			promise_staff_id: payload.new_gap_keys.length > 0 ? precheck.staff_id : null,
			staff_id: actor.staff_id,
			staff_name: actor.staff_name,
			checked_at: payload.checked_at,
			version: 0
		});
	}
	if (complete && precheck.status !== 'complete') {
		await prechecks.of(db).update(precheck.id, { status: 'complete', completed_at: payload.checked_at });
	}
}

/** Gives up a refused first visit: its pre-check, round and applicant row, none of which the server has. */
export async function undoRecord(db: LocalDb, payload: RecordPrecheck): Promise<'pull_again' | null> {
	const unsynced = <Row extends { version: number }>(row: Row | undefined) => row?.version === 0;
	if (unsynced(await prechecks.of(db).get(payload.id))) await prechecks.of(db).delete(payload.id);
	if (unsynced(await precheckRounds.of(db).get(payload.round_id))) {
		await precheckRounds.of(db).delete(payload.round_id);
	}
	if (unsynced(await precheckApplicants.of(db).get(payload.id))) {
		await precheckApplicants.of(db).delete(payload.id);
	}
	return null;
}

/**
 * Gives up a refused return visit: its round goes, and the pre-check's status follows its last round left until
 * the server's copy returns. The stored status must not lag: "mine, still open" reads by it.
 */
export async function undoRecheck(db: LocalDb, payload: RecheckPrecheck): Promise<'pull_again' | null> {
	const rounds = precheckRounds.of(db);
	if ((await rounds.get(payload.id))?.version === 0) await rounds.delete(payload.id);
	const precheck = await prechecks.of(db).get(payload.precheck_id);
	const last = await roundsOf(db, payload.precheck_id).last();
	if (precheck?.status === 'complete' && last && last.result !== 'complete') {
		await prechecks.of(db).update(precheck.id, { status: 'open', completed_at: null });
	}
	return 'pull_again';
}
