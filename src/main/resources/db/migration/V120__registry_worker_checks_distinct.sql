-- The statement-level checks of worker's village and category (V43, V62) look up each distinct code once instead of
-- once per inserted row, as V51 does for the terms: an import chunk inserts 50,000 workers of a few hundred villages and
-- a dozen categories. Same refusals, same SQLSTATE and constraint names; when several codes are missing, which one the
-- message names was already left to the plan.
create or replace function worker_reference_check() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select n.village_code into missing from (select distinct village_code from new_rows) n
    where not exists (select 1 from region_area r where r.code = n.village_code) limit 1;
    if found then
        perform registry_refuse_missing_reference('worker', 'worker_village_code_fkey',
            format('Key (village_code)=(%s) is not present in table "region".', missing));
    end if;
    return null;
end $$;

create or replace function worker_category_reference_check() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select n.category into missing from (select distinct category from new_rows) n
    where not exists (select 1 from worker_category c where c.code = n.category) limit 1;
    if found then
        perform registry_refuse_missing_reference('worker', 'worker_category_fkey',
            format('Key (category)=(%s) is not present in table "worker_category".', missing));
    end if;
    return null;
end $$;
