import {
	noteOnEnterprise,
	saveEnterprise,
	saveEnterpriseContact,
	saveEnterpriseProject
} from '$lib/domain/enterprise';
import { defineOp } from '../workflow';
import { applyNote, applySaveContact, applySaveEnterprise, applySaveProject, undoSave } from './apply';
import { enterpriseContacts, enterpriseNotes, enterpriseProjects, enterprises } from './tables';

/** The enterprise op types: what each sends, does on the device, and what giving it up means. */

export const saveEnterpriseOp = defineOp('enterprise.save', saveEnterprise, {
	apply: applySaveEnterprise,
	// A new enterprise goes; a changed one comes back from the server.
	discard: { drop: enterprises, undo: undoSave(enterprises) }
});

export const saveContactOp = defineOp('enterprise_contact.save', saveEnterpriseContact, {
	apply: applySaveContact,
	discard: { drop: enterpriseContacts, undo: undoSave(enterpriseContacts) },
	touches: (payload) => [payload.id, payload.enterprise_id]
});

export const saveProjectOp = defineOp('enterprise_project.save', saveEnterpriseProject, {
	apply: applySaveProject,
	discard: { drop: enterpriseProjects, undo: undoSave(enterpriseProjects) },
	touches: (payload) => [payload.id, payload.enterprise_id]
});

export const noteOp = defineOp('enterprise.note', noteOnEnterprise, {
	apply: applyNote,
	// The note is the op's own new row, which the server never had.
	discard: { drop: enterpriseNotes },
	touches: (payload) => [payload.id, payload.enterprise_id]
});

export const ENTERPRISE_OPS = [saveEnterpriseOp, saveContactOp, saveProjectOp, noteOp] as const;
