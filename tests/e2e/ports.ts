/**
 * The end-to-end run's own ports, away from `npm start` (5173 / 54321 / 54322) so both can run at once, and
 * apart from the ports the integration tests' stacks take (`freePort`, 20000–24999; they once took ephemeral ports,
 * and one still closing as Playwright started held the e2e database's port). Benchmarks use 28xxx likewise.
 * Shared by playwright.config.ts (where the browser goes) and serve.ts (what it starts).
 */
function port(name: string, fallback: number): number {
	const value = Number(process.env[name] || fallback);
	if (!Number.isInteger(value) || value <= 0 || value > 65535)
		throw new Error(`${name} is not a port number`);
	return value;
}

export const E2E_APP_PORT = port('E2E_APP_PORT', 25173);
export const E2E_GATEWAY_PORT = port('E2E_GATEWAY_PORT', 25321);
export const E2E_DB_PORT = port('E2E_DB_PORT', 25322);

export const E2E_APP_URL = `http://127.0.0.1:${E2E_APP_PORT}`;
export const E2E_GATEWAY_URL = `http://127.0.0.1:${E2E_GATEWAY_PORT}`;
