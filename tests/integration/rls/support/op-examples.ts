import type pg from 'pg';
import type { Caller } from '../../fuzz/support/gateway-calls';
import { reportIncident } from '../../sync/support/incidents';
import { COMMON_ITEMS, allOk } from '../../sync/support/patrols';
import { companyDraft, noticeNo, publicToken } from '../../sync/support/prechecks';

/**
 * Payloads the RLS matrix cannot get from the op types' schemas alone. A generated payload passes its schema, but
 * some servers' rules read other rows' content: a pre-check's marks must name its version's materials, a return
 * visit must mark its notice's open points, a version must be coherent across its materials and questions. For
 * those op types, a valid payload is made here from the hall's data. Everything else stays generated.
 */

export interface ExampleContext {
	db: pg.Pool;
	caller: Caller;
	/** Pushes an op as `as`; its result's status and code ('applied', 'rejected (conflict)'…). */
	push(as: Caller, type: string, payload: unknown): Promise<string>;
	/** A manager of the caller's hall, for the data only managers may write (a catalog version). */
	managerOf(hall: string): Caller;
}

type Example = (context: ExampleContext) => Promise<Record<string, unknown>>;

/** Op types only a manager of the hall may send; anyone else's is refused as `forbidden`. */
export const MANAGERS_ONLY: ReadonlySet<string> = new Set([
	'service_item.publish',
	'service_item.withdraw',
	'incident_limits.save',
	'checkpoint.save',
	'checkpoint.retire',
	'patrol_plan.save',
	'enterprise.save',
	'enterprise_project.save'
]);

/**
 * Op types that change a row only its author may change (a patrol round is its walker's): another staff member of
 * the hall, the manager included, is refused as `forbidden`.
 */
export const AUTHORS_ONLY: ReadonlySet<string> = new Set([
	'patrol_round.check',
	'patrol_round.finish',
	'visit.save'
]);

/**
 * The op type that creates rows of a table where no op type's discard rule names it (`drop`): a follow-up's timeline
 * entry is made by a note (or an action), whose discard undoes it.
 */
export const CREATORS: Readonly<Record<string, string>> = { follow_up_events: 'follow_up.note' };

function publishPayload(): Record<string, unknown> {
	return {
		id: crypto.randomUUID(),
		item_id: crypto.randomUUID(),
		...companyDraft(),
		search_keys: 'gongsishelidengji gssldj',
		published_at: new Date().toISOString()
	};
}

/** A version of the caller's hall to pre-check against, published by the hall's manager when the hall has none. */
async function versionOf(
	context: ExampleContext
): Promise<{ id: string; materials: { key: string; requirement: string }[] }> {
	const hall = context.caller.hallId ?? '';
	const newest = () =>
		context.db.query<{ id: string; materials: { key: string; requirement: string }[] }>(
			`select id, materials from app.service_item_versions where hall_id = $1 order by version desc limit 1`,
			[hall]
		);
	let { rows } = await newest();
	if (!rows[0]) {
		const verdict = await context.push(context.managerOf(hall), 'service_item.publish', publishPayload());
		if (verdict !== 'applied') throw new Error(`could not publish a version for the matrix: ${verdict}`);
		({ rows } = await newest());
	}
	if (!rows[0]) throw new Error(`no service item version in hall ${hall}`);
	return rows[0];
}

const mark = (material_key: string, status: 'present' | 'missing') => ({
	material_key,
	status,
	reason: null,
	reason_text: null
});

/** A first visit with every material present (complete), and an applicant, so all three tables get a row. */
async function recordPayload(context: ExampleContext, incomplete = false): Promise<Record<string, unknown>> {
	const version = await versionOf(context);
	// The gap of an incomplete one: a required material missing (an optional one would make no gap).
	const gap = incomplete
		? version.materials.find((material) => material.requirement === 'required')
		: undefined;
	if (incomplete && !gap) throw new Error(`version ${version.id} has no required material`);
	return {
		id: crypto.randomUUID(),
		round_id: crypto.randomUUID(),
		item_version_id: version.id,
		record_id: null,
		situation_key: null,
		answers: {},
		language: 'zh',
		marks: version.materials.map((material) => mark(material.key, material === gap ? 'missing' : 'present')),
		notice_no: incomplete ? noticeNo() : null,
		public_token: incomplete ? publicToken() : null,
		applicant_name: '测试申请人',
		applicant_phone: '13800000000',
		checked_at: new Date().toISOString()
	};
}

