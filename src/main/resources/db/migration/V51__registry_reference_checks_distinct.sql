-- The statement-level reference checks of membership_term (V43) look up each distinct referenced key once instead of
-- once per inserted term: an import chunk inserts ~108,000 terms of ~50,000 workers paid by ~15,000 payers, and the
-- per-row probes (worker, then payer twice) were most of the check's time. Same refusals, same SQLSTATE and names.
create or replace function membership_term_reference_check() returns trigger language plpgsql as $$
declare
    missing bigint;
begin
    select n.worker_id into missing from (select distinct worker_id from new_rows) n
    where not exists (select 1 from worker w where w.id = n.worker_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('membership_term', 'membership_term_worker_id_fkey',
            format('Key (worker_id)=(%s) is not present in table "worker".', missing));
    end if;
    select n.worker_payer_id into missing from (select distinct worker_payer_id from new_rows) n
    where not exists (select 1 from payer p where p.id = n.worker_payer_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('membership_term', 'membership_term_worker_payer_id_fkey',
            format('Key (worker_payer_id)=(%s) is not present in table "payer".', missing));
    end if;
    select n.employer_payer_id into missing from (select distinct employer_payer_id from new_rows where employer_payer_id is not null) n
    where not exists (select 1 from payer p where p.id = n.employer_payer_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('membership_term', 'membership_term_employer_payer_id_fkey',
            format('Key (employer_payer_id)=(%s) is not present in table "payer".', missing));
    end if;
    return null;
end $$;
