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

/** Asks the kernel for a free ephemeral port (tests and benchmarks never collide with a running stack). */
export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const probe = net.createServer();
		probe.once('error', reject);
		probe.listen({ port: 0, host: '127.0.0.1' }, () => {
			const address = probe.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			probe.close(() => (port ? resolve(port) : reject(new Error('could not allocate a free port'))));
		});
	});
}
