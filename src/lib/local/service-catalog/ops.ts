import { publishServiceItem, withdrawServiceItem } from '$lib/domain/service-catalog';
import { defineOp } from '../workflow';
import { applyPublish, applyWithdraw, undoPublish } from './apply';
import { serviceItemVersions } from './tables';

/** The service_item.* op types (managers only; the server refuses anyone else). */

export const publishItem = defineOp('service_item.publish', publishServiceItem, {
	apply: applyPublish,
	// The version goes, and the new item it made, or the server's item comes back (undoPublish).
	discard: { drop: serviceItemVersions, undo: undoPublish },
	// The item shows as "not synced yet" while its new version waits.
	touches: (payload) => [payload.id, payload.item_id]
});

export const withdrawItem = defineOp('service_item.withdraw', withdrawServiceItem, {
	apply: applyWithdraw,
	discard: 'pull_again'
});

export const SERVICE_CATALOG_OPS = [publishItem, withdrawItem] as const;
