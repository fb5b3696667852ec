import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { checkCreditCode, CREDIT_CODE_CHARS, CREDIT_CODE_PATTERN } from './credit-code';
import { PHONE_PATTERN } from './precheck';
import { deviceTimestamp, fromYearOne } from './sync-protocol';
import { visibleText } from './text';

/**
 * Key enterprises the hall serves on site, their contacts, key projects (followed until they land) and notes
 * (docs/VISITS.md, "Enterprises"). The client's one definition of the shape; the server's is
 * supabase/migrations/*_enterprises.sql (schema agreement test). Visits and follow-ups are src/lib/domain/visit.ts.
 */

/** The 10 streets of 河北区, by their statistical division code (统计用区划代码), in the code's order. */
export const STREETS = [
	{ code: '120105001', name: '光复道街道' },
	{ code: '120105002', name: '望海楼街道' },
	{ code: '120105003', name: '鸿顺里街道' },
	{ code: '120105004', name: '新开河街道' },
	{ code: '120105005', name: '铁东路街道' },
	{ code: '120105006', name: '建昌道街道' },
	{ code: '120105007', name: '宁园街道' },
	{ code: '120105008', name: '王串场街道' },
	{ code: '120105009', name: '江都路街道' },
	{ code: '120105010', name: '月牙河街道' }
] as const;
export type StreetCode = (typeof STREETS)[number]['code'];
export const STREET_CODES: readonly string[] = STREETS.map((street) => street.code);

/** A street's name, or null for a code that is not one of the district's. */
export const streetName = (code: string): string | null =>
	STREETS.find((street) => street.code === code)?.name ?? null;

/** A street typed by name (with or without 街道) or by code, as an import sheet may have it; null when unknown. */
export function streetOf(text: string): StreetCode | null {
	const typed = text.replace(/\s+/g, '');
	if (typed === '') return null;
	const found = STREETS.find(
		(street) => street.code === typed || street.name === typed || street.name === `${typed}街道`
	);
	return found?.code ?? null;
}

/** A key project's stage, in the order projects go through them. */
export const PROJECT_STAGES = [
	'planning', // 谋划
	'approval', // 审批
	'construction', // 建设
	'operation', // 投产运营
	'landed' // 已落地
] as const;
export const projectStage = z.enum(PROJECT_STAGES);
export type ProjectStage = z.infer<typeof projectStage>;

export const ENTERPRISE_LIMITS = {
	nameMin: 2,
	name: 100,
	address: 200,
	industry: 40,
	contactName: 40,
	contactRole: 40,
	projectName: 100,
	milestones: 20,
	milestoneLabel: 60,
	note: 1000,
	/** A visit plan: every 7 to 365 days, or none. */
	visitEveryMinDays: 7,
	visitEveryMaxDays: 365
} as const;

/** A milestone's key: stable across edits. Read the same by JavaScript and PostgreSQL. */
export const MILESTONE_KEY_PATTERN = '^[a-z0-9][a-z0-9_-]{0,31}$';

/**
 * What the server's app.enterprises_rules() must answer; the schema agreement test compares the two. Rules are
 * numbers and strings only, so the street codes travel as one comma-separated string, in STREETS' order.
 */
export const ENTERPRISE_RULES = {
	...ENTERPRISE_LIMITS,
	phonePattern: PHONE_PATTERN,
	milestoneKeyPattern: MILESTONE_KEY_PATTERN,
	creditCodeChars: CREDIT_CODE_CHARS,
	streetCodes: STREET_CODES.join(',')
};

const uuid = z.uuid();
const hallDay = z.iso.date().check(fromYearOne);
const phone = z.string().check(z.regex(new RegExp(PHONE_PATTERN)));
const milestoneKey = z.string().check(z.regex(new RegExp(MILESTONE_KEY_PATTERN)));
const latitude = z.float64().check(z.minimum(-90), z.maximum(90));
const longitude = z.float64().check(z.minimum(-180), z.maximum(180));

/**
 * A valid code exactly as stored: already normalised (upper case, no spaces). The pattern says the shape (and lets
 * generators of test payloads make candidates), the refinement the check character.
 */
export const creditCode = z.string().check(
	z.regex(new RegExp(CREDIT_CODE_PATTERN)),
	z.refine((code) => checkCreditCode(code).ok)
);

/** One of the district's street codes (a pattern, so test payload generators can make them). */
const streetCode = z.string().check(z.regex(new RegExp(`^(${STREET_CODES.join('|')})$`)));

/** One milestone of a project; `done_on` stays null until it is done. */
export const milestone = lazySchema(() =>
	z.strictObject({
		key: milestoneKey,
		label: visibleText(ENTERPRISE_LIMITS.milestoneLabel),
		due_on: hallDay,
		done_on: z.nullable(hallDay)
	})
);
export type Milestone = z.infer<typeof milestone>;

const milestones = z.array(milestone).check(
	z.maxLength(ENTERPRISE_LIMITS.milestones),
	z.refine((list) => new Set(list.map((entry) => entry.key)).size === list.length)
);

