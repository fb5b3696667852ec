/**
 * The long runs' settings, passed from their command (cli.ts) to the vitest process that runs them through the
 * environment, since vitest owns the command line there.
 */
export interface ProofSettings {
	devices: number;
	minutes: number;
	seed: number | null;
	/** Load bench: seconds per step of the ramp that looks for the knee. */
	rampSeconds: number;
}

const ENV = {
	devices: 'TORTURE_DEVICES',
	minutes: 'TORTURE_MINUTES',
	seed: 'TORTURE_SEED',
	rampSeconds: 'TORTURE_RAMP_SECONDS'
} as const;

/** `--devices 50 --minutes 10 [--seed N] [--ramp-seconds 30]`, over the given defaults. */
export function parseArgs(argv: readonly string[], defaults: ProofSettings): ProofSettings {
	const settings = { ...defaults };
	for (let i = 0; i < argv.length; i += 2) {
		const [flag, value] = [argv[i], Number(argv[i + 1])];
		if (!Number.isFinite(value)) throw new Error(`${flag} needs a number`);
		if (flag === '--devices') settings.devices = value;
		else if (flag === '--minutes') settings.minutes = value;
		else if (flag === '--seed') settings.seed = value;
		else if (flag === '--ramp-seconds') settings.rampSeconds = value;
		else throw new Error(`unknown option ${flag}: use --devices N --minutes M [--seed S] [--ramp-seconds R]`);
	}
	return settings;
}

export function toEnv(settings: ProofSettings): Record<string, string> {
	return {
		[ENV.devices]: String(settings.devices),
		[ENV.minutes]: String(settings.minutes),
		[ENV.rampSeconds]: String(settings.rampSeconds),
		...(settings.seed === null ? {} : { [ENV.seed]: String(settings.seed) })
	};
}

export function fromEnv(env: NodeJS.ProcessEnv): ProofSettings {
	return {
		devices: Number(env[ENV.devices]),
		minutes: Number(env[ENV.minutes]),
		seed: env[ENV.seed] ? Number(env[ENV.seed]) : null,
		rampSeconds: Number(env[ENV.rampSeconds])
	};
}
