import type AxeBuilder from '@axe-core/playwright';
import type { Screen } from './screen';

type Violation = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'][number];

/** What fails a test. Moderate and minor findings are reported as annotations of the test. */
export const FAILING_IMPACTS: ReadonlySet<string> = new Set(['serious', 'critical']);

export interface Finding {
	rule: string;
	impact: string;
	/** axe's one-line explanation and the page's offending markup, as a developer needs them to find it. */
	help: string;
	target: string;
	html: string;
	/** axe's own account of this element, e.g. the contrast ratio and the two colours. */
	detail: string;
	screen: string;
	viewport: string;
}

export function findingsOf(violations: Violation[], screen: Screen, viewport: string): Finding[] {
	return violations.flatMap((violation) =>
		violation.nodes.map((node) => ({
			rule: violation.id,
			impact: violation.impact ?? 'unknown',
			help: violation.help,
			target: node.target.join(' '),
			html: node.html,
			detail: (node.failureSummary ?? '').split('\n').slice(1).join(' ').trim(),
			screen: screen.description,
			viewport
		}))
	);
}

/** One finding as the report prints it: rule, element, screen. */
export function describeFinding(finding: Finding): string {
	return (
		`[${finding.impact}] ${finding.rule}: ${finding.help}\n` +
		`  element: ${finding.target}  ${finding.html}\n` +
		(finding.detail ? `  ${finding.detail}\n` : '') +
		`  screen: ${finding.screen}, ${finding.viewport}`
	);
}
