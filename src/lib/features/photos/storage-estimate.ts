/**
 * Whether the device is low on storage for photos (docs/PATROL.md): under 50 MB left, or more than 90 % of the
 * browser's quota used, from navigator.storage.estimate(). Null when the browser cannot tell.
 */
export const LOW_STORAGE_BYTES = 50 * 1024 * 1024;

export interface StorageLevel {
	low: boolean;
	freeBytes: number;
}

export async function storageLevel(
	storage: Pick<StorageManager, 'estimate'> | undefined = globalThis.navigator?.storage
): Promise<StorageLevel | null> {
	if (!storage?.estimate) return null;
	try {
		const { usage, quota } = await storage.estimate();
		if (usage === undefined || quota === undefined || quota === 0) return null;
		const freeBytes = Math.max(0, quota - usage);
		return { low: freeBytes < LOW_STORAGE_BYTES || usage / quota > 0.9, freeBytes };
	} catch {
		return null;
	}
}

/** "12 MB", "300 kB": sizes as people read them. */
export function formatBytes(bytes: number): string {
	if (bytes >= 1024 * 1024) return `${(bytes / (1024 * 1024)).toFixed(bytes >= 10 * 1024 * 1024 ? 0 : 1)} MB`;
	return `${Math.max(1, Math.round(bytes / 1024))} kB`;
}
