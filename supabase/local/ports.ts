import net from 'node:net';

/** A port someone else already listens on; the message names the variable that moves the stack elsewhere. */
export class PortInUseError extends Error {
	constructor(
		readonly port: number,
		readonly envVar: string,
		what: string
	) {
		super(
			`Port ${port} (${what}) is already in use on 127.0.0.1. ` +
				`Stop whatever listens there, or choose another port with ${envVar}=<port>.`
		);
		this.name = 'PortInUseError';
	}
}

/** Resolves true when nothing listens on 127.0.0.1:port (checked by binding it for a moment). */
export function isPortFree(port: number): Promise<boolean> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', (error: NodeJS.ErrnoException) => {
			if (error.code === 'EADDRINUSE' || error.code === 'EACCES') resolve(false);
			else reject(error);
		});
		probe.listen({ port, host: '127.0.0.1', exclusive: true }, () => probe.close(() => resolve(true)));
	});
}

export async function assertPortFree(port: number, envVar: string, what: string): Promise<void> {
	if (!(await isPortFree(port))) throw new PortInUseError(port, envVar, what);
}

/**
 * Where freePort looks: below Linux's ephemeral range (32768–60999), from which every outgoing connection (a
 * database client's, a fetch's) takes its local port. A port the kernel chose there could be taken by such a
 * connection between the check and the server's listen (a stack starting in a test failed so, EADDRINUSE); and
 * below the e2e run's (25173…) and the benches' (28173…) fixed ports.
 */
const FREE_PORT_RANGE = { from: 20_000, to: 24_999 };

/** A port nothing listens on, for a test's or benchmark's own stack (never colliding with a running one). */
export async function freePort(): Promise<number> {
	const { from, to } = FREE_PORT_RANGE;
	for (let attempt = 0; attempt < 100; attempt++) {
		const port = from + Math.floor(Math.random() * (to - from + 1));
		if (await isPortFree(port)) return port;
	}
	throw new Error(`could not find a free port between ${from} and ${to}`);
}
