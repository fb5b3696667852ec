import type { SignOutGuard } from '$lib/backend/session.svelte';
import type { deviceSync as DeviceSyncInstance } from './device-sync.svelte';

/**
 * The device's sync (Dexie, the engine, the sync panel's state), loaded once the first screen has painted rather
 * with it: a staff screen shows at once, and its data arrives a moment later. Screens that read the device's
 * data load the same code themselves, through their own imports.
 */
let loading: Promise<typeof DeviceSyncInstance> | undefined;

export function loadDeviceSync(): Promise<typeof DeviceSyncInstance> {
	loading ??= import('./device-sync.svelte').then((module) => module.deviceSync);
	return loading;
}

/** The session's sign-out guard, asking the device's sync when sign-out needs it (loading it if need be). */
export const deviceSyncGuard: SignOutGuard = {
	workOf: async (userId) => (await loadDeviceSync()).workOf(userId),
	forget: async (userId) => (await loadDeviceSync()).forget(userId)
};
