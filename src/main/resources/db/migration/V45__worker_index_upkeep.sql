-- worker_village_name_idx (village_code, full_name, id) serves every range on village_code that
-- worker_village_idx (village_code, id) served; keeping both cost index upkeep on every imported worker.
drop index worker_village_idx;

-- New names wait in the trigram index's pending list (searched like the rest of the index) and are merged
-- in bulk by autovacuum, instead of every 4 MB of an import.
alter index worker_name_trgm_idx set (gin_pending_list_limit = 65536);