/** A photo of an incident of the caller's hall, reported first. */
async function photoPayload(context: ExampleContext): Promise<Record<string, unknown>> {
	const incident = reportIncident().payload;
	const verdict = await context.push(context.caller, 'incident.report', incident);
	if (verdict !== 'applied')
		throw new Error(`could not report an incident for the matrix's photo: ${verdict}`);
	return {
		id: crypto.randomUUID(),
		owner_kind: 'incident',
		owner_id: incident.id,
		bytes: 200_000,
		width: 1600,
		height: 1200,
		taken_at: new Date().toISOString()
	};
}

const CODE_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CODE_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/** A valid unified social credit code of 河北区 no other row has (GB 32100-2015's check character). */
function creditCode(): string {
	const random = Array.from({ length: 9 }, () => CODE_CHARS.charAt(Math.floor(Math.random() * 31))).join('');
	const first17 = `91120105${random}`;
	const sum = [...first17].reduce(
		(total, char, index) => total + CODE_CHARS.indexOf(char) * (CODE_WEIGHTS[index] ?? 0),
		0
	);
	return first17 + CODE_CHARS.charAt((31 - (sum % 31)) % 31);
}

function enterprisePayload(): Record<string, unknown> {
	return {
		id: crypto.randomUUID(),
		name: '矩阵测试企业',
		credit_code: creditCode(),
		street_code: '120105001',
		address: null,
		latitude: null,
		longitude: null,
		industry: null,
		visit_every_days: null,
		archived_at: null,
		saved_at: new Date().toISOString()
	};
}

/** A new enterprise of the caller's hall, saved by the hall's manager (enterprises are managers'). */
async function enterpriseOf(context: ExampleContext): Promise<string> {
	const payload = enterprisePayload();
	const verdict = await context.push(
		context.managerOf(context.caller.hallId ?? ''),
		'enterprise.save',
		payload
	);
	if (verdict !== 'applied') throw new Error(`could not save an enterprise for the matrix: ${verdict}`);
	return payload['id'] as string;
}

/** The caller's staff id (an owner, a steward). */
async function staffIdOf(context: ExampleContext): Promise<string> {
	const { rows } = await context.db.query<{ id: string }>('select id from app.staff where user_id = $1', [
		context.caller.userId
	]);
	if (!rows[0]) throw new Error(`no staff row for ${context.caller.label}`);
	return rows[0].id;
}

async function followUpPayload(context: ExampleContext): Promise<Record<string, unknown>> {
	return {
		id: crypto.randomUUID(),
		event_id: crypto.randomUUID(),
		enterprise_id: await enterpriseOf(context),
		visit_id: null,
		demand: '矩阵测试诉求',
		owner_id: await staffIdOf(context),
		due_on: new Date(Date.now() + 8 * 3_600_000 + 7 * 86_400_000).toISOString().slice(0, 10),
		opened_at: new Date().toISOString()
	};
}

