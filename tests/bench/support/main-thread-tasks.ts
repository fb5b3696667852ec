import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/**
 * The trace categories `mainThreadTasks` reads: the main thread's tasks (RunTask, as Lighthouse counts them) and
 * V8's sampling profile of the same threads, on one clock.
 */
export const TASK_TRACE_CATEGORIES = [
	'toplevel',
	'devtools.timeline',
	'disabled-by-default-devtools.timeline',
	'v8.execute',
	'disabled-by-default-v8.cpu_profiler'
];

interface CallFrame {
	functionName: string;
	url?: string;
	lineNumber: number;
	columnNumber: number;
}

interface ProfileNode {
	id: number;
	parent?: number;
	callFrame: CallFrame;
}

/** A trace event, only the fields read here. */
export interface TraceEvent {
	name: string;
	pid: number;
	tid: number;
	ts: number;
	dur?: number;
	id?: string;
	args?: {
		name?: string;
		data?: {
			startTime?: number;
			cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
			timeDeltas?: number[];
		};
	};
}

/** One task of the page's main thread (µs from its navigation), and where its JavaScript spent the time. */
export interface MainThreadTask {
	startUs: number;
	/** The task's start on the trace's own clock. */
	traceUs: number;
	durationUs: number;
	/** Inclusive time (µs) per function of the app's own sources (`name src/…:line`), most first. */
	sources: [string, number][];
	/** Self time (µs) per innermost frame, whatever its source (a library, the browser's own work), most first. */
	leaves: [string, number][];
	/** Time (µs) the task spent in layout: Lighthouse's simulation slows such a task by half its CPU factor. */
	layoutUs: number;
}

/**
 * Names a frame by its original source through the build's source maps (`buildDir/_app/immutable/**.map`): the
 * app's own files as `src/…:line`, a library's as `lib:<package>`; by its minified name and file when unmapped.
 */
function sourceNamer(buildDir: string): (frame: CallFrame) => string {
	const consumers = new Map<string, SourceMapConsumer | null>();
	return (frame) => {
		const url = frame.url ?? '';
		const name = frame.functionName || '(anonymous)';
		const at = url.indexOf('/_app/');
		const file = at >= 0 ? join(buildDir, url.slice(at + 1)) : '';
		if (!consumers.has(file)) {
			const map = `${file}.map`;
			consumers.set(
				file,
				file && existsSync(map)
					? new SourceMapConsumer(JSON.parse(readFileSync(map, 'utf8')) as RawSourceMap)
					: null
			);
		}
		const consumer = consumers.get(file);
		// A frame with no position (lineNumber -1, as the browser's own work is reported) has no mapping.
		if (!consumer || frame.lineNumber < 0) return `${name} ${url.split('/').pop() ?? ''}`.trim();
		const original = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
		const path = original.source ?? '?';
		const library = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path)?.[1];
		if (library) return `${original.name ?? name} lib:${library}`;
		return `${original.name ?? name} ${path.replace(/^.*?\/src\//, 'src/')}:${original.line ?? 0}`;
	};
}

const key = (event: TraceEvent): string => `${event.pid}:${event.tid}`;

/**
 * The page's main-thread tasks in a Chromium trace recorded with TASK_TRACE_CATEGORIES: the renderer main thread
 * that ran the most, its RunTask events (the boundaries Lighthouse's Total Blocking Time counts), and, for each,
 * the profile samples taken inside it, named through the build's source maps.
 */
