/**
 * The Content-Security-Policy of a page of the app, as the browser reads it from the meta tag the build puts in
 * the HTML (the app is static, so no header carries it): directive name → its sources.
 */
export function policyOf(html: string): Map<string, string[]> {
	const content = /<meta http-equiv="content-security-policy" content="([^"]*)">/.exec(html)?.[1] ?? '';
	const policy = new Map<string, string[]>();
	for (const directive of content.replaceAll('&#39;', "'").split(';')) {
		const [name, ...sources] = directive.trim().split(/\s+/);
		if (name) policy.set(name, sources);
	}
	return policy;
}
