// `npm run torture -- --devices 50 --minutes 10 [--seed N]`: the long torture run on a fresh stack of its own,
// printing its report (docs/TESTING.md). Fails when a check fails.
import { runProof } from './proof-command';

runProof('tests/torture/long.run.ts', { devices: 50, minutes: 10, seed: null, rampSeconds: 0 });
