import { hallDate } from '../../../../src/lib/domain/hall-time';

/**
 * Values that depend on the database or the clock at the moment a case runs, kept symbolic in what fast-check
 * generates: a seed then describes the same case in any run (the n-th id of another hall, "five minutes ago"),
 * and a shrunk counterexample prints as something a person can read.
 */
export type IdScope = 'own' | 'other' | 'any' | 'fresh';

/**
 * How a time is written: `iso` and `hall_offset` (+08:00) are what a device sends; the others are near misses of
 * RFC 3339 that the client's schema refuses, written for the current time so the window never hides them.
 */
export const TIME_FORMS = [
	'iso',
	'hall_offset',
	'no_seconds',
	'compact_offset',
	'hour_offset',
	'lower_case',
	'space'
] as const;
export type TimeForm = (typeof TIME_FORMS)[number];

export type Ref =
	| { $ref: 'id'; scope: IdScope; pick: number }
	| { $ref: 'time'; offsetMinutes: number; form: TimeForm }
	| { $ref: 'date'; offsetDays: number }
	| { $ref: 'hall'; which: 'own' | 'other' };

export const isRef = (value: unknown): value is Ref =>
	typeof value === 'object' && value !== null && '$ref' in value;

/** What a case resolves its refs against: real ids read from the database, sorted so a pick is stable. */
export interface RefContext {
	/** Ids of synced rows in the caller's hall. */
	own: readonly string[];
	/** Ids of synced rows, staff and halls of every other hall. */
	other: readonly string[];
	ownHall: string;
	otherHall: string;
	now: Date;
	fresh(): string;
}

function pickFrom(ids: readonly string[], pick: number, context: RefContext): string {
	return ids.length === 0 ? context.fresh() : (ids[pick % ids.length] ?? context.fresh());
}

function resolve(ref: Ref, context: RefContext): string {
	switch (ref.$ref) {
		case 'id':
			if (ref.scope === 'fresh') return context.fresh();
			if (ref.scope === 'own') return pickFrom(context.own, ref.pick, context);
			if (ref.scope === 'other') return pickFrom(context.other, ref.pick, context);
			return pickFrom([...context.own, ...context.other], ref.pick, context);
		case 'time': {
			const moment = new Date(context.now.getTime() + ref.offsetMinutes * 60_000);
			return writeTime(moment, ref.form);
		}
		case 'date':
			return hallDate(new Date(context.now.getTime() + ref.offsetDays * 86_400_000));
		case 'hall':
			return ref.which === 'own' ? context.ownHall : context.otherHall;
	}
}

/** The generated template with every ref replaced by its value now. */
export function materialize(template: unknown, context: RefContext): unknown {
	if (isRef(template)) return resolve(template, context);
	if (Array.isArray(template)) return template.map((item) => materialize(item, context));
	if (typeof template === 'object' && template !== null) {
		return Object.fromEntries(
			Object.entries(template).map(([key, value]) => [key, materialize(value, context)])
		);
	}
	return template;
}

function writeTime(moment: Date, form: TimeForm): string {
	const utc = moment.toISOString(); // 2026-11-30T10:00:00.000Z
	// The same moment in the hall's zone, as a device set to Asia/Shanghai writes it.
	const local = new Date(moment.getTime() + 8 * 3_600_000).toISOString().slice(0, 23);
	switch (form) {
		case 'iso':
			return utc;
		case 'hall_offset':
			return `${local}+08:00`;
		case 'no_seconds':
			return `${utc.slice(0, 16)}Z`;
		case 'compact_offset':
			return `${local}+0800`;
		case 'hour_offset':
			return `${local}+08`;
		case 'lower_case':
			return utc.toLowerCase();
		case 'space':
			return utc.replace('T', ' ');
	}
}
