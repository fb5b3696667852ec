import { ENTERPRISE_RULES } from '$lib/domain/enterprise';
import { t } from '$lib/i18n';
import { ENTERPRISE_OPS } from '$lib/local/enterprises/ops';
import {
	enterpriseContacts,
	enterpriseNotes,
	enterpriseProjects,
	enterprises
} from '$lib/local/enterprises/tables';
import { defineWorkflow } from '$lib/local/workflow';

/** Key enterprises, their contacts, key projects and notes, as the registry lists them. */
export const enterprisesWorkflow = defineWorkflow({
	name: 'enterprises',
	rules: ENTERPRISE_RULES,
	// Enterprises first: a contact, project or note is never stored before its enterprise.
	tables: [enterprises, enterpriseContacts, enterpriseProjects, enterpriseNotes],
	ops: ENTERPRISE_OPS,
	labels: {
		'enterprise.save': (payload) => t('sync.op.enterprise.save', { name: payload.name }),
		'enterprise_contact.save': (payload) => t('sync.op.enterprise_contact.save', { name: payload.name }),
		'enterprise_project.save': (payload) => t('sync.op.enterprise_project.save', { name: payload.name }),
		'enterprise.note': () => t('sync.op.enterprise.note')
	}
});