export const OP_EXAMPLES: Readonly<Record<string, Example>> = {
	// Enterprises and visits: a valid credit code, and the rows they name made first in the caller's hall.
	'enterprise.save': () => Promise.resolve(enterprisePayload()),
	'enterprise_contact.save': async (context) => ({
		id: crypto.randomUUID(),
		enterprise_id: await enterpriseOf(context),
		name: '矩阵联系人',
		role: null,
		phone: '13800000000',
		removed_at: null,
		saved_at: new Date().toISOString()
	}),
	'enterprise_project.save': async (context) => ({
		id: crypto.randomUUID(),
		enterprise_id: await enterpriseOf(context),
		name: '矩阵测试项目',
		stage: 'planning',
		steward_id: await staffIdOf(context),
		milestones: [],
		archived_at: null,
		saved_at: new Date().toISOString()
	}),
	'enterprise.note': async (context) => ({
		id: crypto.randomUUID(),
		enterprise_id: await enterpriseOf(context),
		note: '矩阵测试记录',
		occurred_at: new Date().toISOString()
	}),
	'visit.save': async (context) => ({
		id: crypto.randomUUID(),
		enterprise_id: await enterpriseOf(context),
		project_id: null,
		kind: 'onsite',
		companion_ids: [],
		met: null,
		check_in_at: new Date().toISOString(),
		check_in_geo: 'denied',
		check_in_latitude: null,
		check_in_longitude: null,
		check_in_accuracy_m: null,
		check_out_at: null,
		check_out_geo: null,
		check_out_latitude: null,
		check_out_longitude: null,
		check_out_accuracy_m: null,
		summary: null,
		saved_at: new Date().toISOString()
	}),
	'follow_up.open': followUpPayload,
	// A note needs a follow-up of the caller's hall, opened first.
	'follow_up.note': async (context) => {
		const open = await followUpPayload(context);
		const verdict = await context.push(context.caller, 'follow_up.open', open);
		if (verdict !== 'applied') throw new Error(`could not open a follow-up for the matrix: ${verdict}`);
		return {
			id: crypto.randomUUID(),
			follow_up_id: open['id'],
			note: '矩阵测试备注',
			occurred_at: new Date().toISOString()
		};
	},
	'photo.attach': photoPayload,
	'service_item.publish': () => Promise.resolve(publishPayload()),
	'precheck.record': (context) => recordPayload(context),
	// A return visit needs an open notice of the caller's hall: recorded first, then its open point marked.
	'precheck.recheck': async (context) => {
		const notice = await recordPayload(context, true);
		const verdict = await context.push(context.caller, 'precheck.record', notice);
		if (verdict !== 'applied') throw new Error(`could not record a notice for the matrix: ${verdict}`);
		const openPoint = (notice['marks'] as { material_key: string; status: string }[]).find(
			(marked) => marked.status === 'missing'
		);
		return {
			id: crypto.randomUUID(),
			precheck_id: notice['id'],
			marks: openPoint ? [mark(openPoint.material_key, 'missing')] : [],
			new_gap_keys: [],
			broken_promise_reason: null,
			checked_at: new Date().toISOString()
		};
	},
	// A complaint, so the complainant's table gets a row too.
	'incident.report': () => Promise.resolve({ ...reportIncident({ category: 'complaint' }).payload }),
	// A hall's limits row is the hall's id; the defaults replaced by the same values.
	'incident_limits.save': (context) =>
		Promise.resolve({
			id: context.caller.hallId,
			respond_minutes_1: 15,
			resolve_minutes_1: 120,
			respond_minutes_2: 30,
			resolve_minutes_2: 480,
			respond_minutes_3: 120,
			resolve_minutes_3: 1440,
			respond_minutes_4: 480,
			resolve_minutes_4: 4320
		}),
	// A checkpoint with a checklist of distinct keys (a generated list may repeat one).
	'checkpoint.save': () =>
		Promise.resolve({
			id: crypto.randomUUID(),
			name_zh: '矩阵巡查点',
			name_en: 'Matrix checkpoint',
			position: 90,
			instruction_zh: null,
			items: COMMON_ITEMS,
			saved_at: new Date().toISOString()
		}),
	// The hall keeps one plan: saved again under its id when it has one.
	'patrol_plan.save': async (context) => {
		const { rows } = await context.db.query<{ id: string }>(
			'select id from app.patrol_plans where hall_id = $1',
			[context.caller.hallId ?? '']
		);
		return {
			id: rows[0]?.id ?? crypto.randomUUID(),
			windows: [
				{
					key: 'before_opening',
					label_zh: '开门前',
					label_en: 'Before opening',
					start: '08:30',
					end: '09:00'
				},
				{ key: 'after_lunch', label_zh: '午休后', label_en: 'After lunch', start: '13:00', end: '13:30' }
			],
			grace_minutes: 15,
			min_scan_interval_seconds: 20,
			saved_at: new Date().toISOString()
		};
	},
	'patrol_round.start': () =>
		Promise.resolve({ id: crypto.randomUUID(), window_key: null, started_at: new Date().toISOString() }),
	// A check needs a round of the caller's, started first, and an active checkpoint of the hall.
	'patrol_round.check': async (context) => {
		const round = { id: crypto.randomUUID(), window_key: null, started_at: new Date().toISOString() };
		const verdict = await context.push(context.caller, 'patrol_round.start', round);
		if (verdict !== 'applied') throw new Error(`could not start a round for the matrix: ${verdict}`);
		const { rows } = await context.db.query<{ id: string; items: { key: string }[] }>(
			`select id, items from app.checkpoints where hall_id = $1 and retired_at is null order by position limit 1`,
			[context.caller.hallId ?? '']
		);
		const checkpoint = rows[0];
		if (!checkpoint) throw new Error(`no active checkpoint in hall ${context.caller.hallId}`);
		return {
			id: crypto.randomUUID(),
			round_id: round.id,
			checkpoint_id: checkpoint.id,
			identified_by: 'scan',
			list_reason: null,
			checked_at: new Date().toISOString(),
			results: allOk(checkpoint.items.map((item) => ({ key: item.key, label_zh: item.key, label_en: '' }))),
			same_as_last: false
		};
	}
};