export function mainThreadTasks(events: readonly TraceEvent[], buildDir: string): MainThreadTask[] {
	const threadNames = new Map<string, string>();
	for (const event of events) {
		if (event.name === 'thread_name' && event.args?.name) threadNames.set(key(event), event.args.name);
	}
	const busy = new Map<string, number>();
	const runTasks = events.filter(
		(event) => event.name === 'RunTask' && threadNames.get(key(event)) === 'CrRendererMain'
	);
	for (const task of runTasks) busy.set(key(task), (busy.get(key(task)) ?? 0) + (task.dur ?? 0));
	const main = [...busy].sort((a, b) => b[1] - a[1])[0]?.[0];
	if (!main) throw new Error('the trace has no renderer main thread');
	const tasks = runTasks.filter((task) => key(task) === main).sort((a, b) => a.ts - b.ts);

	// The thread's profile: a Profile event, then chunks of nodes and samples with the deltas between samples.
	const profile = events.find((event) => event.name === 'Profile' && key(event) === main);
	const nodes = new Map<number, ProfileNode>();
	const samples: { ts: number; node: number; us: number }[] = [];
	let at = profile?.args?.data?.startTime ?? 0;
	const chunks = events
		.filter((event) => event.name === 'ProfileChunk' && profile && event.id === profile.id)
		.sort((a, b) => a.ts - b.ts);
	for (const chunk of chunks) {
		const data = chunk.args?.data;
		for (const node of data?.cpuProfile?.nodes ?? []) nodes.set(node.id, node);
		const deltas = data?.timeDeltas ?? [];
		(data?.cpuProfile?.samples ?? []).forEach((node, index) => {
			const us = deltas[index] ?? 0;
			at += us;
			samples.push({ ts: at, node, us });
		});
	}

	const name = sourceNamer(buildDir);
	const names = new Map<number, string>();
	const nameOf = (id: number): string => {
		let known = names.get(id);
		if (known === undefined) {
			const node = nodes.get(id);
			known = node ? name(node.callFrame) : '?';
			names.set(id, known);
		}
		return known;
	};
	const origin = tasks[0]?.ts ?? 0;
	const layouts = events.filter((event) => event.name === 'Layout' && key(event) === main);
	let next = 0;
	return tasks.map((task) => {
		const end = task.ts + (task.dur ?? 0);
		const sources = new Map<string, number>();
		const leaves = new Map<string, number>();
		while (next < samples.length && (samples[next]?.ts ?? 0) < task.ts) next++;
		for (let index = next; index < samples.length && (samples[index]?.ts ?? 0) <= end; index++) {
			const { node: leaf, us } = samples[index] ?? { node: 0, us: 0 };
			leaves.set(nameOf(leaf), (leaves.get(nameOf(leaf)) ?? 0) + us);
			const seen = new Set<string>();
			for (let id: number | undefined = leaf; id !== undefined; id = nodes.get(id)?.parent) {
				const label = nameOf(id);
				if (!label.includes(' src/') || seen.has(label)) continue;
				seen.add(label);
				sources.set(label, (sources.get(label) ?? 0) + us);
			}
		}
		const ranked = (counts: Map<string, number>): [string, number][] =>
			[...counts].sort((a, b) => b[1] - a[1]);
		return {
			startUs: task.ts - origin,
			traceUs: task.ts,
			durationUs: task.dur ?? 0,
			sources: ranked(sources),
			leaves: ranked(leaves),
			layoutUs: layouts
				.filter((layout) => layout.ts >= task.ts && layout.ts < end)
				.reduce((sum, layout) => sum + (layout.dur ?? 0), 0)
		};
	});
}

/**
 * Two lines per task, longest first: when it started and how long it ran (and its layout), the app sources it
 * spent most in, and its innermost frames.
 */
export function describeTasks(tasks: readonly MainThreadTask[], limit: number): string[] {
	const ms = (us: number): number => Math.round(us / 1000);
	const named = (counts: [string, number][]): string =>
		counts
			.slice(0, 4)
			.map(([source, us]) => `${source} ${ms(us)}`)
			.join(' | ');
	return [...tasks]
		.sort((a, b) => b.durationUs - a.durationUs)
		.slice(0, limit)
		.flatMap((task) => [
			`  @${ms(task.startUs)} ms: ${ms(task.durationUs)} ms${task.layoutUs ? ` (layout ${ms(task.layoutUs)})` : ''}  ` +
				(named(task.sources) || '(no app code)'),
			`      innermost: ${named(task.leaves)}`
		]);
}
