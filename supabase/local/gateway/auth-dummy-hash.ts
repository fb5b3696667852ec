import type pg from 'pg';

/** Stored bcrypt hashes, `$2a$<cost>$…` (pgcrypto, GoTrue), `$2b$…` or `$2y$…`: the cost is at 5 and 6. */
const bcryptHash = '^\\$2[abxy]\\$[0-9]{2}\\$';

/**
 * What the password of an unknown e-mail is checked against, so that the answer costs the same bcrypt work as a
 * wrong password and its timing does not tell whether the e-mail has an account. A bcrypt salt at the cost most
 * stored hashes have (GoTrue's 10 when there are none): crypt() hashes the candidate with it as with a real
 * hash, and the result never equals the salt. Chosen at the first sign-in and kept while the gateway runs.
 */
export class DummyPasswordHash {
	private salt: Promise<string> | undefined;

	get(db: pg.PoolClient): Promise<string> {
		this.salt ??= this.choose(db).catch((error: unknown) => {
			this.salt = undefined;
			throw error;
		});
		return this.salt;
	}

	private async choose(db: pg.PoolClient): Promise<string> {
		const result = await db.query<{ salt: string }>(
			`select extensions.gen_salt('bf', least(31, greatest(4, coalesce((
			          select substring(encrypted_password from 5 for 2)::int
			            from auth.users
			           where encrypted_password ~ $1
			           group by 1 order by count(*) desc, 1 desc limit 1), 10)))) as salt`,
			[bcryptHash]
		);
		const salt = result.rows[0]?.salt;
		if (!salt) throw new Error('gen_salt returned no salt');
		return salt;
	}
}
