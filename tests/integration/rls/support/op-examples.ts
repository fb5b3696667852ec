import type pg from 'pg';
import type { Caller } from '../../fuzz/support/gateway-calls';
import { reportIncident } from '../../sync/support/incidents';
import { openRecord } from '../../sync/support/ops';
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
	'incident_limits.save'
]);

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

/** A photo of a service record of the caller's hall (the owner kind the photos migration registers). */
async function photoPayload(context: ExampleContext): Promise<Record<string, unknown>> {
	const record = openRecord().payload;
	const verdict = await context.push(context.caller, 'service_record.open', record);
	if (verdict !== 'applied') throw new Error(`could not open a record for the matrix's photo: ${verdict}`);
	return {
		id: crypto.randomUUID(),
		owner_kind: 'service_record',
		owner_id: record.id,
		bytes: 200_000,
		width: 1600,
		height: 1200,
		taken_at: new Date().toISOString()
	};
}

export const OP_EXAMPLES: Readonly<Record<string, Example>> = {
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
		})
};
