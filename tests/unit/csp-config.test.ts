import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { allowedInlineStyles, localSupabaseUrl, supabaseOrigins } from '../../csp.config.js';
import { LOCAL_SUPABASE_URL } from '../../src/lib/backend/local-stack';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

it("allows the local stack's URL that the app falls back to", () => {
	expect(localSupabaseUrl).toBe(LOCAL_SUPABASE_URL);
});

it("allows the inline styles of app.html and SvelteKit's root component, and no others", () => {
	const styles = [
		path.join(root, 'src', 'app.html'),
		path.join(root, 'node_modules', '@sveltejs', 'kit', 'src', 'core', 'sync', 'write_root.js')
	].flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/style="([^"]*)"/g)].map((match) => match[1]));
	expect(styles).toEqual(allowedInlineStyles);
});

it('lets the connection to Supabase follow PUBLIC_SUPABASE_URL', () => {
	const before = process.env['PUBLIC_SUPABASE_URL'];
	process.env['PUBLIC_SUPABASE_URL'] = 'https://project-ref.supabase.co/';
	try {
		expect(supabaseOrigins(root)).toEqual(['https://project-ref.supabase.co']);
	} finally {
		if (before === undefined) delete process.env['PUBLIC_SUPABASE_URL'];
		else process.env['PUBLIC_SUPABASE_URL'] = before;
	}
});