// ─── Rows ─────────────────────────────────────────────────────────────────────────────────────────────────────

export const enterpriseRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		name: z.string(),
		credit_code: z.string(),
		street_code: z.string(),
		address: z.nullable(z.string()),
		/** Both null or both set: where the enterprise is, for the visit's "far" flag. */
		latitude: z.nullable(z.float64()),
		longitude: z.nullable(z.float64()),
		industry: z.nullable(z.string()),
		/** null: no visit plan. */
		visit_every_days: z.nullable(z.int()),
		archived_at: z.nullable(deviceTimestamp),
		created_at: deviceTimestamp,
		updated_by: uuid,
		updated_by_name: z.string(),
		is_demo: z.boolean(),
		version: z.number()
	})
);
export type EnterpriseRow = z.infer<typeof enterpriseRow>;

/** Personal data: masked in lists, whole on the enterprise's page after a tap. */
export const enterpriseContactRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		enterprise_id: uuid,
		name: z.string(),
		role: z.nullable(z.string()),
		phone: z.nullable(z.string()),
		removed_at: z.nullable(deviceTimestamp),
		created_by: uuid,
		created_by_name: z.string(),
		version: z.number()
	})
);
export type EnterpriseContactRow = z.infer<typeof enterpriseContactRow>;

export const enterpriseProjectRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		enterprise_id: uuid,
		name: z.string(),
		stage: projectStage,
		/** The staff member who stewards it; the name is set by the server. */
		steward_id: uuid,
		steward_name: z.string(),
		milestones: z.array(milestone),
		archived_at: z.nullable(deviceTimestamp),
		version: z.number()
	})
);
export type EnterpriseProjectRow = z.infer<typeof enterpriseProjectRow>;

export const enterpriseNoteRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		enterprise_id: uuid,
		note: z.string(),
		staff_id: uuid,
		staff_name: z.string(),
		occurred_at: deviceTimestamp,
		version: z.number()
	})
);
export type EnterpriseNoteRow = z.infer<typeof enterpriseNoteRow>;

// ─── Ops ──────────────────────────────────────────────────────────────────────────────────────────────────────

/**
 * The whole enterprise, created or replaced (managers). Archiving is saving with `archived_at`; saving with null
 * restores it. The position is both coordinates or neither.
 */
export const saveEnterprise = lazySchema(() =>
	z
		.strictObject({
			id: uuid,
			name: visibleText(ENTERPRISE_LIMITS.name).check(z.minLength(ENTERPRISE_LIMITS.nameMin)),
			credit_code: creditCode,
			street_code: streetCode,
			address: z.nullable(visibleText(ENTERPRISE_LIMITS.address)),
			latitude: z.nullable(latitude),
			longitude: z.nullable(longitude),
			industry: z.nullable(visibleText(ENTERPRISE_LIMITS.industry)),
			visit_every_days: z.nullable(
				z
					.int()
					.check(
						z.minimum(ENTERPRISE_LIMITS.visitEveryMinDays),
						z.maximum(ENTERPRISE_LIMITS.visitEveryMaxDays)
					)
			),
			archived_at: z.nullable(deviceTimestamp),
			saved_at: deviceTimestamp
		})
		.check(z.refine((p) => (p.latitude === null) === (p.longitude === null), { path: ['longitude'] }))
);
export type SaveEnterprise = z.infer<typeof saveEnterprise>;

/** A contact created or replaced whole (any staff of the hall); removing is saving with `removed_at`. */
export const saveEnterpriseContact = lazySchema(() =>
	z.strictObject({
		id: uuid,
		enterprise_id: uuid,
		name: visibleText(ENTERPRISE_LIMITS.contactName),
		role: z.nullable(visibleText(ENTERPRISE_LIMITS.contactRole)),
		phone: z.nullable(phone),
		removed_at: z.nullable(deviceTimestamp),
		saved_at: deviceTimestamp
	})
);
export type SaveEnterpriseContact = z.infer<typeof saveEnterpriseContact>;

/** A key project created or replaced whole (managers); its steward is active staff of the hall. */
export const saveEnterpriseProject = lazySchema(() =>
	z.strictObject({
		id: uuid,
		enterprise_id: uuid,
		name: visibleText(ENTERPRISE_LIMITS.projectName),
		stage: projectStage,
		steward_id: uuid,
		milestones,
		archived_at: z.nullable(deviceTimestamp),
		saved_at: deviceTimestamp
	})
);
export type SaveEnterpriseProject = z.infer<typeof saveEnterpriseProject>;

/** A note on the enterprise's history (any staff of the hall). */
export const noteOnEnterprise = lazySchema(() =>
	z.strictObject({
		id: uuid,
		enterprise_id: uuid,
		note: visibleText(ENTERPRISE_LIMITS.note),
		occurred_at: deviceTimestamp
	})
);
export type NoteOnEnterprise = z.infer<typeof noteOnEnterprise>;
