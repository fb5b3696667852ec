import { createHash } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type pg from 'pg';
import type { GatewayContext } from '../context';
import { headerValue, sendJson } from '../http';
import { checkApiKey, sendApiKeyError, type RequestIdentity } from '../identity';
import { signJwt, verifyJwt } from '../jwt';
import { BodyTooLargeError, readBody, readBodyBytes } from '../request-body';
import { decodePathSegment } from '../url-path';
import { asCaller, asStorageAdmin, StorageRefusal, storageIdentity } from './caller';
import { sendStorageError, storageErrors, type StorageError } from './errors';
import type { ObjectFiles } from './files';

/**
 * The subset of Supabase Storage's HTTP API (/storage/v1) the app uses, on Storage's own contract: the same
 * paths, the storage.buckets / storage.objects rows, Storage RLS deciding every object access (queries run as the
 * caller's role), bucket limits, and Storage's error bodies. Anything else answers 501.
 */
export interface StorageContext {
	gateway: GatewayContext;
	files: ObjectFiles;
}

interface ObjectRow {
	id: string;
	metadata: ObjectMetadata | null;
	updated_at: Date;
}

interface ObjectMetadata {
	eTag: string;
	size: number;
	mimetype: string;
	cacheControl: string;
	lastModified: string;
	contentLength: number;
	httpStatusCode: number;
}

