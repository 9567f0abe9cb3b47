-- The overlap check of a statement's own new workers (V162, form 1) ordered, so that it is planned for the whole join.
-- Under a bare LIMIT 1 the planner costs a plan by its first row; with the self-join of the transition table estimated
-- at millions of matches it chose a nested loop of the transition table with itself, whose first row it expected almost
-- at once. There is no match (a clash is rare), so it compared every pair: 10^12 comparisons for the 1,000,000 terms of
-- BillingRunBenchmark's setup, which had not finished after 15 minutes (read from the tuplestore on disk,
-- docs/benchmarks.md "A quadratic overlap check"). Any one-statement insert of more than about 350,000 new workers'
-- terms took that plan (its chosen cost is constant in the row count, the hash or merge join's grows): the bench
-- suite's fair floor of a 1,000,000-row import (one COPY of its terms) too; an import applies 50,000-line chunks.
-- Ordered, the join must be complete before its first row: a merge join, 1.2 s for those 1,000,000 terms; and the
-- clash reported is the first in worker order, the same on every run.
create or replace function membership_term_no_overlap() returns trigger language plpgsql as $$
declare
    clash record;
    n bigint;
    lo bigint;
    hi bigint;
begin
    select count(*), min(worker_id), max(worker_id) into n, lo, hi from new_terms;
    if n = 0 then
        return null;
    end if;
    if hi - lo < 2 * n and (select count(*) from membership_term t where t.worker_id between lo and hi) = n then
        select a.worker_id, a.program, a.valid_from, a.valid_to, b.id as other_id, b.valid_from as other_from, b.valid_to as other_to
        into clash
        from new_terms a
        join new_terms b on b.worker_id = a.worker_id and b.program = a.program and b.id <> a.id
        where b.valid_from < coalesce(a.valid_to, 'infinity') and a.valid_from < coalesce(b.valid_to, 'infinity')
        order by a.worker_id, a.program, a.valid_from, b.id
        limit 1;
    else
        select a.worker_id, a.program, a.valid_from, a.valid_to, o.id as other_id, o.valid_from as other_from, o.valid_to as other_to
        into clash
        from new_terms a
        cross join lateral (
            select t.id, t.valid_from, t.valid_to from membership_term t
            where t.worker_id = a.worker_id and t.program = a.program and t.id <> a.id
              and t.valid_from < coalesce(a.valid_to, 'infinity') and a.valid_from < coalesce(t.valid_to, 'infinity')
            order by t.valid_from
            limit 1) o
        limit 1;
    end if;
    if found then
        raise exception using errcode = 'exclusion_violation', constraint = 'membership_term_no_overlap',
            message = format('membership terms may not overlap: %s of worker %s from %s to %s overlaps term %s from %s to %s',
                clash.program, clash.worker_id, clash.valid_from, coalesce(clash.valid_to::text, 'open'),
                clash.other_id, clash.other_from, coalesce(clash.other_to::text, 'open'));
    end if;
    return null;
end $$;
