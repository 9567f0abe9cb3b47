-- The payer's region is checked once per statement instead of once per row (issue 16, import speed), as V43 did for
-- the worker's village and the terms' references: an import chunk of 50,000 lines inserts about 15,000 SELF payers,
-- and the row-level foreign key ran one lookup (with a key-share lock on the region row) per payer. Region codes are
-- permanent (V52: region refuses a delete or a code change), so only the referring side needs a check. Same refusal as
-- the foreign key: SQLSTATE 23503 and constraint name payer_region_code_fkey, for every writer (the import, a single
-- registration, the payer register, the government payers' sync).
create function payer_region_reference_check() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select n.region_code into missing from (select distinct region_code from new_rows) n
    where not exists (select 1 from region_area r where r.code = n.region_code) limit 1;
    if found then
        perform registry_refuse_missing_reference('payer', 'payer_region_code_fkey',
            format('Key (region_code)=(%s) is not present in table "region".', missing));
    end if;
    return null;
end $$;

create trigger payer_region_reference_check_insert after insert on payer
    referencing new table as new_rows for each statement execute function payer_region_reference_check();
create trigger payer_region_reference_check_update after update on payer
    referencing new table as new_rows for each statement execute function payer_region_reference_check();

alter table payer drop constraint payer_region_code_fkey;
