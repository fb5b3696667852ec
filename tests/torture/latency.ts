/** Call latencies of one kind (push or pull), for the report's percentiles. */
export class Latencies {
	readonly #ms: number[] = [];
	errors = 0;
	readonly errorSamples: string[] = [];

	add(ms: number, error: unknown): void {
		this.#ms.push(ms);
		if (error) {
			this.errors++;
			if (this.errorSamples.length < 5) {
				this.errorSamples.push(error instanceof Error ? error.message : JSON.stringify(error));
			}
		}
	}

	get count(): number {
		return this.#ms.length;
	}

	/** The p-th percentile (nearest rank), NaN when nothing was measured. */
	percentile(p: number): number {
		if (this.#ms.length === 0) return NaN;
		const sorted = [...this.#ms].sort((a, b) => a - b);
		return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
	}

	summary(): string {
		const f = (p: number) => `${this.percentile(p).toFixed(0)} ms`;
		return `p50 ${f(50)}, p95 ${f(95)}, p99 ${f(99)} over ${this.count} calls, ${this.errors} errors`;
	}
}
