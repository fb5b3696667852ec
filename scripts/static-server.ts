/**
 * A tiny static file server for the built app (`build/`): what any static host or CDN would do, and no more.
 * Listens on 127.0.0.1 only; unknown routes get the SPA fallback `index.html`; hashed assets are cached for a
 * year, and everything else is revalidated so a new build (and its service worker) is seen at once.
 *
 * Compression: the build writes `.br` and `.gz` beside each text file (adapter-static's `precompress`), and a
 * client is sent the best one its Accept-Encoding allows, with `Content-Encoding`, the compressed file's
 * `Content-Length` and its own ETag; `Vary: Accept-Encoding` on every answer for such a file, so a cache never
 * hands a compressed body to a client that cannot read it. Range requests get the file as it is (ranges of a
 * compressed body would be ranges of bytes the client never asked about; this server sends whole files).
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { acceptableCodings, PRECOMPRESSED } from './content-encoding';

const MIME_TYPES: Readonly<Record<string, string>> = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json; charset=utf-8',
	'.webmanifest': 'application/manifest+json; charset=utf-8',
	'.map': 'application/json; charset=utf-8',
	'.txt': 'text/plain; charset=utf-8',
	'.png': 'image/png',
	'.jpg': 'image/jpeg',
	'.webp': 'image/webp',
	'.svg': 'image/svg+xml',
	'.ico': 'image/x-icon',
	'.woff2': 'font/woff2'
};

const IMMUTABLE = 'public, max-age=31536000, immutable';
const REVALIDATE = 'no-cache';
const FALLBACK_PAGE = 'index.html';

export class PortInUseError extends Error {
	constructor(readonly port: number) {
		super(
			`Port ${port} (the app) is already in use on 127.0.0.1. Stop whatever listens there or choose another port.`
		);
		this.name = 'PortInUseError';
	}
}

export interface StaticServer {
	url: string;
	close(): Promise<void>;
}

/** File names under `/_app/immutable/` carry a content hash: they never change, so caches may keep them. */
function cacheControl(urlPath: string): string {
	return urlPath.startsWith('/_app/immutable/') ? IMMUTABLE : REVALIDATE;
}

interface FileInfo {
	path: string;
	size: number;
	mtime: Date;
}

/** What is sent for one request: the file itself or a precompressed sibling, and how it is encoded. */
interface Representation {
	file: FileInfo;
	/** The Content-Encoding, or null for the file as it is. */
	coding: string | null;
}

async function fileAt(root: string, urlPath: string): Promise<FileInfo | null> {
	const path = resolve(root, '.' + urlPath);
	// `..` in a URL must never reach outside the build directory.
	if (path !== root && !path.startsWith(root + sep)) return null;
	return statFile(path);
}

async function statFile(path: string): Promise<FileInfo | null> {
	const info = await stat(path).catch(() => null);
	return info?.isFile() ? { path, size: info.size, mtime: info.mtime } : null;
}

/**
 * The precompressed siblings of `file` that are usable at all: present, written after the file (a stale one
 * from an earlier build is never served) and smaller than it (tiny files can grow when compressed).
 */
async function precompressedSiblings(file: FileInfo): Promise<Map<string, FileInfo>> {
	const siblings = new Map<string, FileInfo>();
	for (const { coding, suffix } of PRECOMPRESSED) {
		const sibling = await statFile(file.path + suffix);
		if (sibling && sibling.mtime >= file.mtime && sibling.size < file.size) siblings.set(coding, sibling);
	}
	return siblings;
}

function chooseRepresentation(
	request: IncomingMessage,
	file: FileInfo,
	siblings: ReadonlyMap<string, FileInfo>
): Representation {
	if (request.headers.range !== undefined) return { file, coding: null };
	for (const { coding } of acceptableCodings(request.headers['accept-encoding'])) {
		const sibling = siblings.get(coding);
		if (sibling) return { file: sibling, coding };
	}
	return { file, coding: null };
}

/** A strong validator per representation: the brotli and gzip bodies of one file are different bytes. */
function entityTag({ file, coding }: Representation): string {
	const version = `${file.size.toString(16)}-${Math.floor(file.mtime.getTime()).toString(16)}`;
	return `"${version}${coding ? `-${coding}` : ''}"`;
}

