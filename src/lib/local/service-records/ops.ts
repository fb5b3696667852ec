import {
	addServiceRecordEvent,
	deleteServiceRecord,
	openServiceRecord,
	updateServiceRecord
} from '$lib/domain/service-record';
import { defineOp } from '../workflow';
import { applyAddEvent, applyDelete, applyOpen, applyUpdate } from './apply';
import { serviceRecordEvents, serviceRecords } from './tables';

/** The service_record.* op types: what each sends, does on the device, and what giving it up means. */

export const openRecord = defineOp('service_record.open', openServiceRecord, {
	apply: applyOpen,
	discard: { drop: serviceRecords }
});

export const updateRecord = defineOp('service_record.update', updateServiceRecord, {
	apply: applyUpdate,
	discard: 'pull_again'
});

export const addEvent = defineOp('service_record.add_event', addServiceRecordEvent, {
	apply: applyAddEvent,
	discard: { drop: serviceRecordEvents },
	// The record shows as "not synced yet" while any of its events waits.
	touches: (payload) => [payload.id, payload.record_id]
});

export const deleteRecord = defineOp('service_record.delete', deleteServiceRecord, {
	apply: applyDelete,
	discard: 'pull_again'
});

export const SERVICE_RECORD_OPS = [openRecord, updateRecord, addEvent, deleteRecord] as const;
