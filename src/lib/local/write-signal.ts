/**
 * Tells the sync engine that the outbox grew, without the mutations importing the engine: the engine listens
 * while it runs (debouncing the pushes), and writes made before it starts wait for its start-up sync.
 */
type Listener = () => void;
const listeners = new Set<Listener>();

export function onLocalWrite(listener: Listener): () => void {
	listeners.add(listener);
	return () => listeners.delete(listener);
}

export function signalLocalWrite(): void {
	for (const listener of listeners) listener();
}
