/// <reference lib="webworker" />
import { compressImage, PhotoCompressionError } from './compress-core';

/** Compresses photos off the main thread: one message in (a Blob), one out (the JPEG or why not). */
self.onmessage = async (event: MessageEvent<{ id: number; file: Blob }>) => {
	const { id, file } = event.data;
	try {
		const photo = await compressImage(file);
		self.postMessage({ id, ok: true, photo });
	} catch (error) {
		self.postMessage({
			id,
			ok: false,
			reason: error instanceof PhotoCompressionError ? error.reason : 'undecodable',
			message: error instanceof Error ? error.message : String(error)
		});
	}
};
