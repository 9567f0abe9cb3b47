-- worker.nik holds exactly 16 ASCII digits (V20), checked without a regular expression: the check ran
-- nik ~ '^[0-9]{16}$' on every inserted or updated worker; in the fair floor of an import (a COPY of 199,296 parsed
-- workers and their terms, docs/benchmarks.md "The fair floor, item by item") this form is 0.05-0.09 s of 8 s cheaper,
-- measured against the old one in the same run (a small gain). The column is collate "C", so [0-9] meant the ten ASCII digits and
-- $ the end of the value; 16 bytes of which none is left after trimming those digits is the same set of values.
-- Same constraint name, same SQLSTATE (23514, check_violation).
alter table worker drop constraint worker_nik_check;
alter table worker add constraint worker_nik_check check (octet_length(nik) = 16 and ltrim(nik, '0123456789') = '');

-- The terms' reference check (V43, V51) probed worker_pkey once per distinct worker of the statement: 199,296 probes for
-- an import's terms, which are all of new workers with consecutive ids. When the statement's distinct worker ids fill
-- the range [lo, hi] and as many workers have an id in that range, every one of them exists (ids are unique): one range
-- count on the primary key proves it. Any other statement (ids with gaps, a missing worker) takes the probe as before, so
-- the refusals, their SQLSTATE (23503) and constraint names are those of V51. The payer checks are unchanged.
create or replace function membership_term_reference_check() returns trigger language plpgsql as $$
declare
    missing bigint;
    n bigint;
    lo bigint;
    hi bigint;
begin
    select count(*), min(d.worker_id), max(d.worker_id) into n, lo, hi from (select distinct worker_id from new_rows) d;
    if n > 0 and not (hi - lo + 1 = n and (select count(*) from worker w where w.id between lo and hi) = n) then
        select d.worker_id into missing from (select distinct worker_id from new_rows) d
        where not exists (select 1 from worker w where w.id = d.worker_id) limit 1;
        if found then
            perform registry_refuse_missing_reference('membership_term', 'membership_term_worker_id_fkey',
                format('Key (worker_id)=(%s) is not present in table "worker".', missing));
        end if;
    end if;
    select n2.worker_payer_id into missing from (select distinct worker_payer_id from new_rows) n2
    where not exists (select 1 from payer p where p.id = n2.worker_payer_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('membership_term', 'membership_term_worker_payer_id_fkey',
            format('Key (worker_payer_id)=(%s) is not present in table "payer".', missing));
    end if;
    select n2.employer_payer_id into missing from (select distinct employer_payer_id from new_rows where employer_payer_id is not null) n2
    where not exists (select 1 from payer p where p.id = n2.employer_payer_id) limit 1;
    if found then
        perform registry_refuse_missing_reference('membership_term', 'membership_term_employer_payer_id_fkey',
            format('Key (employer_payer_id)=(%s) is not present in table "payer".', missing));
    end if;
    return null;
end $$;
