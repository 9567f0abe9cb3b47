-- Staged rows whose NIK was already registered when the batch was validated. The apply step runs its statements
-- on registered workers only for these rows (instead of joining every staged row to the whole worker table,
-- which grew to 0.65 s per chunk near 1M workers) and inserts only the others as new workers. A NIK registered
-- by someone else between validation and apply is caught by the apply itself (see BulkRegistration.apply).
alter table worker_stage add column registered boolean not null default false;
