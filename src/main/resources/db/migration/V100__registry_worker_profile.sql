-- Registry publishes a worker's profile for the budget module's prioritisation (issue 15): what a worker does and how
-- poor the household is, read set-based beside registry_worker. A plain projection of one table (inlined by the planner).
--   id               bigint    registry_worker.id
--   category         text      registry_worker_category.code
--   extreme_poverty  boolean   the household is in the extreme-poverty register (P3KE/DTKS)
--   poverty_decile   smallint  the household's welfare decile in P3KE/DTKS (1 poorest .. 10), null when unknown
create view registry_worker_profile as
select w.id, w.category, w.extreme_poverty, w.poverty_decile
from worker w;
