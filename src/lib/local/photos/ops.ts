import { attachPhoto } from '$lib/domain/photo';
import { defineOp } from '../workflow';
import { applyAttach, undoAttach } from './apply';
import { photos } from './tables';

/** photo.attach: what it sends, does on the device, and what giving it up means. */
export const attachOp = defineOp('photo.attach', attachPhoto, {
	apply: applyAttach,
	discard: { drop: photos, undo: undoAttach }
});

export const PHOTO_OPS = [attachOp] as const;
