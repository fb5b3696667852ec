export { supabase } from './client';
export { POSTS, type Post, type StaffProfile } from './me';
export { session, type ProfileState, type SignInError } from './session.svelte';
