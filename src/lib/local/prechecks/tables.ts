import { precheckApplicantRow, precheckRoundRow, precheckRow } from '$lib/domain/precheck';
import { syncedTable } from '../workflow';

/** The pre-check workflow's synced tables on the device. */

export const prechecks = syncedTable('prechecks', precheckRow, {
	// notice_no / public_token: a typed number or a scanned link reopens the pre-check; record_id: a record's
	// pre-checks; [staff_id+created_at]: mine, newest first, and the item usage behind the search ranking.
	indexes: ['notice_no', 'public_token', 'record_id', '[staff_id+created_at]']
});

export const precheckRounds = syncedTable('precheck_rounds', precheckRoundRow, {
	// [precheck_id+round_no]: a pre-check's rounds in order.
	indexes: ['[precheck_id+round_no]']
});

/** The applicant's name and phone; the row's id is its pre-check's. */
export const precheckApplicants = syncedTable('precheck_applicants', precheckApplicantRow, {
	indexes: []
});
