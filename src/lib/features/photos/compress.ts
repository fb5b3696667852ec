import {
	checkInput,
	compressImage,
	PhotoCompressionError,
	type CompressedPhoto,
	type CompressionRefusal
} from './compress-core';

export { PhotoCompressionError, type CompressedPhoto, type CompressionRefusal };

type WorkerAnswer =
	| { id: number; ok: true; photo: CompressedPhoto }
	| { id: number; ok: false; reason: CompressionRefusal; message: string }
	| { id: number; ok: false; reason: 'no_worker' };

let worker: Worker | null | undefined;
let nextId = 0;
const waiting = new Map<number, (answer: WorkerAnswer) => void>();

/** The compression worker, where the browser can draw off the main thread; null where it cannot. */
function compressionWorker(): Worker | null {
	if (worker !== undefined) return worker;
	if (typeof Worker === 'undefined' || typeof OffscreenCanvas === 'undefined') return (worker = null);
	try {
		worker = new Worker(new URL('./compress.worker.ts', import.meta.url), { type: 'module' });
		worker.onmessage = (event: MessageEvent<WorkerAnswer>) => {
			waiting.get(event.data.id)?.(event.data);
			waiting.delete(event.data.id);
		};
		// A worker that cannot start (an old browser, a policy): the photos waiting are compressed here instead.
		worker.onerror = () => {
			worker = null;
			for (const [id, answer] of waiting) answer({ id, ok: false, reason: 'no_worker' });
			waiting.clear();
		};
	} catch {
		worker = null;
	}
	return worker;
}

/**
 * Compresses a photo taken or picked (docs/PATROL.md, "Photos"), in a worker when the browser has OffscreenCanvas,
 * else on the main thread. Throws a PhotoCompressionError (not an image, over 30 MB, cannot be decoded).
 */
export async function compressPhoto(file: Blob): Promise<CompressedPhoto> {
	checkInput(file);
	const running = compressionWorker();
	if (!running) return compressImage(file);
	const id = nextId++;
	const answer = await new Promise<WorkerAnswer>((resolve) => {
		waiting.set(id, resolve);
		running.postMessage({ id, file });
	});
	if (answer.ok) return answer.photo;
	if (answer.reason === 'no_worker') return compressImage(file);
	throw new PhotoCompressionError(answer.reason, answer.message);
}
