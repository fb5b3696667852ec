/**
 * One uploader across tabs (DECISIONS §2.6): every tab's engine takes the same Web Lock around a sync, so two tabs
 * never push the same outbox at once. Where the Web Locks API is missing, a lock within this tab still keeps
 * the engine's own cycles apart.
 */
export interface UploaderLock {
	run<T>(task: () => Promise<T>): Promise<T>;
}

export const UPLOADER_LOCK_NAME = 'hall-assist-sync';

/** A promise-chain mutex: tasks run one after another in the order they asked. */
export function inProcessLock(): UploaderLock {
	let tail: Promise<unknown> = Promise.resolve();
	return {
		run<T>(task: () => Promise<T>): Promise<T> {
			const result = tail.then(task, task);
			tail = result.catch(() => undefined);
			return result;
		}
	};
}

const fallback = inProcessLock();

export function webLock(name: string = UPLOADER_LOCK_NAME): UploaderLock {
	return {
		run<T>(task: () => Promise<T>): Promise<T> {
			const locks = globalThis.navigator?.locks;
			if (!locks) return fallback.run(task);
			return locks.request(name, task);
		}
	};
}
