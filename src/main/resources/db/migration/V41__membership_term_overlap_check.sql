-- Cheaper guarantee of non-overlapping membership terms (see docs/decisions/0004-membership-term-overlap.md).
-- The GiST exclusion constraint of V20 cost about half of every bulk import of terms (its btree_gist index on
-- (worker_id, program, daterange) is the most expensive index to maintain). It is replaced by
--   1. a unique partial B-tree index: at most one open term per worker and programme (this is also what makes
--      two concurrent writers of one worker's terms wait for, and then refuse, each other), and
--   2. a statement-level constraint check (transition tables, one set-based query per statement) refusing any
--      inserted or re-dated term that overlaps another term of the same worker and programme, with the same
--      SQLSTATE as the exclusion constraint (23P01, exclusion_violation).
-- The columns of membership_term, and the meaning of its rows, do not change.

create unique index membership_term_one_open_idx on membership_term (worker_id, program) where valid_to is null;
drop index membership_term_open_idx; -- same columns and predicate, now unique

create function membership_term_no_overlap() returns trigger language plpgsql as $$
declare
    clash record;
begin
    select n.worker_id, n.program, n.valid_from, n.valid_to, t.id as other_id, t.valid_from as other_from, t.valid_to as other_to
    into clash
    from new_terms n
    join membership_term t on t.worker_id = n.worker_id and t.program = n.program and t.id <> n.id
    where t.valid_from < coalesce(n.valid_to, 'infinity') and n.valid_from < coalesce(t.valid_to, 'infinity')
    limit 1;
    if found then
        raise exception using errcode = 'exclusion_violation', constraint = 'membership_term_no_overlap',
            message = format('membership terms may not overlap: %s of worker %s from %s to %s overlaps term %s from %s to %s',
                clash.program, clash.worker_id, clash.valid_from, coalesce(clash.valid_to::text, 'open'),
                clash.other_id, clash.other_from, coalesce(clash.other_to::text, 'open'));
    end if;
    return null;
end $$;

create trigger membership_term_no_overlap_insert after insert on membership_term
    referencing new table as new_terms for each statement execute function membership_term_no_overlap();
create trigger membership_term_no_overlap_update after update on membership_term
    referencing new table as new_terms for each statement execute function membership_term_no_overlap();

alter table membership_term drop constraint membership_term_worker_id_program_daterange_excl;
