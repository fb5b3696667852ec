import { precheckMessages } from '$lib/features/prechecks/messages';
import type { PageLoad } from './$types';

// The pre-checks' screen texts are their own pack (docs/ARCHITECTURE.md, "Messages"): in before the page renders.
export const load: PageLoad = () => precheckMessages.load();
