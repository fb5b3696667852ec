import { postgrestError, type PostgrestError } from './errors';
import type { JwtFailure } from './jwt';

/** PostgREST's answer to a token it refuses: 401 with PGRST301 (cannot decode) or PGRST303 (bad claims). */
export function fromJwtFailure(failure: JwtFailure): PostgrestError {
	const [code, message, details] = describeJwtFailure(failure);
	return postgrestError(401, code, message, details, null, {
		'WWW-Authenticate': `Bearer error="invalid_token", error_description=${JSON.stringify(message)}`
	});
}

function describeJwtFailure(failure: JwtFailure): [string, string, string | null] {
	switch (failure.kind) {
		case 'empty':
			return ['PGRST301', 'Empty JWT is sent in Authorization header', null];
		case 'parts':
			return ['PGRST301', `Expected 3 parts in JWT; got ${failure.count}`, null];
		case 'algorithm':
			return [
				'PGRST301',
				'Wrong or unsupported encoding algorithm',
				`JWT algorithm ${failure.algorithm} is not accepted`
			];
		case 'signature':
			return ['PGRST301', 'No suitable key or wrong key type', 'None of the keys was able to decode the JWT'];
		case 'unreadable':
			return ['PGRST303', 'Parsing claims failed', null];
		case 'expired':
			return ['PGRST303', 'JWT expired', null];
		case 'not-yet-valid':
			return ['PGRST303', 'JWT not yet valid', null];
		case 'issued-in-future':
			return ['PGRST303', 'JWT issued at future', null];
		case 'claim-type':
			return failure.claim === 'aud'
				? ['PGRST303', "The JWT 'aud' claim must be a string or an array of strings", null]
				: ['PGRST303', `The JWT '${failure.claim}' claim must be a number`, null];
	}
}

export const notInAudience = (): PostgrestError =>
	postgrestError(401, 'PGRST303', 'JWT not in audience', null, null, {
		'WWW-Authenticate': 'Bearer error="invalid_token", error_description="JWT not in audience"'
	});
