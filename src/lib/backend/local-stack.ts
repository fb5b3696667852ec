/**
 * Where the local Supabase stand-in (`supabase/local/`) listens when nothing else is configured.
 *
 * Kept free of `$env` and browser APIs on purpose: the app's config falls back to these values, and the Node
 * scripts (`npm start`, e2e) import the same module so the gateway they start is the one the build talks to.
 * The anon key is Supabase's well-known local-development key (also in `.env.example`); it is public by design.
 */
export const LOCAL_GATEWAY_PORT = 54321;

export const LOCAL_SUPABASE_URL = `http://127.0.0.1:${LOCAL_GATEWAY_PORT}`;

export const LOCAL_SUPABASE_ANON_KEY =
	'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJpc3MiOiJzdXBhYmFzZS1kZW1vIiwicm9sZSI6ImFub24iLCJleHAiOjE5ODM4MTI5OTZ9.CRXP1A7WOeoJeXxjNni43kdQwgnWNReilDMblYTn_I0';
