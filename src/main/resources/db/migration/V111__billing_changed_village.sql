-- Billing tells coverage which villages a write touched (issue 14, exact coverage rollups), as registry does (V110):
-- one statement-level trigger per write statement on bill lines, paid months and allocations adds one row per
-- distinct village (the line's village) in the writer's transaction. A null village means "all" (a truncate).
create table billing_village_change (
    tx           xid8 not null default pg_current_xact_id(),
    village_code text collate "C"
);
create index billing_village_change_tx_idx on billing_village_change (tx);

-- billing_changed_village: the villages a committed billing write touched.
--   tx            xid8  the writing transaction
--   village_code  text  a village whose bill lines, paid months or allocations changed (null: every village)
create view billing_changed_village as
select c.tx, c.village_code from billing_village_change c;

create function billing_log_villages() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into billing_village_change (village_code) select distinct n.village_code from new_rows n;
    elsif tg_op = 'UPDATE' then
        insert into billing_village_change (village_code)
        select o.village_code from old_rows o union select n.village_code from new_rows n;
    elsif tg_op = 'DELETE' then
        insert into billing_village_change (village_code) select distinct o.village_code from old_rows o;
    else
        insert into billing_village_change (village_code) values (null);
    end if;
    return null;
end $$;

-- an allocation names its line, whose village it takes
create function billing_log_allocation_villages() returns trigger language plpgsql as $$
begin
    if tg_op = 'INSERT' then
        insert into billing_village_change (village_code)
        select distinct l.village_code from new_rows n join bill_line l on l.id = n.bill_line_id;
    elsif tg_op = 'UPDATE' then
        insert into billing_village_change (village_code)
        select l.village_code from (select bill_line_id from old_rows union select bill_line_id from new_rows) c
        join bill_line l on l.id = c.bill_line_id group by l.village_code;
    elsif tg_op = 'DELETE' then
        insert into billing_village_change (village_code)
        select distinct l.village_code from old_rows o join bill_line l on l.id = o.bill_line_id;
    else
        insert into billing_village_change (village_code) values (null);
    end if;
    return null;
end $$;

create trigger bill_line_changed_insert after insert on bill_line
    referencing new table as new_rows for each statement execute function billing_log_villages();
create trigger bill_line_changed_update after update on bill_line
    referencing old table as old_rows new table as new_rows for each statement execute function billing_log_villages();
create trigger bill_line_changed_delete after delete on bill_line
    referencing old table as old_rows for each statement execute function billing_log_villages();
create trigger bill_line_changed_truncate after truncate on bill_line
    for each statement execute function billing_log_villages();
create trigger paid_month_changed_insert after insert on paid_month
    referencing new table as new_rows for each statement execute function billing_log_villages();
create trigger paid_month_changed_update after update on paid_month
    referencing old table as old_rows new table as new_rows for each statement execute function billing_log_villages();
create trigger paid_month_changed_delete after delete on paid_month
    referencing old table as old_rows for each statement execute function billing_log_villages();
create trigger paid_month_changed_truncate after truncate on paid_month
    for each statement execute function billing_log_villages();
create trigger payment_allocation_changed_insert after insert on payment_allocation
    referencing new table as new_rows for each statement execute function billing_log_allocation_villages();
create trigger payment_allocation_changed_update after update on payment_allocation
    referencing old table as old_rows new table as new_rows for each statement execute function billing_log_allocation_villages();
create trigger payment_allocation_changed_delete after delete on payment_allocation
    referencing old table as old_rows for each statement execute function billing_log_allocation_villages();
create trigger payment_allocation_changed_truncate after truncate on payment_allocation
    for each statement execute function billing_log_allocation_villages();
