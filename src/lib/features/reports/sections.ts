import type { HallReport, ReportSection } from '$lib/domain/report';
import { REPORT_SECTIONS } from '$lib/domain/report';
import type { BusinessCategory } from '$lib/domain/service-record';
import { t } from '$lib/i18n';
import { rateOf } from './format';
import { tr, type ReportMessageKey } from './messages';

/**
 * The report as the screen, the print and both exports show it: per section, its key figures and its tables
 * (each table the text alternative of the chart drawn from it). One model, so the screen and the files agree.
 */
export type Cell =
	| { kind: 'text'; text: string }
	| { kind: 'count'; value: number }
	| { kind: 'rate'; value: number | null }
	| { kind: 'minutes'; value: number | null };

export interface ReportTable {
	id: string;
	caption: string;
	headers: string[];
	rows: Cell[][];
	/** Drawn as a bar chart: the first column labels the bars, the count columns are the series. */
	chart?: { horizontal?: boolean };
}

export interface Figure {
	label: string;
	value: Cell;
}

export interface SectionView {
	id: ReportSection;
	title: string;
	figures: Figure[];
	tables: ReportTable[];
}

const text = (value: string): Cell => ({ kind: 'text', text: value });
const count = (value: number): Cell => ({ kind: 'count', value });
const rate = (value: number | null): Cell => ({ kind: 'rate', value });
const minutes = (value: number | null): Cell => ({ kind: 'minutes', value });
const figure = (key: ReportMessageKey, value: Cell): Figure => ({ label: tr(key), value });

function table(
	id: string,
	caption: ReportMessageKey,
	headers: ReportMessageKey[],
	rows: Cell[][],
	chart?: ReportTable['chart']
): ReportTable {
	return { id, caption: tr(caption), headers: headers.map((key) => tr(key)), rows, chart };
}

const categoryName = (category: BusinessCategory | null): string =>
	category === null ? tr('report.uncategorised') : t(`category.${category}`);

function operation(section: HallReport['operation']): Omit<SectionView, 'id' | 'title'> {
	return {
		figures: [
			figure('report.operation.visitors', count(section.visitors)),
			figure('report.operation.specialVisitors', count(section.special_visitors)),
			figure('report.operation.greenChannel', count(section.green_channel))
		],
		tables: [
			table(
				'operation-by-day',
				'report.operation.byDay',
				['report.col.day', 'report.col.visitors'],
				section.by_day.map((row) => [text(row.day), count(row.visitors)]),
				{}
			),
			table(
				'operation-by-hour',
				'report.operation.byHour',
				['report.col.hour', 'report.col.visitors'],
				section.by_hour.map((row) => [
					text(
						tr('report.hour', {
							hour: String(row.hour).padStart(2, '0'),
							next: String(row.hour + 1).padStart(2, '0')
						})
					),
					count(row.visitors)
				]),
				{}
			),
			table(
				'operation-by-category',
				'report.operation.byCategory',
				['report.col.category', 'report.col.visitors'],
				section.by_category.map((row) => [text(categoryName(row.category)), count(row.visitors)]),
				{ horizontal: true }
			),
			table(
				'operation-special-groups',
				'report.operation.specialGroups',
				['report.col.group', 'report.col.visitors'],
				section.special_groups.map((row) => [text(t(`group.${row.group}`)), count(row.visitors)])
			),
			table(
				'operation-events',
				'report.operation.events',
				['report.col.event', 'report.col.count'],
				section.events.map((row) => [text(t(`event.${row.kind}`)), count(row.count)])
			)
		]
	};
}

function consultations(section: HallReport['consultations']): Omit<SectionView, 'id' | 'title'> {
	return {
		figures: [
			figure('report.consultations.records', count(section.records)),
			figure('report.consultations.events', count(section.events))
		],
		tables: [
			table(
				'consultations-by-category',
				'report.consultations.byCategory',
				['report.col.category', 'report.col.records'],
				section.by_category.map((row) => [text(categoryName(row.category)), count(row.records)]),
				{ horizontal: true }
			)
		]
	};
}

function prechecks(section: HallReport['prechecks']): Omit<SectionView, 'id' | 'title'> {
	return {
		figures: [
			figure('report.prechecks.prechecks', count(section.prechecks)),
			figure('report.prechecks.completeFirst', count(section.complete_first)),
			figure('report.prechecks.completeRate', rate(section.complete_rate)),
			figure('report.prechecks.notices', count(section.notices)),
			figure('report.prechecks.returned', count(section.returned)),
			figure('report.prechecks.completedOnReturn', count(section.completed_on_return)),
			figure('report.prechecks.brokenPromises', count(section.broken_promises)),
			figure('report.prechecks.promiseKeptRate', rate(section.promise_kept_rate))
		],
		tables: [
			table(
				'prechecks-most-missed',
				'report.prechecks.mostMissed',
				['report.col.material', 'report.col.itemCode', 'report.col.itemName', 'report.col.count'],
				section.most_missed.map((row) => [
					text(row.material_name),
					text(row.item_code),
					text(row.item_name),
					count(row.count)
				]),
				{ horizontal: true }
			)
		]
	};
}

