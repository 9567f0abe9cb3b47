-- How the region tables would be placed on a Citus cluster (docs/scaling.md): the hierarchy and the workforce figures
-- are read by every scoped query and written only with a new region list or a workforce file, so they are reference
-- tables, copied to every node. Comments only: nothing changes at run time.
comment on table region is 'distribution: reference; about 91,600 rows, changed only by a new official list';
comment on table region_list is 'distribution: reference; one row per official list loaded';
comment on table region_list_change is 'distribution: reference; the list version every node''s caches compare with';
comment on table potential_workforce is 'distribution: reference; one figure per region and year';
comment on table potential_workforce_whole is 'distribution: reference; derived from potential_workforce and region';
