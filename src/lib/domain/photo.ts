import * as z from 'zod/mini';
import { lazySchema } from './lazy-schema';
import { deviceTimestamp } from './sync-protocol';

/**
 * Photos (docs/PATROL.md, "Photos"): a JPEG compressed on the device, kept in the device's database until its upload
 * is confirmed, and a synced row saying which row of the hall it belongs to. The client's one definition of the
 * shape; the server's is supabase/migrations/*_photos.sql (schema agreement test).
 */

export const PHOTO_LIMITS = {
	/** The bucket's file_size_limit (2 MB); the device aims at 300 kB. */
	maxBytes: 2_097_152,
	/** The long side after compression, in pixels. */
	maxSide: 1600,
	/** Photos one owner row may have. */
	perOwner: 12
} as const;

/** Photos one form takes at a time (a device's choice, not the server's: the owner's limit is `perOwner`). */
export const PHOTOS_PER_SAVE = 6;

/** Owner kinds: registered by the owning areas (`incident`, `patrol_check`, `service_record`…). */
export const OWNER_KIND_PATTERN = '^[a-z][a-z_]{0,29}$';

/** What the server's app.photos_rules() must answer; the schema agreement test compares the two. */
export const PHOTO_RULES = { ...PHOTO_LIMITS, ownerKindPattern: OWNER_KIND_PATTERN };

/** The private bucket photos are stored in. */
export const PHOTO_BUCKET = 'photos';
export const PHOTO_CONTENT_TYPE = 'image/jpeg';

const uuid = z.uuid();
const ownerKind = z.string().check(z.regex(new RegExp(OWNER_KIND_PATTERN)));
const side = z.int().check(z.minimum(1), z.maximum(PHOTO_LIMITS.maxSide));

/** Which row a photo belongs to. */
export interface PhotoOwner {
	kind: string;
	id: string;
}

/** Where a photo's bytes are in the bucket: the hall's folder first, as the Storage policies require. */
export function photoObjectPath(hallId: string, ownerKindName: string, photoId: string): string {
	return `${hallId}/${ownerKindName}/${photoId}.jpg`;
}

/** A photo as the server sends it. */
export const photoRow = lazySchema(() =>
	z.object({
		id: uuid,
		hall_id: uuid,
		owner_kind: ownerKind,
		owner_id: uuid,
		object_path: z.string(),
		content_type: z.string(),
		bytes: z.int().check(z.minimum(1), z.maximum(PHOTO_LIMITS.maxBytes)),
		width: side,
		height: side,
		taken_at: deviceTimestamp,
		created_by: uuid,
		created_by_name: z.string(),
		version: z.number()
	})
);
export type PhotoRow = z.infer<typeof photoRow>;

/**
 * Attaches a compressed photo to a row of the caller's hall (`id` is the photo's). The server derives the object
 * path and refuses an owner that is not a row of the caller's hall of a registered kind (`not_found`), or one that
 * has `perOwner` photos already (`conflict`).
 */
export const attachPhoto = lazySchema(() =>
	z.strictObject({
		id: uuid,
		owner_kind: ownerKind,
		owner_id: uuid,
		bytes: z.int().check(z.minimum(1), z.maximum(PHOTO_LIMITS.maxBytes)),
		width: side,
		height: side,
		taken_at: deviceTimestamp
	})
);
export type AttachPhoto = z.infer<typeof attachPhoto>;
