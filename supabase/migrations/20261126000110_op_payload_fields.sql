-- Readers for the fields of an op payload (JSON from a device), shared by every writing function. Each either
-- returns the field as its SQL type or rejects the op with 'validation' and a message that names the field, so
-- a person resolving a rejected op on the device reads what was wrong instead of a cast error.

create function app.uuid_field(payload jsonb, field text)
returns uuid
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) is distinct from 'string'
			or (payload ->> field) !~* '^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$' then
		perform app.reject('validation', format('%s must be a UUID.', field));
	end if;
	return (payload ->> field)::uuid;
end;
$$;

/** An ISO 8601 date-time with an offset, as z.iso.datetime({offset: true}) accepts. */
create function app.timestamp_field(payload jsonb, field text)
returns timestamptz
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) is distinct from 'string' or (payload ->> field) !~
			'^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$' then
		perform app.reject('validation', format('%s must be an ISO date-time with an offset.', field));
	end if;
	return (payload ->> field)::timestamptz;
end;
$$;

/** A YYYY-MM-DD date, or null when the field is absent or null. */
create function app.date_field(payload jsonb, field text)
returns date
language plpgsql
stable
set search_path = ''
as $$
begin
	if coalesce(jsonb_typeof(payload -> field), 'null') = 'null' then
		return null;
	end if;
	if jsonb_typeof(payload -> field) <> 'string' or (payload ->> field) !~ '^\d{4}-\d{2}-\d{2}$' then
		perform app.reject('validation', format('%s must be a date as YYYY-MM-DD.', field));
	end if;
	return (payload ->> field)::date;
end;
$$;

/** Text of at most max_length characters; null (absent or JSON null) only when nullable. */
create function app.text_field(payload jsonb, field text, max_length int, nullable boolean)
returns text
language plpgsql
stable
set search_path = ''
as $$
begin
	if coalesce(jsonb_typeof(payload -> field), 'null') = 'null' then
		if not nullable then
			perform app.reject('validation', format('%s is required.', field));
		end if;
		return null;
	end if;
	if jsonb_typeof(payload -> field) <> 'string' then
		perform app.reject('validation', format('%s must be text.', field));
	end if;
	if char_length(payload ->> field) > max_length then
		perform app.reject('validation', format('%s is longer than %s characters (%s).', field, max_length,
			char_length(payload ->> field)));
	end if;
	return payload ->> field;
end;
$$;

create function app.boolean_field(payload jsonb, field text)
returns boolean
language plpgsql
stable
set search_path = ''
as $$
begin
	if jsonb_typeof(payload -> field) is distinct from 'boolean' then
		perform app.reject('validation', format('%s must be true or false.', field));
	end if;
	return (payload -> field)::boolean;
end;
$$;

/** An integer between low and high, or null when the field is absent or null. */
create function app.int_field(payload jsonb, field text, low int, high int)
returns int
language plpgsql
stable
set search_path = ''
as $$
begin
	if coalesce(jsonb_typeof(payload -> field), 'null') = 'null' then
		return null;
	end if;
	if jsonb_typeof(payload -> field) <> 'number' or (payload ->> field) !~ '^-?\d+$'
			or (payload ->> field)::numeric not between low and high then
		perform app.reject('validation', format('%s must be a whole number from %s to %s.', field, low, high));
	end if;
	return (payload ->> field)::int;
end;
$$;

/**
 * A value of the enum that `of_type` belongs to (pass null::the_enum), or null when the field is absent or null
 * and nullable. Unknown values are rejected with the list of known ones.
 */
create function app.enum_field(payload jsonb, field text, of_type anyenum, nullable boolean)
returns anyenum
language plpgsql
stable
set search_path = ''
as $$
declare
	known text[] := enum_range(of_type)::text[];
begin
	if coalesce(jsonb_typeof(payload -> field), 'null') = 'null' then
		if not nullable then
			perform app.reject('validation', format('%s is required.', field));
		end if;
		return null;
	end if;
	if jsonb_typeof(payload -> field) <> 'string' or not (payload ->> field) = any (known) then
		perform app.reject('validation', format('%s %s is not one of %s.', field, payload -> field,
			array_to_string(known, ', ')));
	end if;
	return (select e from unnest(enum_range(of_type)) e where e::text = payload ->> field);
end;
$$;

/** A set of values of an enum as a canonical array: distinct, in the enum's order, so equal sets compare equal. */
create function app.enum_set_field(payload jsonb, field text, of_type anyenum)
returns anyarray
language plpgsql
stable
set search_path = ''
as $$
declare
	known text[] := enum_range(of_type)::text[];
	given jsonb := payload -> field;
begin
	if jsonb_typeof(given) is distinct from 'array'
			or exists (select 1 from jsonb_array_elements(given) v
				where jsonb_typeof(v) <> 'string' or not (v #>> '{}') = any (known)) then
		perform app.reject('validation', format('%s must be a list of %s.', field, array_to_string(known, ', ')));
	end if;
	return array(
		select e from unnest(enum_range(of_type)) e
		where e::text in (select jsonb_array_elements_text(given))
		order by e
	);
end;
$$;

grant execute on function app.uuid_field(jsonb, text) to authenticated;
grant execute on function app.timestamp_field(jsonb, text) to authenticated;
grant execute on function app.date_field(jsonb, text) to authenticated;
grant execute on function app.text_field(jsonb, text, int, boolean) to authenticated;
grant execute on function app.boolean_field(jsonb, text) to authenticated;
grant execute on function app.int_field(jsonb, text, int, int) to authenticated;
grant execute on function app.enum_field(jsonb, text, anyenum, boolean) to authenticated;
grant execute on function app.enum_set_field(jsonb, text, anyenum) to authenticated;
