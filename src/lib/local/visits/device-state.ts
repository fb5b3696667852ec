import type { LocalDb } from '../db';
import { readActor } from '../device-actor';

/** What the enterprise and visit reads need of the device's sync state: who is signed in, what the server refused. */

export { readActor as actorOf };

/** An op of this device the server refused, still in the needs-attention list: its code and type (and action). */
export interface RefusedOp {
	code: string;
	type: string;
	/** For follow_up.act: the action it took. */
	action: string | null;
}

/** The refused ops of `types` that touch row `id`. */
export async function refusedOps(db: LocalDb, id: string, types: readonly string[]): Promise<RefusedOp[]> {
	const rejected = await db.rejected.toArray();
	return rejected
		.filter((entry) => types.includes(entry.type) && entry.touches.includes(id))
		.map((entry) => {
			const action = (entry.payload as { action?: unknown } | null)?.action;
			return { code: entry.code, type: entry.type, action: typeof action === 'string' ? action : null };
		});
}
