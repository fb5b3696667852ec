import { publishServiceItem, type ServiceItemDraft } from '$lib/domain/service-catalog';
import { ITEM_COLUMNS, MATERIAL_COLUMNS } from './format';
import type { SourceRow } from './layout';
import { messages } from './messages';
import type { ImportError } from './report';

/** Placeholders for what the publishing device adds; valid, so only the draft's own problems are found. */
const PUBLISH_PLACEHOLDERS = {
	id: '00000000-0000-4000-8000-000000000000',
	item_id: '00000000-0000-4000-8000-000000000000',
	search_keys: '',
	published_at: '2026-01-01T00:00:00+08:00'
};

/** The obtain fields are columns of their own in the file. */
const MATERIAL_FIELD_OF_PATH: Record<string, string> = {
	office_zh: 'office_zh',
	office_en: 'office_en',
	url: 'url',
	template_url: 'template_url',
	note_zh: 'note_zh',
	note_en: 'note_en'
};

/**
 * The domain schema's verdict on a draft the import built (what the server will also check): lengths, visible
 * text, list sizes. Each problem is reported on the row and under the column its value came from.
 */
export function checkDraft(
	draft: ServiceItemDraft,
	itemSource: SourceRow<string>,
	materialRows: readonly SourceRow<string>[]
): ImportError[] {
	const result = publishServiceItem.safeParse({ ...draft, ...PUBLISH_PLACEHOLDERS });
	if (result.success) return [];
	return result.error.issues.map((issue) => {
		const [top, index, field, subfield] = issue.path;
		let source: SourceRow<string> = itemSource;
		let header: string | undefined = ITEM_COLUMNS.find((c) => c.field === top)?.zh;
		if (top === 'materials' && typeof index === 'number' && materialRows[index]) {
			source = materialRows[index];
			const name =
				field === 'obtain' && typeof subfield === 'string' ? MATERIAL_FIELD_OF_PATH[subfield] : field;
			header = MATERIAL_COLUMNS.find((c) => c.field === name)?.zh;
		}
		const label = header ?? String(top ?? '');
		const maximum = 'maximum' in issue && typeof issue.maximum === 'number' ? issue.maximum : undefined;
		const message =
			issue.code === 'too_big' && maximum !== undefined
				? messages.tooLong(label, maximum)
				: messages.badText(label);
		return {
			row: source.row,
			...(source.sheet === undefined ? {} : { sheet: source.sheet }),
			...(header === undefined ? {} : { field: header }),
			message_zh: message.zh,
			message_en: message.en
		};
	});
}
