-- DEMO DATA GENERATOR, not a migration: never deployed, run only against local or demo databases (docs/HISTORY.md).
-- `demo.generate_history(anchor, days, hall_ids)` writes a hall's past: service records with their events,
-- pre-checks with notices and return visits, patrol rounds, incidents through their lifecycle, visits to key
-- enterprises and their follow-ups, for the `days` hall days before `anchor` (and, when anchor is the hall's
-- today, today up to now()). Everything is made by the hall's demo staff (supabase/seed.sql), straight into the
-- tables as the superuser, through the tables' triggers (versions are stamped as for any write, so devices pull
-- the rows) and within their check constraints and the workflows' rules.
--
-- Deterministic: no random(); every choice is demo.rand(key), a fraction from the md5 of a key naming the hall,
-- the day, the kind and the row; ids are demo.uuid_of(key). The same arguments give the same rows. Every row is
-- listed in demo.generated; a run first deletes what earlier runs generated for its halls and days (never a row
-- a person made, nor a generated row a person has since added to).
--
-- This file loads the parts in order: `psql -f supabase/demo/history.sql` follows the \ir lines, and
-- supabase/local/demo-history.ts reads them the same way. The workflows' generators are the functions demo.gen_*.

\ir history/core.sql
\ir history/service-records.sql
\ir history/prechecks.sql
\ir history/patrols.sql
\ir history/incidents.sql
\ir history/visits.sql
\ir history/replace.sql
\ir history/store.sql
\ir history/generate.sql
