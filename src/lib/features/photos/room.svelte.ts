import { PHOTO_LIMITS, PHOTOS_PER_SAVE, type PhotoOwner } from '$lib/domain/photo';
import { live } from '$lib/local/live.svelte';
import { photoCountOf } from '$lib/local/photos/queries';
import { localDb } from '../registry';

/**
 * How many more photos a form may offer for a row that already has some (12 in all, 6 at a time), live from the
 * device: a photo field given this as its `max` refuses a pick past it with its own message, before anything is
 * saved, instead of the save failing. 0 when the row is full.
 */
export function photoRoom(owner: () => PhotoOwner): { readonly max: number } {
	const stored = live(
		() => {
			const { kind, id } = owner();
			return { kind, id };
		},
		(current) => photoCountOf(localDb(), current)
	);
	return {
		get max() {
			return Math.max(0, Math.min(PHOTOS_PER_SAVE, PHOTO_LIMITS.perOwner - (stored.current ?? 0)));
		}
	};
}
