import type { ServerResponse } from 'node:http';
import { sendJson } from '../http';

/**
 * Supabase Storage's error body: `statusCode` (a string) says what happened, while the HTTP status is 400 for
 * every error but a 500, as Storage's error handler answers by default (storage-js reads both).
 */
export interface StorageError {
	statusCode: string;
	code: string;
	error: string;
	message: string;
}

export function sendStorageError(response: ServerResponse, failure: StorageError): void {
	sendJson(response, failure.statusCode === '500' ? 500 : 400, failure);
}

const storageError = (statusCode: number, code: string, error: string, message: string): StorageError => ({
	statusCode: String(statusCode),
	code,
	error,
	message
});

/** Storage's ERRORS, those the local subset can answer. */
export const storageErrors = {
	noSuchBucket: () => storageError(404, 'NoSuchBucket', 'Bucket not found', 'Bucket not found'),
	noSuchKey: () => storageError(404, 'NoSuchKey', 'not_found', 'Object not found'),
	alreadyExists: () => storageError(409, 'ResourceAlreadyExists', 'Duplicate', 'The resource already exists'),
	entityTooLarge: () =>
		storageError(413, 'EntityTooLarge', 'Payload too large', 'The object exceeded the maximum allowed size'),
	invalidMimeType: (mimeType: string) =>
		storageError(415, 'InvalidMimeType', 'invalid_mime_type', `mime type ${mimeType} is not supported`),
	accessDenied: (message: string) => storageError(403, 'AccessDenied', 'Unauthorized', message),
	invalidJwt: (message: string) => storageError(400, 'InvalidJWT', 'InvalidJWT', message),
	invalidSignature: (message = 'Invalid signature') =>
		storageError(400, 'InvalidSignature', 'InvalidSignature', message),
	expiredSignature: () =>
		storageError(400, 'ExpiredToken', 'ExpiredToken', 'The provided token has expired.'),
	invalidKey: (key: string) => storageError(400, 'InvalidKey', 'InvalidKey', `Invalid key: ${key}`),
	invalidRequest: (message: string) => storageError(400, 'InvalidRequest', 'InvalidRequest', message),
	missingParameter: (name: string) =>
		storageError(400, 'MissingParameter', 'MissingParameter', `Missing Required Parameter ${name}`),
	internal: (message: string) => storageError(500, 'InternalError', 'Internal', message)
};

/** A database error as Storage's DBError renders it (42501: RLS; 23505: duplicate). */
export function fromDatabaseError(error: { code: string; message: string }): StorageError {
	if (error.code === '42501')
		return storageErrors.accessDenied(
			error.message.includes('row-level security')
				? 'new row violates row-level security policy'
				: error.message
		);
	if (error.code === '23505') return storageErrors.alreadyExists();
	if (error.code === '57014') return storageError(544, 'DatabaseTimeout', 'DatabaseTimeout', 'Query timeout');
	return storageErrors.internal(error.message);
}
