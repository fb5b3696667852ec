import {
	incidentComplainantRow,
	incidentEventRow,
	incidentLimitsRow,
	incidentRow
} from '$lib/domain/incident';
import { syncedTable } from '../workflow';

/** The incident workflow's synced tables on the device. */

export const incidents = syncedTable('incidents', incidentRow, {
	// assignee_id / reporter_id: the home's "my open incidents"; status: the board's columns.
	indexes: ['status', 'assignee_id', 'reporter_id']
});

export const incidentEvents = syncedTable('incident_events', incidentEventRow, {
	// An incident's timeline.
	indexes: ['incident_id']
});

/** A complaint's complainant; the row's id is its incident's. Only on the reporter's and managers' devices. */
export const incidentComplainants = syncedTable('incident_complainants', incidentComplainantRow, {
	indexes: []
});

/** The hall's time limits; the row's id is the hall's. */
export const incidentLimits = syncedTable('incident_limits', incidentLimitsRow, { indexes: [] });
