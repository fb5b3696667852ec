// Sync under load: 50 simulated devices (the torture run's harness: the app's engine and device database in
// Node, real local stack, no faults) syncing for 10 minutes; p50/p95/p99 of push and pull, errors, and a ramp of
// device counts to find where p95 push passes 200 ms. Its own fresh stack. Shorter:
// `npx tsx tests/bench/sync-load.ts --devices 10 --minutes 1 [--ramp-seconds 20]`.
import { runProof } from '../torture/proof-command';

runProof('tests/torture/load.run.ts', { devices: 50, minutes: 10, seed: null, rampSeconds: 30 });
