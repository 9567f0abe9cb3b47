-- billing_line_money_by_line: the rows of billing_line_money (same columns, same values), each line's settlement read
-- by one probe of the allocation's key. For reading the lines of a few workers or payers: joined as billing_line_money
-- joins it, the planner hashed those lines and read every allocation of the history to probe the hash once their
-- estimate passed about 20,000 lines, though the lines themselves came from an index in milliseconds (coverage's
-- money of the workers a province's payment file names, at 500,000 workers with thirteen months: 12.4 million
-- allocations read twice, 3.3 s of a 5.4 s statement; docs/benchmarks.md, "A payment file's balances and money read
-- their lines' allocations by key"). A lateral subquery that is not pulled up (offset 0) is never hashed. Reading
-- most lines of the history (a rebuild), billing_line_money's hash join stays the cheaper one.
--   id, payer_id, month, worker_id, village_code, program, segment, share, amount, paid, paid_on: as billing_line_money
create view billing_line_money_by_line as
select l.id, l.payer_id, l.month, l.worker_id, l.village_code, l.program, l.segment, l.share, l.eff as amount,
       a.paid, a.paid_on
from bill_line_effective l
left join lateral (select x.amount as paid, x.paid_on from payment_allocation x where x.bill_line_id = l.id offset 0) a on true;
