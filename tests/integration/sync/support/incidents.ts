import { randomUUID } from 'node:crypto';
import type { IncidentAction, IncidentCategory, IncidentStatus } from '../../../../src/lib/domain/incident';
import type { OpPayload } from '../../../../src/lib/features/registry';
import { op, type UnsentOp } from './ops';

/** Incident ops as a device sends them, for the sync tests, the RLS matrix's examples and the torture run. */

export function reportIncident(
	overrides: Partial<OpPayload<'incident.report'>> = {}
): UnsentOp<'incident.report', OpPayload<'incident.report'>> {
	const category: IncidentCategory = overrides.category ?? 'equipment';
	return op('incident.report', {
		id: randomUUID(),
		event_id: randomUUID(),
		category,
		severity: 3,
		place: '一楼大厅 3 号窗口',
		checkpoint_id: null,
		description: '叫号屏不亮',
		complainant_name: category === 'complaint' ? '王小明' : null,
		complainant_phone: category === 'complaint' ? '13812345678' : null,
		source_check_id: null,
		reported_at: new Date().toISOString(),
		...overrides
	});
}

/** One lifecycle step; the note, assignee and callback each action needs are filled in unless given. */
export function act(
	incidentId: string,
	action: IncidentAction,
	fromStatus: IncidentStatus,
	overrides: Partial<OpPayload<'incident.act'>> = {}
): UnsentOp<'incident.act', OpPayload<'incident.act'>> {
	return op('incident.act', {
		id: randomUUID(),
		incident_id: incidentId,
		action,
		from_status: fromStatus,
		assignee_id: null,
		note: action === 'resolve' ? '已更换电源' : action === 'reopen' ? '复查仍未修好' : null,
		callback_result: action === 'callback' ? '电话回访，投诉人满意' : null,
		occurred_at: new Date().toISOString(),
		...overrides
	});
}