/** Storage's key rule: printable characters a URL path and S3 both carry safely. */
const validKey = /^(\w|\/|!|-|\.|\*|'|\(|\)| |&|\$|@|=|;|:|\+|,|\?)*$/;

export async function handleStorage(
	storage: StorageContext,
	request: IncomingMessage,
	response: ServerResponse,
	url: URL
): Promise<void> {
	const context = storage.gateway;
	const method = request.method ?? 'GET';
	const segments = url.pathname
		.replace(/^\/storage\/v1\//, '')
		.split('/')
		.map(decodePathSegment);
	const [area, first, ...rest] = segments;
	const notServed = () => sendNotServed(response, method, url.pathname);
	if (area !== 'object' || first === undefined || first === '') return notServed();

	// A signed URL is its own credential: Supabase's API gateway lets it through without an apikey.
	if (first === 'sign' && (method === 'GET' || method === 'HEAD')) {
		return readSigned(storage, request, response, url, rest);
	}
	const apiKey = checkApiKey(context, request, url);
	if (!apiKey.ok) return sendApiKeyError(response, apiKey.missing);
	const identity = storageIdentity(context, request, apiKey.claims);
	if ('failure' in identity) return sendStorageError(response, identity.failure);

	if (first === 'sign' && method === 'POST') return sign(storage, request, response, url, identity, rest);
	if (first === 'authenticated' && (method === 'GET' || method === 'HEAD'))
		return download(storage, request, response, url, identity, rest);
	if (['public', 'info', 'list', 'list-v2', 'move', 'copy', 'upload', 'sign'].includes(first))
		return notServed();
	if (rest.length === 0) {
		if (method === 'DELETE') return removeObjects(storage, request, response, url, identity, first);
		return notServed();
	}
	if (method === 'POST' || method === 'PUT')
		return upload(storage, request, response, url, identity, [first, ...rest]);
	if (method === 'GET' || method === 'HEAD')
		return download(storage, request, response, url, identity, [first, ...rest]);
	return notServed();
}

function sendNotServed(response: ServerResponse, method: string, path: string): void {
	sendJson(response, 501, {
		statusCode: '501',
		code: 'LOCAL501',
		error: 'Not Implemented',
		message:
			`The local Supabase stack does not implement ${method} ${path}; it serves Storage uploads (POST/PUT ` +
			'/object/<bucket>/<path>), authenticated downloads, signed URLs and deletes (DELETE /object/<bucket>) only'
	});
}

/** `[bucket, ...path]` → bucket and object name, or a Storage error for an empty or invalid key. */
function objectKey(parts: string[]): { bucket: string; name: string } | { failure: StorageError } {
	const [bucket = '', ...path] = parts;
	const name = path.join('/');
	if (bucket === '' || name === '') return { failure: storageErrors.invalidKey(`${bucket}/${name}`) };
	if (!validKey.test(name) || path.some((part) => part === '' || part === '.' || part === '..'))
		return { failure: storageErrors.invalidKey(name) };
	return { bucket, name };
}

interface UploadedFile {
	bytes: Buffer;
	mimetype: string;
	cacheControl: string;
}

/** The file of an upload: the body itself, or (from a Blob, as storage-js sends it) the first file of a form. */
async function uploadedFile(request: IncomingMessage, body: Buffer): Promise<UploadedFile | StorageError> {
	const contentType = headerValue(request, 'content-type') ?? '';
	if (!/^multipart\/form-data/i.test(contentType)) {
		return {
			bytes: body,
			mimetype: contentType.split(';')[0]?.trim() || 'text/plain',
			cacheControl: headerValue(request, 'cache-control') ?? 'no-cache'
		};
	}
	let form: FormData;
	try {
		form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
	} catch {
		return storageErrors.invalidRequest('The multipart body could not be read');
	}
	const file = [...form.values()].find((value): value is File => typeof value !== 'string');
	if (!file) return storageErrors.missingParameter('file');
	const seconds = form.get('cacheControl');
	return {
		bytes: Buffer.from(await file.arrayBuffer()),
		mimetype: file.type || 'text/plain',
		cacheControl: typeof seconds === 'string' && /^\d+$/.test(seconds) ? `max-age=${seconds}` : 'no-cache'
	};
}

/** A bucket's allowed_mime_types entry matches exactly, or by `type/*`. */
function mimeAllowed(allowed: string[] | null, mimetype: string): boolean {
	if (!allowed || allowed.length === 0) return true;
	return allowed.some(
		(entry) => entry === mimetype || (entry.endsWith('/*') && mimetype.startsWith(entry.slice(0, -1)))
	);
}

async function upload(
	storage: StorageContext,
	request: IncomingMessage,
	response: ServerResponse,
	url: URL,
	identity: RequestIdentity,
	parts: string[]
): Promise<void> {
	const key = objectKey(parts);
	if ('failure' in key) return sendStorageError(response, key.failure);
	let body: Buffer;
	try {
		body = await readBodyBytes(request);
	} catch (error) {
		if (!(error instanceof BodyTooLargeError)) throw error;
		sendStorageError(response, storageErrors.entityTooLarge());
		if (!error.drained) response.once('finish', () => request.socket.destroy());
		return;
	}
	const file = await uploadedFile(request, body);
	if ('statusCode' in file) return sendStorageError(response, file);
	const upsert = request.method === 'PUT' || headerValue(request, 'x-upsert') === 'true';
	const owner = typeof identity.claims.sub === 'string' ? identity.claims.sub : null;
	const result = await asCaller(storage.gateway, identity, request, url, false, async (db) => {
		const bucket = await asStorageAdmin(db, identity, async () => {
			const found = await db.query<{ file_size_limit: string | null; allowed_mime_types: string[] | null }>(
				'select file_size_limit, allowed_mime_types from storage.buckets where id = $1',
				[key.bucket]
			);
			return found.rows[0];
		});
		if (!bucket) throw new StorageRefusal(storageErrors.noSuchBucket());
		if (bucket.file_size_limit !== null && file.bytes.length > Number(bucket.file_size_limit))
			throw new StorageRefusal(storageErrors.entityTooLarge());
		if (!mimeAllowed(bucket.allowed_mime_types, file.mimetype))
			throw new StorageRefusal(storageErrors.invalidMimeType(file.mimetype));
		const metadata = objectMetadata(file);
		const values = [key.bucket, key.name, isUuid(owner) ? owner : null, owner, JSON.stringify(metadata)];
		const written =
			request.method === 'PUT'
				? await db.query<{ id: string }>(
						`update storage.objects set owner = $3, owner_id = $4, metadata = $5, updated_at = now()
						 where bucket_id = $1 and name = $2 returning id`,
						values
					)
				: await db.query<{ id: string }>(
						`insert into storage.objects (bucket_id, name, owner, owner_id, metadata) values ($1, $2, $3, $4, $5)
						 ${upsert ? 'on conflict (bucket_id, name) do update set owner = excluded.owner, owner_id = excluded.owner_id, metadata = excluded.metadata, updated_at = now()' : ''}
						 returning id`,
						values
					);
		const row = written.rows[0];
		if (!row) throw new StorageRefusal(storageErrors.noSuchKey());
		// The row is locked until commit, so concurrent uploads of one name write their bytes one after another.
		await storage.files.write(key.bucket, key.name, file.bytes);
		return row.id;
	});
	if ('failure' in result) return sendStorageError(response, result.failure);
	sendJson(response, 200, { Id: result.value, Key: `${key.bucket}/${key.name}` });
}

function objectMetadata(file: UploadedFile): ObjectMetadata {
	return {
		eTag: `"${createHash('md5').update(file.bytes).digest('hex')}"`,
		size: file.bytes.length,
		mimetype: file.mimetype,
		cacheControl: file.cacheControl,
		lastModified: new Date().toUTCString(),
		contentLength: file.bytes.length,
		httpStatusCode: 200
	};
}

const isUuid = (value: string | null): value is string =>
	value !== null && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);

async function findObject(db: pg.PoolClient, bucket: string, name: string): Promise<ObjectRow> {
	const found = await db.query<ObjectRow>(
		'select id, metadata, updated_at from storage.objects where bucket_id = $1 and name = $2 limit 1',
		[bucket, name]
	);
	const row = found.rows[0];
	if (!row) throw new StorageRefusal(storageErrors.noSuchKey());
	return row;
}

async function download(
	storage: StorageContext,
	request: IncomingMessage,
	response: ServerResponse,
	url: URL,
	identity: RequestIdentity,
	parts: string[]
): Promise<void> {
	const key = objectKey(parts);
	if ('failure' in key) return sendStorageError(response, key.failure);
	const result = await asCaller(storage.gateway, identity, request, url, true, (db) =>
		findObject(db, key.bucket, key.name)
	);
	if ('failure' in result) return sendStorageError(response, result.failure);
	await sendObject(storage, request, response, key, result.value);
}

async function sendObject(
	storage: StorageContext,
	request: IncomingMessage,
	response: ServerResponse,
	key: { bucket: string; name: string },
	row: ObjectRow,
	extraHeaders: Record<string, string> = {}
): Promise<void> {
	const bytes = await storage.files.read(key.bucket, key.name);
	if (!bytes) return sendStorageError(response, storageErrors.noSuchKey());
	response.writeHead(200, {
		'Content-Type': row.metadata?.mimetype ?? 'application/octet-stream',
		'Content-Length': String(bytes.length),
		'Cache-Control': row.metadata?.cacheControl ?? 'no-cache',
		ETag: row.metadata?.eTag ?? '',
		'Last-Modified': row.updated_at.toUTCString(),
		...extraHeaders
	});
	response.end(request.method === 'HEAD' ? undefined : bytes);
}

async function sign(
	storage: StorageContext,
	request: IncomingMessage,
	response: ServerResponse,
	url: URL,
	identity: RequestIdentity,
	parts: string[]
): Promise<void> {
	const key = objectKey(parts);
	if ('failure' in key) return sendStorageError(response, key.failure);
	let expiresIn: unknown;
	try {
		expiresIn = (JSON.parse((await readBody(request)) || '{}') as { expiresIn?: unknown }).expiresIn;
	} catch {
		return sendStorageError(response, storageErrors.invalidRequest('Body is not valid JSON'));
	}
	if (expiresIn === undefined) return sendStorageError(response, storageErrors.missingParameter('expiresIn'));
	if (typeof expiresIn !== 'number' || !Number.isFinite(expiresIn) || expiresIn < 1)
		return sendStorageError(
			response,
			storageErrors.invalidRequest('expiresIn must be a number greater than 0')
		);
	// Signing needs the caller to see the object: a signed URL never reaches further than Storage RLS does.
	const result = await asCaller(storage.gateway, identity, request, url, true, (db) =>
		findObject(db, key.bucket, key.name)
	);
	if ('failure' in result) return sendStorageError(response, result.failure);
	const now = Math.floor(Date.now() / 1000);
	const objectUrl = `${key.bucket}/${key.name}`;
	const token = signJwt(
		{ url: objectUrl, scope: 'download', iat: now, exp: now + Math.floor(expiresIn) },
		storage.gateway.jwtSecret
	);
	sendJson(response, 200, { signedURL: `/object/sign/${objectUrl}?token=${token}` });
}

async function readSigned(
	storage: StorageContext,
	request: IncomingMessage,
	response: ServerResponse,
	url: URL,
	parts: string[]
): Promise<void> {
	const key = objectKey(parts);
	if ('failure' in key) return sendStorageError(response, key.failure);
	const token = url.searchParams.get('token');
	if (!token) return sendStorageError(response, storageErrors.missingParameter('token'));
	const verified = verifyJwt(token, storage.gateway.jwtSecret, { skewSeconds: 0 });
	if (!verified.ok)
		return sendStorageError(
			response,
			verified.failure.kind === 'expired'
				? storageErrors.invalidJwt('jwt expired')
				: storageErrors.invalidJwt('invalid signature')
		);
	if (verified.claims.scope !== 'download')
		return sendStorageError(response, storageErrors.invalidSignature('Token is not scoped for download'));
	if (verified.claims.url !== `${key.bucket}/${key.name}`)
		return sendStorageError(response, storageErrors.invalidSignature());
	// The token is the permission: Storage reads a signed object as its superuser.
	const admin: RequestIdentity = { role: 'service_role', claims: { role: 'service_role' }, anonRole: 'anon' };
	const result = await asCaller(storage.gateway, admin, request, url, true, (db) =>
		findObject(db, key.bucket, key.name)
	);
	if ('failure' in result) return sendStorageError(response, result.failure);
	const exp = typeof verified.claims.exp === 'number' ? verified.claims.exp : 0;
	await sendObject(storage, request, response, key, result.value, {
		Expires: new Date(exp * 1000).toUTCString()
	});
}

async function removeObjects(
	storage: StorageContext,
	request: IncomingMessage,
	response: ServerResponse,
	url: URL,
	identity: RequestIdentity,
	bucket: string
): Promise<void> {
	let prefixes: unknown;
	try {
		prefixes = (JSON.parse((await readBody(request)) || '{}') as { prefixes?: unknown }).prefixes;
	} catch {
		return sendStorageError(response, storageErrors.invalidRequest('Body is not valid JSON'));
	}
	if (prefixes === undefined) return sendStorageError(response, storageErrors.missingParameter('prefixes'));
	if (
		!Array.isArray(prefixes) ||
		prefixes.length < 1 ||
		prefixes.length > 1000 ||
		!prefixes.every((prefix) => typeof prefix === 'string')
	)
		return sendStorageError(
			response,
			storageErrors.invalidRequest('prefixes must be 1 to 1000 object names')
		);
	const result = await asCaller(storage.gateway, identity, request, url, false, async (db) => {
		// Storage's own deletes pass its guard against stray SQL deletes; RLS still decides which rows go.
		await db.query(`select set_config('storage.allow_delete_query', 'true', true)`);
		const deleted = await db.query(
			`delete from storage.objects where bucket_id = $1 and name = any($2::text[])
			 returning id, bucket_id, name, owner, owner_id, version, created_at, updated_at, last_accessed_at,
			           metadata, user_metadata`,
			[bucket, prefixes]
		);
		return deleted.rows as { name: string }[];
	});
	if ('failure' in result) return sendStorageError(response, result.failure);
	await Promise.all(result.value.map((row) => storage.files.remove(bucket, row.name)));
	sendJson(response, 200, result.value);
}
