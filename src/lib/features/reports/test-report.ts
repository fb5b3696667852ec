import { hallReport, type HallReport } from '$lib/domain/report';

/**
 * A small report as the server answers it, for the unit tests of the sections and exports: two days of one hall,
 * a material and a checkpoint named the way a manager might (a leading `=`, a comma, a quote).
 */
export function testReport(): HallReport {
	return hallReport.parse({
		halls: [{ id: '0190f000-0000-7000-8000-0000000000a1', name: '天津市河北区政务服务中心' }],
		from: '2026-11-01',
		to: '2026-11-02',
		generated_at: '2026-11-03T01:30:00.000Z',
		operation: {
			visitors: 30,
			by_day: [
				{ day: '2026-11-01', visitors: 12 },
				{ day: '2026-11-02', visitors: 18 }
			],
			by_hour: Array.from({ length: 24 }, (_, hour) => ({ hour, visitors: hour === 9 ? 30 : 0 })),
			by_category: [
				{ category: 'enterprise_setup', visitors: 20 },
				{ category: null, visitors: 10 }
			],
			special_groups: [
				{ group: 'elderly', visitors: 3 },
				{ group: 'disabled', visitors: 1 },
				{ group: 'pregnant', visitors: 0 },
				{ group: 'foreigner', visitors: 0 }
			],
			special_visitors: 4,
			green_channel: 2,
			events: [
				{ kind: 'consult', count: 5 },
				{ kind: 'precheck', count: 4 },
				{ kind: 'guide_to_window', count: 0 },
				{ kind: 'accept', count: 25 },
				{ kind: 'notify_pickup', count: 0 },
				{ kind: 'picked_up', count: 0 },
				{ kind: 'mail', count: 0 },
				{ kind: 'note', count: 1 }
			]
		},
		consultations: { records: 5, events: 5, by_category: [{ category: 'consultation', records: 5 }] },
		prechecks: {
			prechecks: 4,
			complete_first: 3,
			complete_rate: 0.75,
			notices: 1,
			returned: 0,
			completed_on_return: 0,
			broken_promises: 0,
			promise_kept_rate: null,
			most_missed: [
				{
					item_code: '11120000-001',
					item_name: '企业设立登记',
					material_key: 'licence',
					material_name: '=营业执照, "副本"',
					count: 1
				}
			]
		},
		incidents: {
			reported: 2,
			by_category: [
				{ category: 'equipment', count: 1 },
				{ category: 'complaint', count: 1 }
			],
			by_severity: [
				{ severity: 3, count: 1 },
				{ severity: 4, count: 1 }
			],
			responded: 2,
			responded_within: 1,
			respond_median_minutes: 12.5,
			resolved: 1,
			resolved_within: 1,
			resolve_median_minutes: 95,
			overdue_open: 0
		},
		patrols: {
			expected_rounds: 4,
			rounds_on_time: 3,
			rounds_late: 1,
			rounds_missed: 0,
			extra_rounds: 1,
			checkpoints_missed: 2,
			problems: 1,
			problems_by_checkpoint: [
				{ checkpoint_id: '0190f000-0000-7000-8000-0000000000c1', name: '-自助服务区', problems: 1 }
			],
			compliance_rate: 0.75
		},
		supervision: { complaints: 1, callbacks: 1, closed: 0, open: 1 },
		visits: {
			visits: 3,
			by_kind: [
				{ kind: 'onsite', count: 2 },
				{ kind: 'stationed', count: 1 },
				{ kind: 'project', count: 0 }
			],
			enterprises_visited: 2,
			follow_ups_opened: 1,
			follow_ups_done: 0,
			follow_ups_cannot_solve: 0,
			follow_ups_overdue: 0
		}
	});
}
