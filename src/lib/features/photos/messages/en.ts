import type { PackCatalog } from '$lib/i18n';
import type { zhCN } from './zh-CN';

export const en: PackCatalog<keyof typeof zhCN> = {
	'field.label': 'Photos',
	'field.hint': 'Up to {max}: take one or pick from the gallery; remove before saving if needed.',
	'field.take': 'Take photo',
	'field.pick': 'From gallery',
	'field.remove': 'Remove photo {n}',
	'field.full': 'The limit of {max} photos is reached.',
	'field.compressing': 'Compressing photo…',
	'field.thumbnail': 'Photo {n} ({size})',
	'error.notImage': '"{name}" is not an image; choose a photo.',
	'error.tooBig': '"{name}" is over 30 MB and cannot be used. Choose another photo.',
	'error.undecodable': '"{name}" cannot be read (damaged or an unsupported format). Take or choose another.',
	'error.tooMany': 'At most {max} photos; "{name}" was not added.',
	'error.notSaved': 'The photos could not be stored on this device: {reason}. Nothing you entered is lost.',
	'strip.label': 'Photos ({count})',
	'strip.photo': 'Photo {n}, {when}, {who}',
	'strip.offline': 'This photo is not on the device; it can be viewed online.',
	'strip.loading': 'Loading photo…',
	'strip.unavailable': 'The photo cannot be loaded right now.',
	'upload.waiting': 'Waiting to upload',
	'upload.uploading': 'Uploading',
	'upload.uploaded': 'Uploaded',
	'upload.refused': 'Upload refused: {reason}',
	'upload.retry': 'Upload again',
	'refusal.too_large': 'over the 2 MB limit',
	'refusal.bad_type': 'format not accepted (JPEG only)',
	'refusal.forbidden': "not allowed into this hall's photos",
	'refusal.refused': 'the server refused the photo',
	'storage.low':
		'This device is low on storage (about {free} left). Go online soon to upload photos, or free up space.',
	'add.heading': 'Photos',
	'add.savePhotos': 'Save photos',
	'add.saved': 'Photos saved on this device; they upload by themselves when online.',
	'add.fieldLabel': 'Add photos',
	'add.ownerFull': 'This already has {max} photos, the most it can have.'
};
