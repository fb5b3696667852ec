/**
 * While devices run, what the app and its libraries print is collected instead of flooding the output: the
 * engine's own complaints (`sync: …`: an unexpected failure, rows it could not read) are defects the run reports;
 * auth-js logging a refresh that a fault broke is expected and only counted.
 */
export interface CapturedConsole {
	/** Lines the app's sync code printed. */
	readonly appComplaints: string[];
	/** How many lines libraries printed (transient network errors under faults). */
	libraryLines: number;
	restore(): void;
}

export function captureConsole(): CapturedConsole {
	const original = { error: console.error, warn: console.warn };
	const captured: CapturedConsole = {
		appComplaints: [],
		libraryLines: 0,
		restore() {
			console.error = original.error;
			console.warn = original.warn;
		}
	};
	const collect = (...args: unknown[]) => {
		if (typeof args[0] === 'string' && args[0].startsWith('sync:')) {
			captured.appComplaints.push(args.map(String).join(' '));
		} else {
			captured.libraryLines++;
		}
	};
	console.error = collect;
	console.warn = collect;
	return captured;
}
