-- Registry publishes the worker facts the coverage indicators (issue 14) group by. A plain projection of worker, so
-- the planner inlines it. Columns are a contract: add freely (e.g. a P3KE decile column), change or drop none.
--   id               bigint   registry_worker.id
--   village_code     text     the village of domicile
--   category         text     registry_worker_category.code
--   extreme_poverty  boolean  the worker's household is flagged as extreme poor (P3KE/DTKS, Inpres 4/2022)
--   poverty_decile   smallint the household's welfare decile (1 = poorest) where known, else null
create view registry_worker_profile as
select w.id, w.village_code, w.category, w.extreme_poverty, w.poverty_decile
from worker w;
