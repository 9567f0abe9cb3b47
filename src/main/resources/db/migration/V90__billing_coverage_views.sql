-- Billing publishes what the coverage indicators (issue 14) read of it in set-based SQL. Every view is a projection
-- of billing's own tables (the planner inlines the plain ones); columns are a contract: add freely, change none.

-- billing_paid_month: the month is fully paid for this worker and programme (kept by allocation).
--   worker_id     bigint  registry_worker.id
--   program       text    JKK, JKM, JHT, JP or JKP
--   month         date    first day of the contribution month
--   village_code  text    the worker's village on the bill line
--   paid_on       date    the date the month became fully paid (a BPU month protects when paid_on is within its window)
create view billing_paid_month as
select p.worker_id, p.program, p.month, p.village_code, p.paid_on
from paid_month p;

-- billing_billed_month: a month billed for a worker and programme with a positive net amount (both shares, after
-- reversals). Only such a month can be in arrears (billing.ProtectionPolicy); the same rule as billing.Protection.
--   worker_id, program, month
create view billing_billed_month as
select l.worker_id, l.program, l.month
from bill_line l
group by l.worker_id, l.program, l.month
having sum(l.amount) > 0;

-- billing_line_money: every billed line with what is left of it after reversals and what of it is settled.
--   id            bigint   the line's id
--   payer_id      bigint   registry_payer.id
--   month         date     contribution month
--   worker_id     bigint
--   village_code  text     the worker's village (scope ranges apply to it)
--   program       text
--   segment       text     PU or BPU
--   share         text     EMPLOYER or WORKER
--   amount        numeric  the line after its reversals (0 when fully reversed)
--   paid          numeric  what allocation settled of it (null when nothing)
--   paid_on       date     the date of the payment that last settled it (null when nothing)
create view billing_line_money as
select l.id, l.payer_id, l.month, l.worker_id, l.village_code, l.program, l.segment, l.share, l.eff as amount,
       a.amount as paid, a.paid_on
from bill_line_effective l
left join payment_allocation a on a.bill_line_id = l.id;
