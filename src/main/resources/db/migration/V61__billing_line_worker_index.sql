-- Protection status reads the months billed for one worker (only a billed month can be in arrears):
-- without this index that read scans every line of every month.
create index bill_line_worker_idx on bill_line (worker_id, program, month);