function incidents(section: HallReport['incidents']): Omit<SectionView, 'id' | 'title'> {
	return {
		figures: [
			figure('report.incidents.reported', count(section.reported)),
			figure('report.incidents.responded', count(section.responded)),
			figure('report.incidents.respondedWithin', count(section.responded_within)),
			figure('report.incidents.respondRate', rate(rateOf(section.responded_within, section.responded))),
			figure('report.incidents.respondMedian', minutes(section.respond_median_minutes)),
			figure('report.incidents.resolved', count(section.resolved)),
			figure('report.incidents.resolvedWithin', count(section.resolved_within)),
			figure('report.incidents.resolveRate', rate(rateOf(section.resolved_within, section.resolved))),
			figure('report.incidents.resolveMedian', minutes(section.resolve_median_minutes)),
			figure('report.incidents.overdueOpen', count(section.overdue_open))
		],
		tables: [
			table(
				'incidents-by-category',
				'report.incidents.byCategory',
				['report.col.incidentCategory', 'report.col.count'],
				section.by_category.map((row) => [
					text(tr(`report.incidentCategory.${row.category}`)),
					count(row.count)
				]),
				{}
			),
			table(
				'incidents-by-severity',
				'report.incidents.bySeverity',
				['report.col.severity', 'report.col.count'],
				section.by_severity.map((row) => [
					text(tr(`report.severity.${row.severity}` as ReportMessageKey)),
					count(row.count)
				]),
				{}
			)
		]
	};
}

function patrols(section: HallReport['patrols']): Omit<SectionView, 'id' | 'title'> {
	return {
		figures: [
			figure('report.patrols.expected', count(section.expected_rounds)),
			figure('report.patrols.complianceRate', rate(section.compliance_rate)),
			figure('report.patrols.extra', count(section.extra_rounds)),
			figure('report.patrols.checkpointsMissed', count(section.checkpoints_missed)),
			figure('report.patrols.problems', count(section.problems))
		],
		tables: [
			table(
				'patrols-rounds',
				'report.patrols.rounds',
				['report.col.roundStatus', 'report.col.count'],
				[
					[text(tr('report.patrols.onTime')), count(section.rounds_on_time)],
					[text(tr('report.patrols.late')), count(section.rounds_late)],
					[text(tr('report.patrols.missed')), count(section.rounds_missed)]
				],
				{}
			),
			table(
				'patrols-by-checkpoint',
				'report.patrols.byCheckpoint',
				['report.col.checkpoint', 'report.col.problems'],
				section.problems_by_checkpoint.map((row) => [text(row.name), count(row.problems)]),
				{ horizontal: true }
			)
		]
	};
}

function supervision(section: HallReport['supervision']): Omit<SectionView, 'id' | 'title'> {
	return {
		figures: [
			figure('report.supervision.complaints', count(section.complaints)),
			figure('report.supervision.callbacks', count(section.callbacks)),
			figure('report.supervision.callbackRate', rate(rateOf(section.callbacks, section.complaints))),
			figure('report.supervision.closed', count(section.closed)),
			figure('report.supervision.open', count(section.open))
		],
		tables: []
	};
}

function visits(section: HallReport['visits']): Omit<SectionView, 'id' | 'title'> {
	return {
		figures: [
			figure('report.visits.visits', count(section.visits)),
			figure('report.visits.enterprises', count(section.enterprises_visited)),
			figure('report.visits.followUpsOpened', count(section.follow_ups_opened)),
			figure('report.visits.followUpsDone', count(section.follow_ups_done)),
			figure('report.visits.followUpsCannotSolve', count(section.follow_ups_cannot_solve)),
			figure('report.visits.followUpsOverdue', count(section.follow_ups_overdue))
		],
		tables: [
			table(
				'visits-by-kind',
				'report.visits.byKind',
				['report.col.visitKind', 'report.col.count'],
				section.by_kind.map((row) => [text(tr(`report.visitKind.${row.kind}`)), count(row.count)]),
				{}
			)
		]
	};
}

const BUILDERS: { [S in ReportSection]: (section: HallReport[S]) => Omit<SectionView, 'id' | 'title'> } = {
	operation,
	consultations,
	prechecks,
	incidents,
	patrols,
	supervision,
	visits
};

function build<S extends ReportSection>(report: HallReport, id: S): SectionView {
	return { id, title: tr(`report.section.${id}`), ...BUILDERS[id](report[id]) };
}

/** The report's sections in REPORT_SECTIONS order, in the screen's language (the pack must be loaded). */
export function reportSections(report: HallReport): SectionView[] {
	return REPORT_SECTIONS.map((id) => build(report, id));
}
