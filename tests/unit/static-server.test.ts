import { mkdtemp, mkdir, rm, utimes, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic, type StaticServer } from '../../scripts/static-server';

const SCRIPT = `export const greeting = ${JSON.stringify('你好, '.repeat(400))};\n`;
const PAGE = `<!doctype html><html><head><title>综窗助手</title></head><body>${'<p>shell</p>'.repeat(200)}</body></html>`;
const BROWSER = 'gzip, deflate, br, zstd';

interface Answer {
	status: number;
	headers: Record<string, string | string[] | undefined>;
	body: Buffer;
}

/** A raw request: unlike fetch, node:http neither asks for nor undoes any compression on its own. */
function get(server: StaticServer, path: string, headers: Record<string, string> = {}, method = 'GET') {
	return new Promise<Answer>((resolve, reject) => {
		const req = request(`${server.url}${path}`, { method, headers }, (response) => {
			const chunks: Buffer[] = [];
			response.on('data', (chunk: Buffer) => chunks.push(chunk));
			response.on('end', () =>
				resolve({ status: response.statusCode ?? 0, headers: response.headers, body: Buffer.concat(chunks) })
			);
		});
		req.on('error', reject);
		req.end();
	});
}

let root: string;
let server: StaticServer;

/** A build as adapter-static writes it with precompress: each text file with .br and .gz beside it. */
async function writePrecompressed(path: string, content: string): Promise<void> {
	await writeFile(path, content);
	await writeFile(`${path}.br`, brotliCompressSync(content));
	await writeFile(`${path}.gz`, gzipSync(content));
}

beforeAll(async () => {
	root = await mkdtemp(join(tmpdir(), 'hall-static-'));
	await mkdir(join(root, '_app', 'immutable', 'chunks'), { recursive: true });
	await writePrecompressed(join(root, 'index.html'), PAGE);
	await writePrecompressed(join(root, '_app', 'immutable', 'chunks', 'app.js'), SCRIPT);
	// Compressed copies of a tiny file are larger than it: they must never be sent.
	await writePrecompressed(join(root, 'tiny.txt'), 'ok');
	// A file changed after the build (as a deployment of sw.js would): its old .br and .gz are stale.
	await writePrecompressed(join(root, 'sw.js'), SCRIPT);
	const past = new Date(Date.now() - 60_000);
	await utimes(join(root, 'sw.js.br'), past, past);
	await utimes(join(root, 'sw.js.gz'), past, past);
	await writeFile(join(root, 'photo.png'), Buffer.alloc(2048, 7));
	server = await serveStatic({ root, port: 0 });
});

afterAll(async () => {
	await server.close();
	await rm(root, { recursive: true, force: true });
});

