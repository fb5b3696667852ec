import { followUpEventRow, followUpRow, visitRow } from '$lib/domain/visit';
import { syncedTable } from '../workflow';

/** The visits workflow's synced tables on the device. */

export const visits = syncedTable('visits', visitRow, {
	// enterprise_id: an enterprise's history and its last visit; staff_id: my visits; check_in_at: a period's.
	indexes: ['enterprise_id', 'staff_id', 'check_in_at']
});

export const followUps = syncedTable('follow_ups', followUpRow, {
	// owner_id: my follow-ups; status: everyone's open ones; visit_id: a visit's demands.
	indexes: ['enterprise_id', 'owner_id', 'status', 'visit_id']
});

export const followUpEvents = syncedTable('follow_up_events', followUpEventRow, {
	// A follow-up's timeline.
	indexes: ['follow_up_id']
});
