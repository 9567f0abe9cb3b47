-- Registry publishes what other modules may read of it in set-based SQL (docs/architecture.md, "What each module
-- publishes"). Every view is a plain projection of one table, so the planner inlines it: a query on a view plans
-- exactly like the same query on the table. Columns are a contract; add columns freely, change or drop none
-- without changing every reader.

-- registry_worker: one row per registered worker.
--   id            bigint  the worker's id (what other modules store, never the NIK)
--   nik           text    16-digit NIK (personal data: mask it as NikPolicy does for the roles that see it masked)
--   full_name     text
--   birth_date    date
--   village_code  text    the village of domicile (region code; scope ranges apply to it)
--   status        text    ACTIVE, DECEASED, MOVED or INACTIVE
create view registry_worker as
select w.id, w.nik, w.full_name, w.birth_date, w.village_code, w.status
from worker w;

-- registry_payer: one row per payer (APBDES, APBD, SELF, EMPLOYER, DONOR).
--   id, code (APBDES:<desa>, APBD:<region>, SELF:<nik>, EMPLOYER:<region>:<NAME>, DONOR:<region>:<NAME>),
--   kind, name, region_code (the region the payer belongs to; scope ranges apply to it)
create view registry_payer as
select p.id, p.code, p.kind, p.name, p.region_code
from payer p;

-- registry_membership_term: every dated membership term (one worker, one programme, one period, its terms).
--   id                 bigint   the term's id (what a bill line stores as term_id)
--   worker_id          bigint   registry_worker.id
--   village_code       text     the worker's village while the term runs
--   program            text     JKK, JKM, JHT, JP or JKP
--   segment            text     PU (wage earner) or BPU (informal)
--   wage               numeric  PU: monthly wage; BPU: declared income
--   risk_group         text     VERY_LOW .. VERY_HIGH, or null
--   labour_intensive   boolean
--   employer_payer_id  bigint   registry_payer.id of the employer share (PU), else null
--   worker_payer_id    bigint   registry_payer.id of the worker share
--   valid_from         date     first day covered
--   valid_to           date     first day no longer covered (exclusive); null while open
--   end_reason         text     why it ended (EndReason), null while open
--   continued          boolean  true when a successor term of the same worker and programme takes over on valid_to
--                               (the term ended because its terms changed or the worker was transferred); readers
--                               use this instead of interpreting end reasons (EndReason.continued() is the same rule)
create view registry_membership_term as
select t.id, t.worker_id, t.village_code, t.program, t.segment, t.wage, t.risk_group, t.labour_intensive,
       t.employer_payer_id, t.worker_payer_id, t.valid_from, t.valid_to, t.end_reason,
       coalesce(t.end_reason in ('CHANGED', 'TRANSFERRED'), false) as continued
from membership_term t;

-- The registry reads region only through region's published region_area (V52): its reference check on
-- worker.village_code and its government-payer sync are redefined on the view (same refusals, same results).
-- The registry's old guard on the region table is gone with its triggers (V52): region codes are permanent.
drop function region_reference_guard();

create or replace function worker_reference_check() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select n.village_code into missing from new_rows n
    where not exists (select 1 from region_area r where r.code = n.village_code) limit 1;
    if found then
        perform registry_refuse_missing_reference('worker', 'worker_village_code_fkey',
            format('Key (village_code)=(%s) is not present in table "region".', missing));
    end if;
    return null;
end $$;

create or replace function sync_government_payers(out added bigint, out renamed bigint) language sql as $$
    with wanted as (
        select case when r.level = 'VILLAGE' then 'APBDES' else 'APBD' end as kind, r.code,
               government_payer_name(r.level, r.kind, r.name) as name
        from region_area r
        where r.active and (r.level in ('PROVINCE', 'REGENCY') or r.kind = 'DESA')),
    present as (
        select w.kind, w.code, w.name, p.id, p.name as current_name
        from wanted w left join payer p on p.code = w.kind || ':' || w.code),
    inserted as (
        insert into payer (code, kind, name, region_code)
        select kind || ':' || code, kind, name, code from present where id is null
        on conflict (code) do nothing
        returning 1),
    updated as (
        update payer p set name = x.name, updated_at = now()
        from present x
        where p.id = x.id and x.current_name <> x.name
        returning 1)
    select (select count(*) from inserted), (select count(*) from updated)
$$;
