import { describe, expect, it, vi } from 'vitest';
import { inTurn, readsWaitFor } from './read-turns';

/**
 * Starts that record, for each, how many earlier starts' tasks had ended when it ran: each start leaves a marker
 * timer behind, which fires only once the task that ran it is over.
 */
function starts(names: readonly string[]): { ran: string[]; endedBefore: number[] } {
	const ran: string[] = [];
	const endedBefore: number[] = [];
	let ended = 0;
	for (const name of names) {
		inTurn(() => {
			endedBefore.push(ended);
			ran.push(name);
			setTimeout(() => ended++, 0);
		});
	}
	return { ran, endedBefore };
}

describe('live queries take turns', () => {
	it('none reads before the database is open; then all, in the order asked, each in a task of its own', async () => {
		let open = (): void => undefined;
		readsWaitFor(new Promise<void>((resolve) => (open = resolve)));
		const { ran, endedBefore } = starts(['prechecks', 'incidents', 'patrols']);
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(ran).toEqual([]);
		open();
		await vi.waitFor(() => expect(ran).toEqual(['prechecks', 'incidents', 'patrols']));
		expect(endedBefore).toEqual([0, 1, 2]);
	});

	it('a query that asks for the database makes the next ones wait for it', async () => {
		readsWaitFor(Promise.resolve());
		let open = (): void => undefined;
		const ran: string[] = [];
		inTurn(() => {
			ran.push('first');
			readsWaitFor(new Promise<void>((resolve) => (open = resolve)));
		});
		inTurn(() => ran.push('second'));
		await vi.waitFor(() => expect(ran).toEqual(['first']));
		await new Promise((resolve) => setTimeout(resolve, 20));
		expect(ran).toEqual(['first']);
		open();
		await vi.waitFor(() => expect(ran).toEqual(['first', 'second']));
	});

	it('a database that cannot open holds nothing up, and one start that throws does not stop the rest', async () => {
		readsWaitFor(Promise.reject(new Error('private mode')));
		const ran: string[] = [];
		const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
		inTurn(() => {
			throw new Error('bad query');
		});
		inTurn(() => ran.push('next'));
		await vi.waitFor(() => expect(ran).toEqual(['next']));
		expect(quiet).toHaveBeenCalledOnce();
		quiet.mockRestore();
	});
});
