/**
 * The link from a problem found on a patrol to the incident report (docs/PATROL.md, "From a patrol problem"): the
 * incident form starts from these values, each still editable. Pure, so the round screen and its test agree.
 */

/** The incident category a check item's problem suggests; a checkpoint's own items suggest `environment`. */
export function incidentCategoryOf(itemKey: string): string {
	switch (itemKey) {
		case 'equipment':
			return 'equipment';
		case 'safety':
			return 'hazard';
		case 'order':
			return 'order';
		default:
			return 'environment';
	}
}

export interface ProblemForIncident {
	checkId: string;
	checkpointId: string;
	/** The checkpoint's name: the incident's place. */
	place: string;
	itemKey: string;
	itemLabel: string;
	note: string | null;
}

/** `/incidents/new?check=…&checkpoint=…&place=…&category=…&description=…`, every value URL-encoded. */
export function incidentLink(problem: ProblemForIncident): string {
	const note = problem.note?.trim();
	const query = new URLSearchParams({
		check: problem.checkId,
		checkpoint: problem.checkpointId,
		place: problem.place,
		category: incidentCategoryOf(problem.itemKey),
		description: note ? `${problem.itemLabel}：${note}` : problem.itemLabel
	});
	return `/incidents/new?${query.toString()}`;
}
