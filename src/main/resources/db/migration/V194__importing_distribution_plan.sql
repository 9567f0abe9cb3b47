-- How an import's batch and rejections would be placed on a Citus cluster (docs/scaling.md). A batch may span
-- provinces (a national office's file), so it stays on the coordinator with its rejections; its staged rows
-- (worker_stage, V108) and what it writes are distributed by village. Comments only: nothing changes at run time.
comment on table import_batch is 'distribution: coordinator; a batch may span provinces';
comment on table import_rejection is 'distribution: coordinator; with its batch, rows refused before a village was known';
