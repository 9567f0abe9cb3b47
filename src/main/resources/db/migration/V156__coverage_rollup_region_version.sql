-- The region list's version the rollups were built with (region_list_version, V155): a refresh that finds another
-- rebuilds, as for a change of the Desa Sadar rules or the due-date calendar. Null on existing rows: the first read
-- after this migration rebuilds once.
alter table coverage_rollup_state add column region_version bigint;
