-- The P3KE/DTKS household decile (Inpres 4/2022 on extreme poverty) through the bulk import (issue 14). The worker has
-- held the flag and the decile since V20 (extreme_poverty, poverty_decile: the worker form and API), and V91 publishes
-- both to the coverage module in registry_worker_profile; the import now reads an optional decile column
-- (p3ke_decile, desil) into the staging table, and a worker registered with a decile is flagged.
alter table worker_stage add column poverty_decile smallint check (poverty_decile between 1 and 10);
