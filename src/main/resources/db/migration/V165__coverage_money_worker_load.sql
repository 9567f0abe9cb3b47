-- A rebuild's money per worker, summed on a second connection while the rebuild's own transaction computes the spans
-- (docs/decisions/0010-coverage-rollups.md, "Rebuild on two connections"): the two largest statements of a rebuild
-- read different things (billing's lines; the terms and paid months) and ran one after the other on one core. The
-- second connection cannot write coverage_money_worker, which the rebuild has truncated and holds until it commits,
-- so it writes here and the rebuild copies the rows over. Unlogged like the other rollup work tables: lost on a crash,
-- rebuilt on the next read.
create unlogged table coverage_money_worker_load (like coverage_money_worker);