/**
 * RFC 9110 §13.2.2: If-None-Match decides when present (weak comparison, `*` matches anything); otherwise
 * If-Modified-Since, at the one-second resolution of HTTP dates.
 */
function notModified(request: IncomingMessage, etag: string, mtime: Date): boolean {
	const ifNoneMatch = request.headers['if-none-match'];
	if (ifNoneMatch !== undefined) {
		const tags = ifNoneMatch.split(',').map((tag) => tag.trim().replace(/^W\//, ''));
		return tags.includes('*') || tags.includes(etag);
	}
	const since = Date.parse(request.headers['if-modified-since'] ?? '');
	return !Number.isNaN(since) && Math.floor(mtime.getTime() / 1000) * 1000 <= since;
}

/**
 * What a page cannot say about itself in a meta tag: that no other site may frame it (clickjacking), and that it
 * sends no Referer. The rest of the Content-Security-Policy ships inside the HTML (csp.config.js).
 */
function securityHeaders(): Record<string, string> {
	return {
		'Content-Security-Policy': "frame-ancestors 'none'",
		'X-Frame-Options': 'DENY',
		'Referrer-Policy': 'no-referrer'
	};
}

async function handle(root: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
	if (request.method !== 'GET' && request.method !== 'HEAD') {
		response.writeHead(405, { Allow: 'GET, HEAD' }).end();
		return;
	}
	let urlPath: string;
	try {
		urlPath = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
	} catch {
		response.writeHead(400).end();
		return;
	}
	let file = await fileAt(root, urlPath);
	// Client-side routes (no file extension) get the app shell; a missing asset is a real 404, not HTML.
	if (!file && extname(urlPath) === '') file = await fileAt(root, '/' + FALLBACK_PAGE);
	if (!file) {
		response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found');
		return;
	}
	const siblings = await precompressedSiblings(file);
	const chosen = chooseRepresentation(request, file, siblings);
	const etag = entityTag(chosen);
	const headers: Record<string, string> = {
		'Cache-Control': cacheControl(urlPath),
		ETag: etag,
		'Last-Modified': file.mtime.toUTCString(),
		'X-Content-Type-Options': 'nosniff',
		...securityHeaders()
	};
	// Every answer for a file that has compressed versions depends on Accept-Encoding, the identity one too.
	if (siblings.size > 0) headers['Vary'] = 'Accept-Encoding';
	if (notModified(request, etag, file.mtime)) {
		response.writeHead(304, headers).end();
		return;
	}
	response.writeHead(200, {
		...headers,
		// The type of the file asked for, never of the `.br`/`.gz` that carries it.
		'Content-Type': MIME_TYPES[extname(file.path)] ?? 'application/octet-stream',
		...(chosen.coding ? { 'Content-Encoding': chosen.coding } : {}),
		'Content-Length': String(chosen.file.size)
	});
	if (request.method === 'HEAD') response.end();
	else createReadStream(chosen.file.path).pipe(response);
}

export function serveStatic(options: { root: string; port: number }): Promise<StaticServer> {
	const root = resolve(options.root);
	const server = createServer((request, response) => {
		handle(root, request, response).catch((error: unknown) => {
			console.error('static server:', error);
			if (!response.headersSent) response.writeHead(500);
			response.end();
		});
	});
	return new Promise((resolvePromise, reject) => {
		server.once('error', (error: NodeJS.ErrnoException) => {
			reject(error.code === 'EADDRINUSE' ? new PortInUseError(options.port) : error);
		});
		server.listen({ port: options.port, host: '127.0.0.1', exclusive: true }, () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : options.port;
			resolvePromise({
				url: `http://127.0.0.1:${port}`,
				close: () =>
					new Promise<void>((done) => {
						server.close(() => done());
						// Keep-alive connections from a browser would otherwise hold the process open.
						server.closeAllConnections();
					})
			});
		});
	});
}

/** True when `root` holds a build (adapter-static's fallback page is always written). */
export async function hasBuild(root: string): Promise<boolean> {
	return (await fileAt(resolve(root), '/' + FALLBACK_PAGE)) !== null;
}
