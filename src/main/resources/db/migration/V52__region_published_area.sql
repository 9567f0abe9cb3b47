-- Region publishes what other modules may read of it, and owns the rules on its own table (docs/architecture.md).
--
-- 1. Published view region_area: every official area, active or retired. Its columns are a contract:
--      code         text    Kemendagri code (C collation: everything under '64.02' is code >= '64.02' and code < '64.02/')
--      parent_code  text    the code one level up; null for a province
--      level        text    PROVINCE, REGENCY, DISTRICT or VILLAGE
--      kind         text    KABUPATEN or KOTA for a regency, DESA or KELURAHAN for a village, else null
--      name         text    official name
--      active       boolean false once a newer official list dropped the code
--    A plain projection, so the planner inlines it: a join on region_area.code uses region's primary key.
create view region_area as
select r.code, r.parent_code, r.level, r.kind, r.name, r.active
from region r;

-- 2. A region code is permanent: a code dropped from a newer official list is retired (active = false), never
--    deleted or re-keyed, so every other module may keep a region code as a reference. V43 had the registry guard
--    region against losing codes its workers use, with triggers on this table that knew about workers; region now
--    refuses any delete or code change itself (the loader never does either), and knows nothing of who refers to it.
drop trigger region_reference_guard_delete on region;
drop trigger region_reference_guard_update on region;

create function region_code_is_permanent() returns trigger language plpgsql as $$
begin
    raise exception using errcode = 'restrict_violation', table = 'region',
        message = format('region codes are permanent: retire a code (active = false) instead (%s refused)', tg_op),
        detail = case when tg_level = 'ROW' then format('Key (code)=(%s).', old.code) end;
end $$;
create trigger region_code_is_permanent_delete before delete on region
    for each row execute function region_code_is_permanent();
create trigger region_code_is_permanent_update before update of code on region
    for each row when (old.code is distinct from new.code) execute function region_code_is_permanent();
create trigger region_code_is_permanent_truncate before truncate on region
    for each statement execute function region_code_is_permanent();
