import {
	enterpriseContactRow,
	enterpriseNoteRow,
	enterpriseProjectRow,
	enterpriseRow
} from '$lib/domain/enterprise';
import { syncedTable } from '../workflow';

/** The enterprises workflow's synced tables on the device. */

export const enterprises = syncedTable('enterprises', enterpriseRow, {
	// credit_code: the duplicate check of a save and of an import.
	indexes: ['credit_code']
});

export const enterpriseContacts = syncedTable('enterprise_contacts', enterpriseContactRow, {
	indexes: ['enterprise_id']
});

export const enterpriseProjects = syncedTable('enterprise_projects', enterpriseProjectRow, {
	// steward_id: the list's "mine" filter.
	indexes: ['enterprise_id', 'steward_id']
});

export const enterpriseNotes = syncedTable('enterprise_notes', enterpriseNoteRow, {
	indexes: ['enterprise_id']
});
