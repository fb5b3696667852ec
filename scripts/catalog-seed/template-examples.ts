import type { ServiceItemDraft } from '../../src/lib/domain/service-catalog';
import { enterpriseItems } from './center-enterprise';
import { approvalItems } from './center-approval';

/**
 * The template's example rows: two demo items that between them use every kind of cell (situations, questions,
 * conditional and optional materials, copies, links, rejection reasons), under codes marked as examples.
 */
export function templateExamples(): ServiceItemDraft[] {
	const pick = (items: ServiceItemDraft[], name: string, code: string): ServiceItemDraft => {
		const item = items.find((candidate) => candidate.name_zh === name);
		if (!item) throw new Error(`no demo item ${name}`);
		return { ...item, code };
	};
	return [
		pick(enterpriseItems, '公章刻制备案', 'EXAMPLE-001'),
		pick(approvalItems, '食品经营许可', 'EXAMPLE-002')
	];
}
