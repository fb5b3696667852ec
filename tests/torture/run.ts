import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { registry } from '../../src/lib/features/registry';
import type { RejectedEntry } from '../../src/lib/local/db';
import { discardRejected } from '../../src/lib/local/rejected';
import { LocalWriteError } from '../../src/lib/local/write-error';
import {
	checkConvergence,
	checkExactlyOnce,
	type Convergence,
	type CreatedOp,
	type ExactlyOnce
} from './checks';
import { captureConsole } from './console-capture';
import { TortureDevice } from './device';
import { FaultProxy, type FaultKind } from './fault-proxy';
import { Latencies } from './latency';
import { personFor } from './people';
import { seededRng } from './prng';
import { workloadsFor, type Workload } from './workload';
import { allWorkloads } from './workloads';

/**
 * The torture run: N devices with the app's real engine and device database work, go offline, get killed mid-push
 * and relaunched, all through the fault proxy; then faults stop, every device syncs to the end, and the checks
 * run (docs/TESTING.md). With faultRate and killChance 0 and no offline spells it is the load bench's harness.
 */
export interface RunOptions {
	devices: number;
	/** How long the devices work (at least, with untilFaults). */
	durationMs: number;
	/**
	 * Work on past durationMs until the proxy has injected this many faults, but not past maxDurationMs: a machine
	 * busy with other work serves fewer requests in the same time.
	 */
	untilFaults?: { faults: number; maxDurationMs: number };
	seed: number;
	/** Share of sync requests the proxy breaks. */
	faultRate: number;
	/** Chance that a push is the moment its device is killed. */
	killChance: number;
	/** Chance per moment (every 50–250 ms) that the person does something on the device. */
	workChance: number;
	/** Chance per moment that the device goes offline for a few seconds. */
	offlineChance: number;
	stack: { url: string; anonKey: string; databaseUrl: string };
	/** The final sync must be done by then (ms after the work stops). */
	settleMs?: number;
	log?: (line: string) => void;
}

export interface RejectionSeen {
	entry: RejectedEntry;
	device: number;
	/** Why the workload meant it, or null: a rejection nobody meant. */
	meant: string | null;
}

