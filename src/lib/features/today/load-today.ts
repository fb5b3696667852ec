/**
 * The manager's "today at a glance": one read of the day's rows across the workflows, summarised by
 * src/lib/domain/today-glance.ts. Every row it reads is within the first pull's horizon, so it works offline.
 */
import { hallDate, hallHour } from '$lib/domain/hall-time';
import { evaluateDay } from '$lib/domain/patrol-evaluation';
import { summarizeToday, type TodayGlance } from '$lib/domain/today-glance';
import type { LocalDb } from '$lib/local/db';
import { listEnterprises } from '$lib/local/enterprises/queries';
import { listIncidents } from '$lib/local/incidents/queries';
import { loadDay } from '$lib/local/patrols/queries';
import { listPrechecksOn, type PrecheckDetail } from '$lib/local/prechecks/queries';
import { listRecords, NO_RECORD_FILTER } from '$lib/local/service-records/queries';
import { listOpenFollowUps } from '$lib/local/visits/queries';

export interface Today {
	day: string;
	glance: TodayGlance;
	/** The day's pre-checks, the list behind their figures (there is no pre-check list screen). */
	prechecks: PrecheckDetail[];
}

export async function loadToday(db: LocalDb, at: number): Promise<Today> {
	const now = new Date(at);
	const day = hallDate(now);
	const [records, incidents, patrolDay, prechecks, enterprises, followUps] = await Promise.all([
		listRecords(db, day, NO_RECORD_FILTER),
		listIncidents(db, now),
		loadDay(db, day),
		listPrechecksOn(db, day),
		listEnterprises(db, day),
		listOpenFollowUps(db, day)
	]);
	const glance = summarizeToday({
		records: records.map((entry) => entry.record),
		incidents,
		patrols: evaluateDay({ ...patrolDay, now }),
		prechecks: prechecks.map((entry) => ({
			notice: entry.precheck.notice_no !== null,
			rounds: entry.rounds
		})),
		enterprises: enterprises.filter((entry) => !entry.archived).map((entry) => entry.plan),
		followUps,
		hourNow: hallHour(now.toISOString())
	});
	return { day, glance, prechecks };
}
