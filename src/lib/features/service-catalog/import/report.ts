import type { ServiceItemDraft } from '$lib/domain/service-catalog';

/** A problem found in the file: where (row as Excel numbers it, sheet, the column's header) and what, zh and en. */
export interface ImportError {
	row: number;
	sheet?: string;
	field?: string;
	message_zh: string;
	message_en: string;
}

/** What an import file holds: the items that can be published (none with any error) and every problem found. */
export interface ImportReport {
	items: { row: number; code: string; draft: ServiceItemDraft }[];
	errors: ImportError[];
}