export interface RunReport {
	seed: number;
	devices: number;
	people: number;
	halls: number;
	durationMs: number;
	opsByType: Record<string, number>;
	faults: Record<FaultKind, number>;
	totalFaults: number;
	requests: number;
	/** Requests the proxy failed to forward without meaning to (should be 0). */
	upstreamFailures: number;
	offlineSpells: number;
	restarts: number;
	exactlyOnce: ExactlyOnce;
	convergence: Convergence;
	rejections: RejectionSeen[];
	unexpectedErrors: string[];
	/** Lines libraries (auth-js) printed about transient failures. */
	libraryLogLines: number;
	push: Latencies;
	pull: Latencies;
	/** Registered op types no device created in this run. */
	opTypesNeverMade: string[];
	/** How busy this process's event loop was while the devices worked (1 = never idle: the run is CPU-bound). */
	eventLoopUtilization: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function runTorture(options: RunOptions): Promise<RunReport> {
	const log = options.log ?? (() => undefined);
	const rng = seededRng(options.seed);
	const runTag = options.seed.toString(36).toUpperCase().slice(-3).padStart(3, '0');
	const workloads = workloadsFor(registry, allWorkloads());
	// A workflow with no op types (the staff directory) has nothing to do: its steps go to the others.
	const withOps = workloads.filter((workload) => workload.opTypes.length > 0);
	const db = new pg.Pool({ connectionString: options.stack.databaseUrl, max: 3 });
	const proxy = new FaultProxy({ target: options.stack.url, rng, faultRate: options.faultRate });
	const created = new Map<string, CreatedOp>();
	const push = new Latencies();
	const pull = new Latencies();
	const unexpectedErrors: string[] = [];
	const rejections = new Map<string, RejectionSeen>();
	let killChance = options.killChance;
	let offlineSpells = 0;
	const started = performance.now();
	const devices: TortureDevice[] = [];
	const printed = captureConsole();
	try {
		await proxy.start();
		const { rows } = await db.query<{ now: Date }>('select now()');
		const startedAt = rows[0]!.now;
		const { rows: versions } = await db.query<{ hall_id: string; version: string }>(
			'select hall_id, version from app.hall_versions'
		);
		const hallVersions = new Map(versions.map((row) => [row.hall_id, Number(row.version)]));

		for (let index = 1; index <= options.devices; index++) {
			devices.push(
				new TortureDevice(index, personFor(index), proxy.url(index), options.stack.anonKey, {
					rng,
					killChance: () => killChance,
					onOpCreated: (device, entry) =>
						created.set(`${entry.actor.user_id}/${entry.op_id}`, { entry, device: device.index }),
					onCall: (kind, ms, error) => (kind === 'push' ? push : pull).add(ms, error)
				})
			);
		}
		// A few at a time: a hall's tablets are not all switched on in the same second.
		for (let i = 0; i < devices.length; i += 5)
			await Promise.all(devices.slice(i, i + 5).map((d) => d.boot()));
		log(
			`torture: ${devices.length} devices signed in; working for ${(options.durationMs / 1000).toFixed(0)} s`
		);

		const meant = async (entry: RejectedEntry): Promise<string | null> => {
			const workload = workloadOf(workloads, entry.type);
			return workload ? workload.meantRejection(entry, db) : null;
		};
		/** A person reads the needs-attention list: gives up what was refused as meant, leaves the rest. */
		const resolve = async (device: TortureDevice): Promise<void> => {
			const refused = await device.db.rejected
				.filter((entry) => entry.actor.user_id === device.actor.user_id)
				.toArray();
			for (const entry of refused) {
				const reason = await meant(entry);
				rejections.set(entry.op_id, { entry, device: device.index, meant: reason });
				if (reason !== null && entry.seq !== undefined) await discardRejected(device.db, registry, entry.seq);
			}
		};

		const loopBefore = performance.eventLoopUtilization();
		const workStarted = Date.now();
		const working = (): boolean => {
			const elapsed = Date.now() - workStarted;
			if (elapsed < options.durationMs) return true;
			const until = options.untilFaults;
			return until !== undefined && proxy.totalFaults < until.faults && elapsed < until.maxDurationMs;
		};
		const live = async (device: TortureDevice): Promise<void> => {
			let offlineUntil = 0;
			while (working()) {
				if (device.killPending) {
					await device.relaunch();
					continue;
				}
				await sleep(rng.int(50, 250));
				const now = Date.now();
				if (offlineUntil !== 0 && now > offlineUntil) {
					offlineUntil = 0;
					proxy.setOffline(device.index, false);
					void device.engine.sync();
				} else if (offlineUntil === 0 && rng.chance(options.offlineChance)) {
					offlineUntil = now + rng.int(1_000, 8_000);
					offlineSpells++;
					proxy.setOffline(device.index, true);
				}
				try {
					if (rng.chance(options.workChance))
						await rng.pick(withOps).step({
							index: device.index,
							db: device.db,
							actor: device.actor,
							isManager: device.isManager,
							rng,
							runTag
						});
					if (rng.chance(0.03)) await resolve(device);
				} catch (error) {
					// A refused local write (a record deleted meanwhile) is the app telling the user; anything else is not.
					if (!(error instanceof LocalWriteError))
						unexpectedErrors.push(`device ${device.index}: ${String(error)}`);
				}
				// The app syncs after each write and on its timer; here each device asks often, so the network (and its
				// faults) are busy while local work stays at a person's pace. A cycle asked for during one runs after it.
				if (offlineUntil === 0) void device.engine.sync();
			}
			proxy.setOffline(device.index, false);
		};
		await Promise.all(devices.map(live));
		const eventLoopUtilization = performance.eventLoopUtilization(loopBefore).utilization;

		log(`torture: work stopped; faults off, final sync`);
		proxy.faultsOn = false;
		killChance = 0;
		const deadline = Date.now() + (options.settleMs ?? 120_000);
		for (const device of devices) if (device.killPending) await device.relaunch();
		await Promise.all(devices.map((device) => device.syncUntilSettled(deadline)));
		for (const device of devices) await resolve(device);
		await Promise.all(devices.map((device) => device.syncUntilSettled(deadline)));
		// Everyone has pushed everything now; one more cycle each pulls what the last pushers sent.
		await Promise.all(devices.map((device) => device.syncUntilSettled(deadline)));
		for (const device of devices) device.engine.stop();

		const userIds = [...new Set(devices.map((device) => device.actor.user_id))];
		const exactlyOnce = await checkExactlyOnce(db, created, { startedAt, userIds, hallVersions });
		const convergence = await checkConvergence(devices, options.stack, db);
		const opsByType = Object.fromEntries(registry.ops.map(({ spec }) => [spec.type, 0]));
		for (const { entry } of created.values()) opsByType[entry.type] = (opsByType[entry.type] ?? 0) + 1;
		return {
			seed: options.seed,
			devices: devices.length,
			people: new Set(devices.map((device) => device.person.email)).size,
			halls: new Set(devices.map((device) => device.actor.hall_id)).size,
			durationMs: performance.now() - started,
			opsByType,
			faults: { ...proxy.faults },
			totalFaults: proxy.totalFaults,
			requests: proxy.requests,
			upstreamFailures: proxy.upstreamFailures,
			offlineSpells,
			restarts: devices.reduce((sum, device) => sum + device.restarts, 0),
			exactlyOnce,
			convergence,
			rejections: [...rejections.values()],
			unexpectedErrors: [...unexpectedErrors, ...printed.appComplaints],
			libraryLogLines: printed.libraryLines,
			push,
			pull,
			eventLoopUtilization,
			opTypesNeverMade: Object.entries(opsByType)
				.filter(([, count]) => count === 0)
				.map(([type]) => type)
		};
	} finally {
		printed.restore();
		for (const device of devices) {
			try {
				device.kill();
			} catch {
				// never booted
			}
		}
		await proxy.close();
		await db.end();
	}
}

function workloadOf(workloads: readonly Workload[], opType: string): Workload | undefined {
	return workloads.find((workload) => workload.opTypes.includes(opType));
}
