-- Registry tells coverage which villages a write touched (issue 14, exact coverage rollups), without coverage reading
-- registry's tables: one statement-level trigger per write statement adds one row per distinct village the statement
-- touched, in the writer's own transaction. The writer's transaction id (tx) lets the reader take exactly the rows
-- committed since its last refresh (pg_visible_in_snapshot), whatever the commit order. A null village means "all"
-- (a truncate). The cost is one hash aggregate over the statement's transition table.
create table registry_village_change (
    tx           xid8 not null default pg_current_xact_id(),
    village_code text collate "C"
);
create index registry_village_change_tx_idx on registry_village_change (tx);

-- registry_changed_village: the villages a committed registry write touched.
--   tx            xid8  the writing transaction
--   village_code  text  a village whose workers' terms or category changed (null: every village)
create view registry_changed_village as
select c.tx, c.village_code from registry_village_change c;

create function registry_log_term_villages() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into registry_village_change (village_code) select distinct n.village_code from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into registry_village_change (village_code)
        select o.village_code from old_rows o union select n.village_code from new_rows n;
    elsif tg_op = 'DELETE' then
        insert into registry_village_change (village_code) select distinct o.village_code from old_rows o;
    else
        insert into registry_village_change (village_code) values (null);
    end if;
    return null;
end $$;

-- a worker's category and poverty flag are read as they are now, so a change moves the worker's counts in every
-- village of their terms
create function registry_log_worker_villages() returns trigger language plpgsql as $$
begin
    if tg_op = 'UPDATE' then
        insert into registry_village_change (village_code)
        select distinct t.village_code
        from new_rows n join old_rows o on o.id = n.id
        join membership_term t on t.worker_id = n.id
        where (n.category, n.extreme_poverty, n.poverty_decile) is distinct from (o.category, o.extreme_poverty, o.poverty_decile);
    else
        insert into registry_village_change (village_code) values (null);
    end if;
    return null;
end $$;

create trigger membership_term_changed_insert after insert on membership_term
    referencing new table as new_rows for each statement execute function registry_log_term_villages();
create trigger membership_term_changed_update after update on membership_term
    referencing old table as old_rows new table as new_rows for each statement execute function registry_log_term_villages();
create trigger membership_term_changed_delete after delete on membership_term
    referencing old table as old_rows for each statement execute function registry_log_term_villages();
create trigger membership_term_changed_truncate after truncate on membership_term
    for each statement execute function registry_log_term_villages();
create trigger worker_changed_update after update on worker
    referencing old table as old_rows new table as new_rows for each statement execute function registry_log_worker_villages();
create trigger worker_changed_truncate after truncate on worker
    for each statement execute function registry_log_worker_villages();
