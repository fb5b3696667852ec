import { PHOTO_RULES } from '$lib/domain/photo';
import { t } from '$lib/i18n';
import { PHOTO_OPS } from '$lib/local/photos/ops';
import { photoBlobs, photos, photoUploads } from '$lib/local/photos/tables';
import { defineWorkflow } from '$lib/local/workflow';

/** Photos: the synced rows, and the device-only bytes and upload queue, as the registry lists them. */
export const photosWorkflow = defineWorkflow({
	name: 'photos',
	rules: PHOTO_RULES,
	tables: [photos],
	deviceTables: [photoBlobs, photoUploads],
	ops: PHOTO_OPS,
	labels: {
		'photo.attach': () => t('sync.op.photo.attach')
	}
});
