export { session, type ProfileState, type SignInError } from './session.svelte';
export type { Post, StaffProfile } from './staff-profile';
