/**
 * The dependency direction of src/lib, enforced: each folder lists the other folders of src/lib it may import.
 * Lower layers never reach up, so a rule in `domain` can be tested without a browser, the local data layer without
 * screens, and sync without UI. Relative imports may not leave their folder (cross-folder imports use $lib/…).
 * Test files are exempt: they wire real pieces together on purpose.
 */
const LAYERS = {
	domain: [], // pure rules and schemas
	i18n: [], // message catalogs
	pwa: [], // service-worker registration
	backend: ['domain'], // Supabase client and session
	local: ['domain'], // the device database and its writes
	sync: ['domain', 'local', 'backend'], // moving ops and changes through the backend; no UI
	ui: ['i18n'], // app-independent primitives
	scan: ['domain', 'i18n', 'ui'], // the camera scanner component
	features: ['domain', 'i18n', 'pwa', 'backend', 'local', 'sync', 'ui', 'scan', 'features'] // workflows, app wiring
};

const FOLDERS = Object.keys(LAYERS);

/** @returns {import('eslint').Linter.Config[]} */
export function layerRules() {
	return Object.entries(LAYERS).map(([layer, allowed]) => {
		const forbidden = FOLDERS.filter((folder) => folder !== layer && !allowed.includes(folder));
		const names = forbidden.join('|');
		return {
			files: [`src/lib/${layer}/**/*.{ts,svelte}`],
			ignores: ['**/*.test.ts'],
			rules: {
				'no-restricted-imports': [
					'error',
					{
						patterns: [
							...(forbidden.length > 0
								? [
										{
											regex: `^\\$lib/(${names})(/|$)`,
											message: `src/lib/${layer} may import only ${allowed.length ? allowed.join(', ') : 'its own folder'} (eslint-layers.js).`
										}
									]
								: []),
							{
								regex: `^(\\.\\./)+(${FOLDERS.filter((folder) => folder !== layer).join('|')}|routes|lib)(/|$)`,
								message:
									'Import another folder of src/lib as $lib/…, never by a relative path out of this one.'
							},
							{
								regex: '^(\\$app|\\$lib)/.*routes|^(\\.\\./)+routes',
								message: 'Nothing in src/lib imports routes.'
							}
						]
					}
				]
			}
		};
	});
}
