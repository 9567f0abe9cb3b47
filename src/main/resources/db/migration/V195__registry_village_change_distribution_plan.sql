-- The registry's change log for coverage (V110), placed on a Citus cluster as the rows it records (docs/scaling.md).
-- Comment only: nothing changes at run time.
comment on table registry_village_change is
    'distribution: province of village_code; written with the worker or term of the same village';
