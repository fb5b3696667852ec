// How long a failed password sign-in takes when the e-mail exists (wrong password) and when it does not: the
// two should not be told apart by timing, since both run one bcrypt comparison. Standalone:
// `npx tsx tests/bench/sign-in-timing.ts`. Prints figures; never pass/fail.
import { performance } from 'node:perf_hooks';
import { withBenchStack } from './support/bench-stack';

const rounds = 200;
const knownEmail = 'intake@demo.hall'; // seeded, password demo1234

function percentile(sorted: number[], p: number): number {
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

function report(label: string, samples: number[]): void {
	const sorted = [...samples].sort((a, b) => a - b);
	const ms = (value: number) => `${value.toFixed(2)} ms`.padStart(9);
	console.log(
		`${label.padEnd(32)} p50 ${ms(percentile(sorted, 50))}  p95 ${ms(percentile(sorted, 95))}  min ${ms(sorted[0] ?? NaN)}`
	);
}

async function main(): Promise<void> {
	// A limit the bench cannot reach: it measures the sign-in itself, not the 429s.
	const tokenRateLimit = { perFiveMinutes: 1_000_000, burst: 10_000 };
	await withBenchStack(
		async (stack) => {
			const attempt = async (email: string): Promise<number> => {
				const started = performance.now();
				const response = await fetch(`${stack.url}/auth/v1/token?grant_type=password`, {
					method: 'POST',
					headers: { apikey: stack.anonKey, 'content-type': 'application/json' },
					body: JSON.stringify({ email, password: 'not-the-password' })
				});
				await response.text();
				if (response.status !== 400) throw new Error(`expected 400, got ${response.status}`);
				return performance.now() - started;
			};
			for (let i = 0; i < 20; i++) await attempt(i % 2 ? knownEmail : `warm-up-${i}@nowhere.test`);
			const wrongPassword: number[] = [];
			const unknownEmail: number[] = [];
			// Interleaved, so that load on the machine falls on both alike.
			for (let i = 0; i < rounds; i++) {
				wrongPassword.push(await attempt(knownEmail));
				unknownEmail.push(await attempt(`nobody-${i}@nowhere.test`));
			}
			console.log(`${rounds} failed sign-ins of each kind, sequential\n`);
			report('wrong password (known e-mail)', wrongPassword);
			report('unknown e-mail', unknownEmail);
		},
		{ tokenRateLimit }
	);
}

main().catch((error: unknown) => {
	console.error(error);
	process.exit(1);
});
