import {
	URL_PATTERN,
	type MaterialForm,
	type MaterialRequirement,
	type ServiceScope
} from '$lib/domain/service-catalog';
import type { CatalogMessageKey } from '$lib/features/service-catalog/messages';
import { session } from '$lib/backend';

export const scopeLabel = (scope: ServiceScope): CatalogMessageKey => `catalog.scope.${scope}`;
export const requirementLabel = (requirement: MaterialRequirement): CatalogMessageKey =>
	`catalog.requirement.${requirement}`;
export const formLabel = (form: MaterialForm): CatalogMessageKey => `catalog.form.${form}`;

const WEB_LINK = new RegExp(URL_PATTERN);

/**
 * A catalog link is made a link only when it is a web address (http or https, the schema's rule): text from an
 * import or an older app that says `javascript:` or anything else stays text on the screen.
 */
export const webHref = (url: string | null): string | null =>
	url !== null && WEB_LINK.test(url) ? url : null;

/**
 * Only managers edit the catalog: the screens show them the buttons, and the server refuses anyone else anyway.
 * Read from the profile the device has (a remembered one will do offline).
 */
export function isManager(): boolean {
	return session.profile.status === 'ready' && session.profile.profile.post === 'manager';
}