describe('static server compression', () => {
	it('sends brotli to a client that accepts it, with the compressed length and Vary', async () => {
		const answer = await get(server, '/_app/immutable/chunks/app.js', { 'accept-encoding': BROWSER });
		expect(answer.status).toBe(200);
		expect(answer.headers['content-encoding']).toBe('br');
		expect(answer.headers['vary']).toBe('Accept-Encoding');
		expect(answer.headers['content-type']).toBe('text/javascript; charset=utf-8');
		expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
		expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
		expect(answer.body.length).toBeLessThan(Buffer.byteLength(SCRIPT));
		expect(brotliDecompressSync(answer.body).toString()).toBe(SCRIPT);
	});

	it('sends gzip when the client accepts gzip but not brotli', async () => {
		for (const accept of ['gzip, deflate', 'br;q=0, gzip', 'gzip, br;q=0.5']) {
			const answer = await get(server, '/_app/immutable/chunks/app.js', { 'accept-encoding': accept });
			expect(answer.headers['content-encoding'], accept).toBe('gzip');
			expect(Number(answer.headers['content-length'])).toBe(answer.body.length);
			expect(gunzipSync(answer.body).toString()).toBe(SCRIPT);
		}
	});

	it('sends the file as it is when the client accepts neither, still with Vary', async () => {
		const variants: Record<string, string>[] = [
			{},
			{ 'accept-encoding': 'identity' },
			{ 'accept-encoding': 'deflate' }
		];
		for (const headers of variants) {
			const answer = await get(server, '/_app/immutable/chunks/app.js', headers);
			expect(answer.headers['content-encoding']).toBeUndefined();
			expect(answer.headers['vary']).toBe('Accept-Encoding');
			expect(Number(answer.headers['content-length'])).toBe(Buffer.byteLength(SCRIPT));
			expect(answer.body.toString()).toBe(SCRIPT);
		}
	});

	it('compresses the SPA fallback page for a client-side route', async () => {
		const answer = await get(server, '/tickets/some-record', { 'accept-encoding': BROWSER });
		expect(answer.status).toBe(200);
		expect(answer.headers['content-type']).toBe('text/html; charset=utf-8');
		expect(answer.headers['content-encoding']).toBe('br');
		expect(answer.headers['cache-control']).toBe('no-cache');
		expect(brotliDecompressSync(answer.body).toString()).toBe(PAGE);
	});

	it('answers HEAD with the headers GET would send and no body', async () => {
		const get200 = await get(server, '/login', { 'accept-encoding': BROWSER });
		const head = await get(server, '/login', { 'accept-encoding': BROWSER }, 'HEAD');
		expect(head.status).toBe(200);
		expect(head.body.length).toBe(0);
		for (const name of ['content-encoding', 'content-length', 'content-type', 'etag', 'vary'])
			expect(head.headers[name], name).toBe(get200.headers[name]);
	});

	it('never compresses the answer to a range request', async () => {
		const answer = await get(server, '/_app/immutable/chunks/app.js', {
			'accept-encoding': BROWSER,
			range: 'bytes=0-9'
		});
		expect(answer.headers['content-encoding']).toBeUndefined();
		expect(answer.body.toString()).toBe(SCRIPT);
	});

	it('gives each encoding its own ETag and answers 304 only for the one the client holds', async () => {
		const path = '/_app/immutable/chunks/app.js';
		const brotli = await get(server, path, { 'accept-encoding': BROWSER });
		const gzip = await get(server, path, { 'accept-encoding': 'gzip' });
		const plain = await get(server, path);
		const tags = [brotli, gzip, plain].map((answer) => answer.headers['etag']);
		expect(new Set(tags).size).toBe(3);

		const again = await get(server, path, { 'accept-encoding': BROWSER, 'if-none-match': String(tags[0]) });
		expect(again.status).toBe(304);
		expect(again.body.length).toBe(0);
		expect(again.headers['vary']).toBe('Accept-Encoding');
		expect(again.headers['etag']).toBe(tags[0]);

		const otherEncoding = await get(server, path, {
			'accept-encoding': 'gzip',
			'if-none-match': String(tags[0])
		});
		expect(otherEncoding.status).toBe(200);
		expect(otherEncoding.headers['content-encoding']).toBe('gzip');
	});

	it('answers 304 to If-Modified-Since at or after the file’s time, 200 before it', async () => {
		const first = await get(server, '/login', { 'accept-encoding': BROWSER });
		const lastModified = String(first.headers['last-modified']);
		const same = await get(server, '/login', {
			'accept-encoding': BROWSER,
			'if-modified-since': lastModified
		});
		expect(same.status).toBe(304);
		const earlier = new Date(Date.parse(lastModified) - 3_600_000).toUTCString();
		const older = await get(server, '/login', { 'accept-encoding': BROWSER, 'if-modified-since': earlier });
		expect(older.status).toBe(200);
	});

	it('skips compressed copies that are stale or larger than the file', async () => {
		const stale = await get(server, '/sw.js', { 'accept-encoding': BROWSER });
		expect(stale.headers['content-encoding']).toBeUndefined();
		expect(stale.body.toString()).toBe(SCRIPT);
		const tiny = await get(server, '/tiny.txt', { 'accept-encoding': BROWSER });
		expect(tiny.headers['content-encoding']).toBeUndefined();
		expect(tiny.body.toString()).toBe('ok');
	});

	it('leaves files without compressed copies, and 404s, alone', async () => {
		const image = await get(server, '/photo.png', { 'accept-encoding': BROWSER });
		expect(image.headers['content-encoding']).toBeUndefined();
		expect(image.headers['vary']).toBeUndefined();
		expect(image.body.length).toBe(2048);
		const missing = await get(server, '/_app/immutable/chunks/missing.js', { 'accept-encoding': BROWSER });
		expect(missing.status).toBe(404);
		expect(missing.headers['content-encoding']).toBeUndefined();
	});
});
