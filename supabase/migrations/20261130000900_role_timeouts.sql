-- A lock wait of a signed-in caller ends after 3 s with SQLSTATE 55P03 (lock_not_available).
--
-- Why: sync writers of one hall serialize on that hall's row in app.hall_versions, held until their push
-- commits. A push batch commits in well under a second, so a wait of several seconds means a stuck or very long
-- transaction ahead. Without a lock timeout every waiter holds an API connection until authenticated's 8 s
-- statement timeout, and a few stuck pushes can take the whole pool from me(), pulls and other halls. 55P03 is a
-- transient error to sync_push (the whole call fails and the device retries with backoff), so giving up early
-- costs a retry, not an op. 3 s still lets a handful of normal pushes of the same hall queue behind each other.
--
-- PostgREST applies a role's settings in every transaction (impersonated role settings); anon and service_role
-- keep PostgreSQL's default (no lock timeout).
alter role authenticated set lock_timeout = '3s';

-- PostgREST reads role settings when it starts or reloads its configuration; the local gateway re-reads them
-- every few seconds.
notify pgrst, 'reload config';
