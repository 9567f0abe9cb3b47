-- An opaque public id per worker (issue 12 item 1): roles that see NIKs masked address a worker by it, never by NIK,
-- so a URL or an API call of theirs cannot be used to test whether a guessed NIK exists. Random (not a sequence), so
-- it says nothing about when or where the worker was registered. gen_random_uuid() is core PostgreSQL since 13.
alter table worker add column public_id uuid not null default gen_random_uuid();
alter table worker add constraint worker_public_id_key unique (public_id);
