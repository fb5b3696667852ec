import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SourceMapConsumer, type RawSourceMap } from 'source-map-js';

/** A V8 CPU profile as Chromium's Profiler.stop returns it (only the parts read here). */
export interface CpuProfile {
	nodes: { id: number; callFrame: CallFrame; children?: number[] }[];
	startTime: number;
	samples?: number[];
	timeDeltas?: number[];
}
interface CallFrame {
	functionName: string;
	url: string;
	lineNumber: number;
	columnNumber: number;
}

/** A run of samples with no idle between them: what the main thread did in one go (µs). */
export interface ProfileTask {
	startUs: number;
	durationUs: number;
	/** Inclusive time per function of the app's own sources (`name src/…:line`), most first. */
	sources: [string, number][];
}

/**
 * Names a frame by its original source through the build's source maps (`buildDir/_app/immutable/**.map`), or by
 * its minified name and file when there is no map.
 */
function sourceNamer(buildDir: string): (frame: CallFrame) => string {
	const consumers = new Map<string, SourceMapConsumer | null>();
	return (frame) => {
		const at = frame.url.indexOf('/_app/');
		const file = at >= 0 ? join(buildDir, frame.url.slice(at + 1)) : '';
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
		const name = frame.functionName || '(anonymous)';
		if (!consumer) return `${name} ${frame.url.split('/').pop() ?? ''}`;
		const original = consumer.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber });
		// The app's own files as src/…, a library's as <package>/….
		const path = original.source ?? '?';
		const library = /node_modules\/(.*)$/.exec(path)?.[1];
		const source = library ?? path.replace(/^.*?\/src\//, 'src/');
		return `${original.name ?? name} ${source}:${original.line ?? 0}`;
	};
}

/** Cuts the profile into tasks and names what each spent its time in (the app's own sources only). */
export function profileTasks(profile: CpuProfile, buildDir: string): ProfileTask[] {
	const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
	const parent = new Map<number, number>();
	for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
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

	const tasks: { startUs: number; endUs: number; samples: [number, number][] }[] = [];
	let current: (typeof tasks)[number] | null = null;
	let at = profile.startTime;
	const deltas = profile.timeDeltas ?? [];
	(profile.samples ?? []).forEach((sample, index) => {
		const delta = deltas[index] ?? 0;
		at += delta;
		if (nodes.get(sample)?.callFrame.functionName === '(idle)') {
			if (current) tasks.push(current);
			current = null;
			return;
		}
		current ??= { startUs: at, endUs: at, samples: [] };
		current.endUs = at;
		current.samples.push([sample, delta]);
	});
	if (current) tasks.push(current);

	return tasks.map((task) => {
		const inclusive = new Map<string, number>();
		for (const [sample, delta] of task.samples) {
			const seen = new Set<string>();
			for (let id: number | undefined = sample; id !== undefined; id = parent.get(id)) {
				const label = nameOf(id);
				if (!label.includes(' src/') || seen.has(label)) continue;
				seen.add(label);
				inclusive.set(label, (inclusive.get(label) ?? 0) + delta);
			}
		}
		return {
			startUs: task.startUs - profile.startTime,
			durationUs: task.endUs - task.startUs,
			sources: [...inclusive].sort((a, b) => b[1] - a[1])
		};
	});
}
