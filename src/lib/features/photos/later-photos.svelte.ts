import type { PhotoOwner } from '$lib/domain/photo';
import type { PhotoDraft } from '$lib/local/photos/writes';
import { attachPhotos } from './attach';
import { photoRoom } from './room.svelte';

export interface LaterPhotosWords {
	saved(): string;
	notSaved(reason: string): string;
}

/**
 * Photos added to a row that already exists (an incident's after the repair, a ledger item's): the drafts in the
 * field, how many more the row may take, the save through the photo pipeline, and what the save said. A failed
 * save keeps the drafts in the field, so nothing picked is lost and the person can try again.
 */
export function laterPhotos(owner: () => PhotoOwner, words: LaterPhotosWords) {
	const room = photoRoom(owner);
	let drafts = $state<PhotoDraft[]>([]);
	let saving = $state(false);
	let message = $state<{ tone: 'info' | 'error'; text: string } | null>(null);

	return {
		get drafts() {
			return drafts;
		},
		set drafts(value: PhotoDraft[]) {
			drafts = value;
		},
		/** How many more photos the row may take now; 0 when it is full. */
		get max() {
			return room.max;
		},
		get saving() {
			return saving;
		},
		get message() {
			return message;
		},
		save: async (): Promise<void> => {
			saving = true;
			try {
				await attachPhotos(owner(), drafts);
				drafts = [];
				message = { tone: 'info', text: words.saved() };
			} catch (error) {
				message = {
					tone: 'error',
					text: words.notSaved(error instanceof Error ? error.message : String(error))
				};
			} finally {
				saving = false;
			}
		}
	};
}
