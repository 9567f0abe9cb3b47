-- A version of the official region list for readers that keep data derived from it (coverage's rollups count the
-- active desa per group and judge Desa Sadar per active desa, docs/decisions/0010-coverage-rollups.md): every write
-- statement that adds regions or changes a region's parent, level, kind or activity adds one. A name alone does not
-- count (readers take names from region_area as they read). Codes are permanent (V53): a village moved or split is a
-- new code and a retired one, both counted here.
create table region_list_change (
    id      int primary key check (id = 1),
    version bigint not null
);
insert into region_list_change (id, version) values (1, 0);

create function region_list_changed() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        if exists (select 1 from new_rows) then
            update region_list_change set version = version + 1;
        end if;
        return null;
    end if;
    -- most updates of the list rename or restate rows: they leave the version alone
    if exists (select 1 from new_rows n join old_rows o on o.code = n.code
               where (o.parent_code, o.level, o.kind, o.active) is distinct from (n.parent_code, n.level, n.kind, n.active)) then
        update region_list_change set version = version + 1;
    end if;
    return null;
end $$;

create trigger region_list_changed_insert after insert on region
    referencing new table as new_rows for each statement execute function region_list_changed();
create trigger region_list_changed_update after update on region
    referencing old table as old_rows new table as new_rows for each statement execute function region_list_changed();

-- published: the version only
create view region_list_version as select version from region_list_change;
