-- Each allocation keeps its late weight: the rupiah of the line times the started months each was late, summed over the
-- payments that paid it (RULES.md 1.5: "2% per month of delay, on the contribution that should have been paid").
-- A bill's fine is then the month's rate times the sum of its lines' late weights plus, for what is still unpaid,
-- the unpaid rupiah times the months late on the day asked (LateFines).
--
-- Why: a line can be paid by several payments, each on its own date. Since 6 December 2026 the fine traced each line's
-- money back to the payments it came from every time a bill was read: an 11,776-line APBD bill read in 1.10-2.21 s
-- instead of 0.15-0.53 s, a page of 50 bills in 0.41-0.97 s instead of 0.16-0.62 s (docs/benchmarks.md, "A bill's fine
-- traced to the payments"). The allocation knows where each line sits in the payer's stream of payments when it writes
-- it (Allocation.ALLOC_NEW), so it writes the weight there once.
alter table payment_allocation add column late numeric;

-- The weights of the allocations already written, by the same trace: the payer's lines in allocation order (month,
-- programme JKK JKM JP JHT JKP, worker, share, line) fill its payments in date order (then id) from the first rupiah,
-- so a line's money is the stretch (upto - amount, upto] of that stream, paid by the first payment ending at or after
-- its end (one index probe) and, only when that one began inside the stretch, by the payments ending inside it.
create temp table v177_pay on commit drop as
select payer_id, paid_on, amount, sum(amount) over (partition by payer_id order by paid_on, id rows unbounded preceding) as cum
from payment where reversed_at is null;
create index on v177_pay (payer_id, cum);
analyze v177_pay;

create temp table v177_pos on commit drop as
select a.bill_line_id, a.payer_id, a.amount, l.due_date,
       sum(a.amount) over (partition by a.payer_id
                           order by a.month, case l.program when 'JKK' then 1 when 'JKM' then 2 when 'JP' then 3 when 'JHT' then 4 else 5 end,
                                    l.worker_id, l.share, l.id
                           rows unbounded preceding) as upto
from payment_allocation a join bill_line l on l.id = a.bill_line_id;

alter table payment_allocation disable trigger payment_allocation_changed_update;
update payment_allocation a set late = w.late
from (select p.bill_line_id,
             case when last.cum is null or last.paid_on <= p.due_date then 0
                  when last.cum - last.amount <= p.upto - p.amount then p.amount * months_late(p.due_date, last.paid_on)
                  else (p.upto - (last.cum - last.amount)) * months_late(p.due_date, last.paid_on)
                       + (select coalesce(sum((y.cum - greatest(p.upto - p.amount, y.cum - y.amount)) * months_late(p.due_date, y.paid_on)), 0)
                          from v177_pay y where y.payer_id = p.payer_id and y.cum > p.upto - p.amount and y.cum < p.upto)
             end as late
      from v177_pos p
      left join lateral (select y.cum, y.amount, y.paid_on from v177_pay y
                         where y.payer_id = p.payer_id and y.cum >= p.upto order by y.cum limit 1) last on true) w
where w.bill_line_id = a.bill_line_id;
alter table payment_allocation enable trigger payment_allocation_changed_update;

alter table payment_allocation alter column late set not null;
comment on column payment_allocation.late is 'rupiah x started months late of this allocation, per payment that paid it (LateFines)';
