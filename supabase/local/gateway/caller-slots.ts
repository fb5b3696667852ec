interface CallerQueue {
	active: number;
	waiting: (() => void)[];
}

/**
 * At most `perCaller` RPC transactions of one caller at a time; further calls wait their turn here, without
 * holding a database connection. PostgREST has one pool for everyone, so one client looping over slow calls can
 * take every connection from everyone else; this keeps the local stack usable for the other devices and halls.
 */
export class CallerSlots {
	private readonly queues = new Map<string, CallerQueue>();

	constructor(private readonly perCaller: number) {}

	/** Resolves with the function that gives the slot back, or undefined when none was free within `timeoutMs`. */
	acquire(caller: string, timeoutMs: number): Promise<(() => void) | undefined> {
		const queue = this.queues.get(caller) ?? { active: 0, waiting: [] };
		this.queues.set(caller, queue);
		const release = () => this.release(caller, queue);
		if (queue.active < this.perCaller) {
			queue.active += 1;
			return Promise.resolve(release);
		}
		return new Promise((resolve) => {
			const grant = () => {
				clearTimeout(timer);
				resolve(release);
			};
			const timer = setTimeout(() => {
				queue.waiting.splice(queue.waiting.indexOf(grant), 1);
				resolve(undefined);
			}, timeoutMs);
			queue.waiting.push(grant);
		});
	}

	private release(caller: string, queue: CallerQueue): void {
		const next = queue.waiting.shift();
		// The slot passes straight to the next waiter, so `active` stays as it is.
		if (next) return next();
		queue.active -= 1;
		if (queue.active === 0) this.queues.delete(caller);
	}
}
