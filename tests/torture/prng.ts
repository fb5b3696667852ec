/**
 * The torture run's one source of randomness: every choice (faults, work, offline spells, kills, backoff jitter)
 * draws from one seeded generator, so a seed replays the same decisions. Timing (the server's speed, the order in
 * which answers arrive) still varies, so a replay is as close as a real network allows, not bit for bit.
 */
export interface Rng {
	readonly seed: number;
	/** A number in [0, 1). */
	next(): number;
	/** True with probability p. */
	chance(p: number): boolean;
	/** An integer in [min, max]. */
	int(min: number, max: number): number;
	pick<T>(items: readonly T[]): T;
	/** One key of `weights`, chosen in proportion to its weight. */
	weighted<K extends string>(weights: Readonly<Record<K, number>>): K;
}

/** mulberry32: small, fast, and good enough to spread test decisions; not for anything secret. */
export function seededRng(seed: number): Rng {
	let state = seed >>> 0;
	const next = (): number => {
		state = (state + 0x6d2b79f5) >>> 0;
		let t = state;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
	const rng: Rng = {
		seed,
		next,
		chance: (p) => next() < p,
		int: (min, max) => min + Math.floor(next() * (max - min + 1)),
		pick(items) {
			if (items.length === 0) throw new Error('pick from an empty list');
			return items[Math.floor(next() * items.length)] as (typeof items)[number];
		},
		weighted(weights) {
			const entries = Object.entries(weights) as [keyof typeof weights, number][];
			let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
			for (const [key, weight] of entries) {
				roll -= weight;
				if (roll < 0) return key;
			}
			return entries[entries.length - 1]![0];
		}
	};
	return rng;
}

/** A seed when none was given: printed with the report, so the run can be repeated. */
export function freshSeed(): number {
	return Math.floor(Math.random() * 2 ** 31);
}
