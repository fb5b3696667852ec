import * as staticPublicEnv from '$env/static/public';
import { LOCAL_SUPABASE_ANON_KEY, LOCAL_SUPABASE_URL } from './local-stack';

/**
 * The one place that decides which Supabase the app talks to.
 *
 * `$env/static/public` (not dynamic): the app is a static bundle with no server of its own, so the values are
 * baked in at build time from the environment or `.env`. A namespace import lets the build succeed when a
 * variable is not set at all; then the local stack's values apply, so `npm install && npm start` needs no setup.
 */
const env: Readonly<Record<string, string | undefined>> = staticPublicEnv;

export const supabaseUrl: string = env['PUBLIC_SUPABASE_URL'] || LOCAL_SUPABASE_URL;
export const supabaseAnonKey: string = env['PUBLIC_SUPABASE_ANON_KEY'] || LOCAL_SUPABASE_ANON_KEY;
