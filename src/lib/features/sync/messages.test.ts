import { describe, expect, it } from 'vitest';
import { REJECTION_CODES } from '$lib/domain/sync-protocol';
import type { OutboxEntry } from '$lib/local/db';
import { STAFF } from '../../../../tests/support/fake-server';
import { opLabel, rejectionMessage } from './messages';

function entry(type: string, payload: unknown): OutboxEntry {
	return {
		op_id: 'op-1',
		type,
		payload,
		created_at: '2026-11-25T01:00:00.000Z',
		schema_version: 1,
		actor: STAFF,
		touches: []
	};
}

describe('sync panel words', () => {
	it('every rejection code the server can send has its own Chinese reason; others are named', () => {
		const messages = REJECTION_CODES.map(rejectionMessage);
		expect(new Set(messages).size).toBe(REJECTION_CODES.length);
		for (const message of messages) expect(message).toMatch(/[\u4e00-\u9fff]/);
		expect(rejectionMessage('PGRST102')).toContain('PGRST102');
	});

	it('names an action by its workflow label, and one this app cannot read by its type', () => {
		const event = {
			id: '0190a000-0000-7000-8000-0000000000b1',
			record_id: '0190a000-0000-7000-8000-0000000000b2',
			kind: 'accept',
			window_no: null,
			note: null,
			occurred_at: '2026-11-25T01:00:00.000Z'
		};
		expect(opLabel(entry('service_record.add_event', event))).toBe('记录办理：受理');
		expect(opLabel(entry('service_record.add_event', { ...event, kind: 'dance' }))).toContain(
			'service_record.add_event'
		);
		expect(opLabel(entry('visit.check_in', {}))).toContain('visit.check_in');
	});
});
