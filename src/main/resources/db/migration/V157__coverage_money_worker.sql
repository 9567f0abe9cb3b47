-- Money per worker (issue 14; docs/decisions/0010-coverage-rollups.md): one row per village and worker holding that
-- worker's bill lines in that village summed per contribution month and settling day, as four parallel arrays. A
-- refresh after a payment re-sums the named workers' lines only and adds new minus old to coverage_money_village and
-- coverage_money, as the per-day changes do, instead of re-summing every line of the village. One row per worker and
-- village (not per month): at 10,000,000 workers that is ~10,000,000 rows whatever the length of the history.
create unlogged table coverage_money_worker (
    village_code text collate "C" not null,
    worker_id    bigint not null,
    months       date[] not null,
    days         date[] not null,
    billed       numeric[] not null,
    paid         numeric[] not null,
    primary key (village_code, worker_id)
);
create index coverage_money_worker_worker_idx on coverage_money_worker (worker_id);
create unlogged table coverage_money_worker_stage (like coverage_money_worker);

-- the rollups built so far have no per-worker money: the next read rebuilds them once
delete from coverage_rollup_state;
