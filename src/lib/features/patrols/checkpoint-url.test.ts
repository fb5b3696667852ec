import { describe, expect, it } from 'vitest';
import { checkpointUrl, parseCheckpointUrl } from './checkpoint-url';

const ID = '0190c000-0000-7000-8000-000000000001';

describe('a checkpoint poster’s QR', () => {
	it('is read back to its checkpoint id, whatever the app’s address', () => {
		expect(parseCheckpointUrl(checkpointUrl('https://hall.example', ID))).toBe(ID);
		expect(parseCheckpointUrl(`http://127.0.0.1:5173/patrols/checkpoint/${ID.toUpperCase()}/`)).toBe(ID);
		expect(parseCheckpointUrl(` ${checkpointUrl('https://hall.example', ID)}\n`)).toBe(ID);
	});

	it('is not a ticket, a notice link, another path or a broken id', () => {
		for (const text of [
			'A023',
			'https://hall.example/n/abcdefghijklmnopqrstuv',
			`https://hall.example/patrols/round/${ID}`,
			'https://hall.example/patrols/checkpoint/not-an-id',
			`javascript:/patrols/checkpoint/${ID}`
		]) {
			expect(parseCheckpointUrl(text)).toBeNull();
		}
	});
});
