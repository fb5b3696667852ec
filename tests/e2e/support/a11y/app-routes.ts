import { readdirSync } from 'node:fs';
import { join, posix, sep } from 'node:path';

const ROUTES_DIR = join(import.meta.dirname, '..', '..', '..', '..', 'src', 'routes');

/** The screen a path the app has no page for shows: the root error page (src/routes/+error.svelte). */
export const ERROR_ROUTE = '+error';

export interface AppRoute {
	/** As SvelteKit names it without route groups: `/`, `/tickets/[id]`. */
	id: string;
	pattern: RegExp;
	params: number;
}

/** Every page of the app, read from src/routes, so a new page is known here the moment it is added. */
export function appRoutes(): AppRoute[] {
	const files = readdirSync(ROUTES_DIR, { recursive: true, encoding: 'utf8' }).map((file) =>
		file.split(sep).join('/')
	);
	return files
		.filter((file) => posix.basename(file) === '+page.svelte')
		.map((file) => toRoute(posix.dirname(file)));
}

function toRoute(dir: string): AppRoute {
	// Route groups such as (staff) are not part of the address.
	const segments = dir.split('/').filter((segment) => segment !== '.' && !/^\(.*\)$/.test(segment));
	const id = `/${segments.join('/')}`;
	const params = segments.filter((segment) => segment.startsWith('[')).length;
	const source = segments
		.map((segment) =>
			segment.startsWith('[...') ? '.*' : segment.startsWith('[') ? '[^/]+' : escape(segment)
		)
		.join('/');
	return { id, pattern: new RegExp(`^/${source}/?$`), params };
}

function escape(text: string): string {
	return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** The route a path shows, preferring the most specific (`/tickets/scan` over `/tickets/[id]`), as SvelteKit does. */
export function routeOf(pathname: string, routes: AppRoute[]): string {
	const matches = routes.filter((route) => route.pattern.test(pathname));
	matches.sort((a, b) => a.params - b.params);
	return matches[0]?.id ?? ERROR_ROUTE;
}
