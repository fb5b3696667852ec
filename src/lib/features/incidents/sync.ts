import { INCIDENT_RULES } from '$lib/domain/incident';
import { t } from '$lib/i18n';
import { INCIDENT_OPS } from '$lib/local/incidents/ops';
import { incidentComplainants, incidentEvents, incidentLimits, incidents } from '$lib/local/incidents/tables';
import { defineWorkflow } from '$lib/local/workflow';

/** Incidents, their timelines, complainants and the hall's time limits, as the registry lists them. */
export const incidentsWorkflow = defineWorkflow({
	name: 'incidents',
	rules: INCIDENT_RULES,
	// Incidents first: a timeline entry or complainant is never stored before its incident.
	tables: [incidents, incidentEvents, incidentComplainants, incidentLimits],
	ops: INCIDENT_OPS,
	labels: {
		'incident.report': (payload) => t('sync.op.incident.report', { place: payload.place }),
		'incident.act': (payload) => t(`sync.op.incident.${payload.action}`),
		'incident.note': () => t('sync.op.incident.note'),
		'incident_limits.save': () => t('sync.op.incident_limits.save')
	}
});
