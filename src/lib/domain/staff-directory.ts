import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';

/**
 * The hall's staff as a colleague picker needs them (docs/VISITS.md, "Staff directory"): kept by the server from
 * app.staff, synced read-only (no op types). No e-mail, phone or user id: only a name, a post and whether they
 * still work here. Used by a follow-up's owner, a visit's companions, a project's steward and the incident assign
 * picker.
 */

/**
 * The posts of the comprehensive windows, the database's `app.staff_post` in its order, the one list
 * the app has (the schema agreement test compares this column's values with the enum).
 */
export const STAFF_POSTS = ['intake', 'delivery', 'assist', 'manager'] as const;
export const staffPost = z.enum(STAFF_POSTS);

export const staffDirectoryRow = lazySchema(() =>
	z.object({
		id: z.uuid(),
		hall_id: z.uuid(),
		display_name: z.string(),
		post: staffPost,
		active: z.boolean(),
		version: z.number()
	})
);
export type StaffDirectoryRow = z.infer<typeof staffDirectoryRow>;

/** The staff area has no limits of its own: app.staff_rules() answers an empty object. */
export const STAFF_RULES = {};
