-- bill_line_worker_idx (V61) served the reads of one worker's lines: its billed months for protection status, a data
-- subject's export, the months after a death, coverage's money of a few workers. Since V167 billed_month holds the
-- billed months by worker, programme and month, and the other reads name the months (V169's billing_months()) and
-- find the lines through bill_line_key_idx (month, worker_id, program, share). A run's lines went into this index in worker
-- order across the whole history, a leaf page touched (and, after a checkpoint, written whole to the WAL) per few
-- lines, and billed_month's key pays that again: measured on 602,573 lines of a month with six months of history
-- (200,000 workers), the insert took 6.8-7.4 s with it and 4.8-5.4 s without, triggers off (docs/benchmarks.md
-- "One worker index, not two").
drop index bill_line_worker_idx;

