import { catalogMessages } from '$lib/features/service-catalog/messages';
import type { PageLoad } from './$types';

// The catalog's screen texts are its own pack (docs/ARCHITECTURE.md, "Messages"): in before the page renders.
export const load: PageLoad = () => catalogMessages.load();
