-- The P3KE/DTKS household decile (Inpres 4/2022 on extreme poverty) through the bulk import, and published for the
-- coverage module's extreme-poverty indicator (issue 14). The worker has held the flag and the decile since V20
-- (extreme_poverty, poverty_decile: the worker form and API); the import now reads an optional decile column into the
-- staging table, and a worker registered with a decile is flagged.
alter table worker_stage add column poverty_decile smallint check (poverty_decile between 1 and 10);

-- registry_worker gains two columns at its end (V53 documents the others):
--   extreme_poverty  boolean  the worker's household is flagged in P3KE/DTKS (extreme poverty, Inpres 4/2022)
--   p3ke_decile      smallint the household's P3KE/DTKS welfare decile, 1 (poorest) to 10; null when not known
create or replace view registry_worker as
select w.id, w.nik, w.full_name, w.birth_date, w.village_code, w.status, w.extreme_poverty, w.poverty_decile as p3ke_decile
from worker w;
