import type { MaterialForm, MaterialRequirement, ServiceScope } from '$lib/domain/service-catalog';
import type { CatalogMessageKey } from '$lib/features/service-catalog/messages';
import { session } from '$lib/backend';

export const scopeLabel = (scope: ServiceScope): CatalogMessageKey => `catalog.scope.${scope}`;
export const requirementLabel = (requirement: MaterialRequirement): CatalogMessageKey =>
	`catalog.requirement.${requirement}`;
export const formLabel = (form: MaterialForm): CatalogMessageKey => `catalog.form.${form}`;

/**
 * Only managers edit the catalog: the screens show them the buttons, and the server refuses anyone else anyway.
 * Read from the profile the device has (a remembered one will do offline).
 */
export function isManager(): boolean {
	return session.profile.status === 'ready' && session.profile.profile.post === 'manager';
}
