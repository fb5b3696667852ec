import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ticketFormat } from '../../../src/lib/domain/ticket-format';
import { adminDb } from '../support/clients';
import { sqlState } from '../rls/as-caller';
import { center, staff } from './support/people';
import { device } from './support/sync-client';

// Each hall's queue machine encodes tickets its own way; me() hands the format to the app at sign-in so the
// scan screen can parse tickets offline.

let db: pg.Pool;
beforeAll(() => {
	db = adminDb();
});
afterAll(async () => {
	await db.end();
});

describe('me() tells the app its hall’s ticket format', () => {
	it.each([
		[staff.intake.email, { kind: 'url', param: 'ticket', date_param: 'date' }],
		[staff.stationAssist.email, { kind: 'json', field: 'ticketNo', date_field: 'date' }]
	])('%s gets its own hall’s format, valid for the client’s schema', async (email, expected) => {
		const { data, error } = await (await device(email)).rpc('me');
		expect(error).toBeNull();
		const format = (data as { ticket_format?: unknown } | null)?.ticket_format;
		expect(format).toEqual(expected);
		expect(ticketFormat.safeParse(format).success).toBe(true);
	});
});

describe('app.halls.ticket_format', () => {
	const isTicketFormat = async (format: unknown) =>
		(
			await db.query<{ ok: boolean }>('select app.is_ticket_format($1::jsonb) as ok', [
				JSON.stringify(format)
			])
		).rows[0]?.ok;

	it.each([
		[{ kind: 'plain' }, true],
		[{ kind: 'plain', pattern: '^[A-Z][0-9]{3}$' }, true],
		[{ kind: 'url', param: 'no', date_param: 'd' }, true],
		[{ kind: 'json', field: 'ticketNo' }, true],
		[{ kind: 'url' }, false],
		[{ kind: 'json', field: 7 }, false],
		[{ kind: 'barcode' }, false],
		[{ kind: 'plain', script: 'alert(1)' }, false],
		['A023', false]
	])('judges %j as a known format: %s, agreeing with the client’s schema', async (format, known) => {
		expect(await isTicketFormat(format)).toBe(known);
		if (known) expect(ticketFormat.safeParse(format).success).toBe(true);
	});

	it('refuses to store an unknown format on a hall, while a known one is stored', async () => {
		const client = await db.connect();
		const store = (format: unknown) =>
			sqlState(async () => {
				await client.query('begin');
				try {
					await client.query('update app.halls set ticket_format = $1 where id = $2', [
						JSON.stringify(format),
						center
					]);
				} finally {
					await client.query('rollback'); // the seeded hall keeps its format
				}
			});
		try {
			expect(await store({ kind: 'barcode' })).toBe('23514');
			expect(await store({ kind: 'plain' })).toBe('ok');
		} finally {
			client.release();
		}
	});
});
