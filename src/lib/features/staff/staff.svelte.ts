/**
 * The staff directory's seam: the hall's active staff, live, for every "pick a colleague" field (a follow-up's
 * owner, a visit's companions, a project's steward).
 */
import { live } from '$lib/local/live.svelte';
import { staffEntries, type StaffEntry } from '$lib/local/staff/queries';
import { localDb } from '../registry';

export type { StaffEntry };

/** The hall's staff by name: active only, unless `includeInactive` (a name on an old row still reads right). */
export function liveStaffDirectory(includeInactive: () => boolean = () => false): {
	readonly current: StaffEntry[] | undefined;
} {
	return live(includeInactive, (all) => staffEntries(localDb(), { activeOnly: !all }));
}
