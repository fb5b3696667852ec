import { staffDirectoryRow } from '$lib/domain/staff-directory';
import { syncedTable } from '../workflow';

/** The hall's staff directory on the device: read-only, kept by the server. */
export const staffDirectory = syncedTable('staff_directory', staffDirectoryRow, { indexes: [] });
