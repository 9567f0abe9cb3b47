-- The statement-level overlap check of membership terms (V41), in two forms that no planner estimate can turn into a
-- scan of the whole table per term, and without a probe per term when the statement holds all of its workers' terms.
--
-- 1. When the statement's terms all belong to workers in a short id range [lo, hi] (at most twice as many ids as
--    terms) and the table holds no other term of a worker in that range (one range count on membership_term_worker_idx
--    equals the statement's count), a clash can only be between two of the statement's own terms: they are joined with
--    each other (a hash join of the transition table) instead of probing the index once per term. This is every new
--    worker's terms in an import or its fair floor (consecutive new ids); V41 probed 457,923 times for 199,296 workers
--    (0.86 s of the 8.4 s floor, docs/benchmarks.md "The fair floor, item by item").
-- 2. Otherwise each term probes the terms of its worker and programme through LATERAL ... LIMIT 1, which can only be
--    planned as a parameterised probe per term. V41's plain join under LIMIT 1 was planned as a nested loop over the
--    whole table when the planner believed the table empty (reltuples = 0 after a vacuum of rolled-back rows): a
--    200,000-row import ran 39 minutes in it (docs/benchmarks.md "An import planned with an empty register").
--
-- Same refusals: same predicate, SQLSTATE 23P01 (exclusion_violation), constraint name and message as V41.
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
