/** A row of auth.users joined with its identities, as the gateway reads it. */
export interface UserRow {
	id: string;
	aud: string | null;
	role: string | null;
	email: string | null;
	phone: string | null;
	email_confirmed_at: Date | null;
	phone_confirmed_at: Date | null;
	confirmed_at: Date | null;
	confirmation_sent_at: Date | null;
	recovery_sent_at: Date | null;
	last_sign_in_at: Date | null;
	raw_app_meta_data: Record<string, unknown> | null;
	raw_user_meta_data: Record<string, unknown> | null;
	created_at: Date | null;
	updated_at: Date | null;
	banned_until: Date | null;
	is_anonymous: boolean;
	identities: IdentityRow[] | null;
}

export interface IdentityRow {
	id: string;
	provider_id: string;
	user_id: string;
	identity_data: Record<string, unknown>;
	provider: string;
	last_sign_in_at: string | null;
	created_at: string | null;
	updated_at: string | null;
	email: string | null;
}

/** Columns and identities for {@link UserRow}; `u` is auth.users. */
export const userColumns = `
	u.id, u.aud, u.role, u.email, u.phone, u.email_confirmed_at, u.phone_confirmed_at, u.confirmed_at,
	u.confirmation_sent_at, u.recovery_sent_at, u.last_sign_in_at, u.raw_app_meta_data, u.raw_user_meta_data,
	u.created_at, u.updated_at, u.banned_until, u.is_anonymous,
	(select json_agg(i order by i.created_at) from auth.identities i where i.user_id = u.id) as identities`;

export const defaultAudience = 'authenticated';

/** The user object GoTrue returns (its JSON tags; optional timestamps are left out when unset, like omitempty). */
export function userJson(user: UserRow): Record<string, unknown> {
	const optional = (value: Date | null) => (value ? value.toISOString() : undefined);
	return withoutUndefined({
		id: user.id,
		aud: user.aud ?? '',
		role: user.role ?? '',
		email: user.email ?? '',
		email_confirmed_at: optional(user.email_confirmed_at),
		phone: user.phone ?? '',
		phone_confirmed_at: optional(user.phone_confirmed_at),
		confirmation_sent_at: optional(user.confirmation_sent_at),
		confirmed_at: optional(user.confirmed_at),
		recovery_sent_at: optional(user.recovery_sent_at),
		last_sign_in_at: optional(user.last_sign_in_at),
		app_metadata: user.raw_app_meta_data ?? {},
		user_metadata: user.raw_user_meta_data ?? {},
		identities: (user.identities ?? []).map(identityJson),
		created_at: user.created_at?.toISOString() ?? new Date(0).toISOString(),
		updated_at: user.updated_at?.toISOString() ?? new Date(0).toISOString(),
		banned_until: optional(user.banned_until),
		is_anonymous: user.is_anonymous
	});
}

function identityJson(identity: IdentityRow): Record<string, unknown> {
	return withoutUndefined({
		identity_id: identity.id,
		id: identity.provider_id,
		user_id: identity.user_id,
		identity_data: identity.identity_data,
		provider: identity.provider,
		last_sign_in_at: identity.last_sign_in_at ?? undefined,
		created_at: identity.created_at ?? undefined,
		updated_at: identity.updated_at ?? undefined,
		email: identity.email ?? undefined
	});
}

function withoutUndefined(record: Record<string, unknown>): Record<string, unknown> {
	return Object.fromEntries(Object.entries(record).filter(([, value]) => value !== undefined));
}
