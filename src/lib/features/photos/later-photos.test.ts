import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { PhotoDraft } from '$lib/local/photos/writes';

/** What the photo pipeline's attach does in this test, and what it was given (vi.mock runs before the imports). */
const pipeline = vi.hoisted(() => ({
	attach: (): Promise<void> => Promise.resolve(),
	attached: [] as unknown[][]
}));
vi.mock('./attach', () => ({
	attachPhotos: (...args: unknown[]) => {
		pipeline.attached.push(args);
		return pipeline.attach();
	}
}));
// The room is a live read of the device's database; here the row has room for three more.
vi.mock('./room.svelte', () => ({ photoRoom: () => ({ max: 3 }) }));

const { laterPhotos } = await import('./later-photos.svelte');

const owner = { kind: 'incident', id: '0190a000-0000-7000-8000-0000000000a1' } as const;
const words = { saved: () => '已保存', notSaved: (reason: string) => `未保存：${reason}` };
const draft = { id: '0190a000-0000-7000-8000-0000000000b1' } as unknown as PhotoDraft;

describe('photos added to a row that exists', () => {
	beforeEach(() => {
		pipeline.attached.length = 0;
	});

	it('a save attaches the drafts to the row, empties the field and says so', async () => {
		pipeline.attach = () => Promise.resolve();
		const photos = laterPhotos(() => owner, words);
		photos.drafts = [draft];
		expect(photos.max).toBe(3);
		const saving = photos.save();
		expect(photos.saving).toBe(true);
		await saving;
		expect(pipeline.attached).toEqual([[owner, [draft]]]);
		expect(photos.drafts).toEqual([]);
		expect(photos.saving).toBe(false);
		expect(photos.message).toEqual({ tone: 'info', text: '已保存' });
	});

	it('a failed save keeps every draft in the field and gives the reason', async () => {
		pipeline.attach = () => Promise.reject(new Error('设备存储已满'));
		const photos = laterPhotos(() => owner, words);
		photos.drafts = [draft];
		await photos.save();
		expect(photos.drafts).toEqual([draft]);
		expect(photos.saving).toBe(false);
		expect(photos.message).toEqual({ tone: 'error', text: '未保存：设备存储已满' });
	});
});
