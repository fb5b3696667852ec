import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { registry } from '../../../src/lib/features/registry';
import { addEvent, minutesAgo, openRecord, type UnsentOp } from './support/ops';
import { staff } from './support/people';
import { device, push, type SyncClient } from './support/sync-client';

// The client's payload schemas and the server's writing functions agree on what an op may hold: a device never
// queues an op the server refuses as invalid, and the server never stores what devices cannot read. Each case is
// a disagreement the fuzz suite found (migration 20261130001000_payload_agreement.sql), with its control.

let intake: SyncClient;
let recordId: string;
beforeAll(async () => {
	intake = await device(staff.intake.email);
	const record = openRecord();
	await push(intake, [record]);
	recordId = record.payload.id;
});

const clientAccepts = (sent: UnsentOp) => registry.op(sent.type)?.spec.parse(sent.payload).ok;

async function serverVerdict(sent: UnsentOp): Promise<string> {
	const [result] = await push(intake, [sent]);
	return result?.status === 'rejected' ? `rejected (${result.code})` : (result?.status ?? 'no result');
}

/** An RFC 9562 UUID with the version nibble set to 0: 8-4-4-4-12 hex, but no UUID version. */
const versionZeroId = () => randomUUID().replace(/^(.{14})./, '$10');
/** The same moment, written without seconds or with an offset lacking its colon (not RFC 3339). */
const withoutSeconds = (iso: string) => `${iso.slice(0, 16)}Z`;
const compactOffset = (iso: string) => iso.replace('Z', '+0000');

describe.each([
	['an id that is not an RFC 9562 UUID', () => openRecord({ id: versionZeroId() }), () => openRecord()],
	[
		'a time without seconds',
		() => addEvent(recordId, { occurred_at: withoutSeconds(minutesAgo(1)) }),
		() => addEvent(recordId, { occurred_at: minutesAgo(1) })
	],
	[
		'an offset without its colon',
		() => addEvent(recordId, { occurred_at: compactOffset(minutesAgo(1)) }),
		() => addEvent(recordId, { occurred_at: minutesAgo(1).replace('Z', '+00:00') })
	],
	[
		'year 0000, which PostgreSQL cannot store',
		() => openRecord({ ticket_date: '0000-01-01' }),
		() => openRecord({ ticket_date: '0001-01-01' })
	],
	[
		'a field the op type does not take',
		() => ({ ...addEvent(recordId), payload: { ...addEvent(recordId).payload, staff_id: randomUUID() } }),
		() => addEvent(recordId)
	],
	[
		'guidance to a window without its number',
		() => addEvent(recordId, { kind: 'guide_to_window', window_no: null }),
		() => addEvent(recordId, { kind: 'guide_to_window', window_no: 3 })
	],
	[
		'a note of spaces, tabs and line breaks',
		() => addEvent(recordId, { kind: 'note', note: ' \t\r\n' }),
		// Visible text is anything else, whatever the database's locale says a space is.
		() => addEvent(recordId, { kind: 'note', note: '\u3000' })
	]
] as const)('%s', (_case, refused, control) => {
	it('is refused by the client’s schema and by the server', async () => {
		const sent: UnsentOp = refused();
		expect(clientAccepts(sent)).toBe(false);
		expect(await serverVerdict(sent)).toBe('rejected (validation)');
	});

	it('while the correct form is accepted by both (the control)', async () => {
		const sent: UnsentOp = control();
		expect(clientAccepts(sent)).toBe(true);
		expect(await serverVerdict(sent)).toBe('applied');
	});
});
