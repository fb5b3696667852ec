/**
 * The enterprise screens' one seam to the device's data (src/lib/local/enterprises): the list, one enterprise's
 * history, live, and the writes of an enterprise, a contact, a project, a note and an import. Writes never wait for
 * the network; a refused write throws a LocalWriteError (bad input, nothing stored; `fields` names them) or an
 * EnterpriseRefusedError (what the device knows says no: managers only, a credit code the hall has, …).
 */
import { live } from '$lib/local/live.svelte';
import {
	enterpriseCodes,
	listEnterprises,
	loadEnterprise,
	type EnterpriseDetail,
	type EnterpriseListEntry
} from '$lib/local/enterprises/queries';
import * as writes from '$lib/local/enterprises/writes';
import type {
	ContactInput,
	EnterpriseInput,
	EnterpriseRefusal,
	ImportRowInput,
	ProjectInput
} from '$lib/local/enterprises/writes';
import { localDb } from '../registry';

export { EnterpriseRefusedError } from '$lib/local/enterprises/writes';
export type {
	ContactInput,
	EnterpriseDetail,
	EnterpriseInput,
	EnterpriseListEntry,
	EnterpriseRefusal,
	ImportRowInput,
	ProjectInput
};

type Arg<T> = T | (() => T);
const read = <T>(arg: Arg<T>): (() => T) => (typeof arg === 'function' ? (arg as () => T) : () => arg);

/**
 * Every enterprise of the hall (archived ones flagged), most urgent for a visit first. `today` is the hall date the
 * traffic lights are measured against (dayClock() in visits.svelte.ts). Filter with search.ts.
 */
export function liveEnterprises(today: () => string): {
	readonly current: EnterpriseListEntry[] | undefined;
} {
	return live(today, (day) => listEnterprises(localDb(), day));
}

/** One enterprise with contacts, projects, notes, visits and follow-ups; null when not on this device. */
export function liveEnterprise(
	id: Arg<string>,
	today: () => string
): { readonly current: EnterpriseDetail | null | undefined } {
	return live(
		() => ({ id: read(id)(), today: today() }),
		(args) => loadEnterprise(localDb(), args.id, args.today)
	);
}

/** The hall's credit codes with their enterprises (the import's preview: "the hall already has it"). */
export function liveEnterpriseCodes(): {
	readonly current: Map<string, { id: string; name: string }> | undefined;
} {
	return live(
		() => null,
		() => enterpriseCodes(localDb())
	);
}

/** Creates (id null) or replaces an enterprise; managers. */
export function saveEnterprise(input: EnterpriseInput): Promise<{ id: string }> {
	return writes.saveEnterprise(localDb(), input);
}

/** Creates, replaces or removes (`removed`) a contact; any staff. */
export function saveContact(input: ContactInput): Promise<{ id: string }> {
	return writes.saveContact(localDb(), input);
}

/** Creates or replaces a key project with its milestones; managers. */
export function saveProject(input: ProjectInput): Promise<{ id: string }> {
	return writes.saveProject(localDb(), input);
}

export function addEnterpriseNote(enterpriseId: string, note: string): Promise<{ id: string }> {
	return writes.addEnterpriseNote(localDb(), enterpriseId, note);
}

/** Queues one enterprise.save per row in one transaction: all rows on the device, or none. Managers. */
export function importEnterprises(rows: readonly ImportRowInput[]): Promise<{ ids: string[] }> {
	return writes.importEnterprises(localDb(), rows);
}
