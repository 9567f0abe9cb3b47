-- bill_line_worker_idx (V61) served the reads of one worker's lines: its billed months for protection status, a data
-- subject's export, the months after a death, coverage's money of a few workers. Since V167 billed_month holds a row
-- for every worker, programme and month with lines, keyed by worker: those reads find the worker's months there and
-- the lines through bill_line_key_idx (month, worker_id, program, share). A run's lines went into this index in worker
-- order across the whole history, a leaf page touched (and, after a checkpoint, written whole to the WAL) per few
-- lines, and billed_month's key pays that again: measured on 602,573 lines of a month with six months of history
-- (200,000 workers), the insert took 6.8-7.4 s with it and 4.8-5.4 s without, triggers off (docs/benchmarks.md
-- "One worker index, not two").
drop index bill_line_worker_idx;

-- The months in which a worker has lines (of any programme), for reading a few workers' lines by month: coverage's
-- money refresh names the workers a payment or a run touched.
--   worker_id  bigint
--   month      date    first day of a month with at least one line of the worker
create view billing_line_month as
select distinct k.worker_id, k.month
from billed_month k;
