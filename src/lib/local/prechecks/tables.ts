import { precheckApplicantRow, precheckRoundRow, precheckRow } from '$lib/domain/precheck';
import type { LocalDb } from '../db';
import { syncedTable } from '../workflow';

/** The pre-check workflow's synced tables on the device. */

export const prechecks = syncedTable('prechecks', precheckRow, {
	// notice_no / public_token: a typed number or a scanned link reopens the pre-check; record_id: a record's
	// pre-checks; [staff_id+created_at]: the item usage behind the search ranking; [staff_id+status+created_at]:
	// mine still open, newest first, without reading the completed ones a long-used device accumulates;
	// created_at: one hall day's.
	indexes: [
		'notice_no',
		'public_token',
		'record_id',
		'created_at',
		'[staff_id+created_at]',
		'[staff_id+status+created_at]'
	]
});

export const precheckRounds = syncedTable('precheck_rounds', precheckRoundRow, {
	// [precheck_id+round_no]: a pre-check's rounds in order.
	indexes: ['[precheck_id+round_no]']
});

/** One pre-check's rounds, in order. */
export const roundsOf = (db: LocalDb, precheckId: string) =>
	precheckRounds.of(db).where('[precheck_id+round_no]').between([precheckId, 0], [precheckId, Infinity]);

/** The applicant's name and phone; the row's id is its pre-check's. */
export const precheckApplicants = syncedTable('precheck_applicants', precheckApplicantRow, {
	indexes: []
});
