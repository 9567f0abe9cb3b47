-- What each bill amounts to and what is paid of it, per due date (a bill's PU and BPU lines fall due on different
-- days), kept by billing whenever lines or allocations change (BillBalances). The bill list, its month totals and
-- the arrears escalation read these few rows instead of summing every bill line of the country on each request.
--   total  every line of the bill with that due date, reversals and adjustments included (what the bill shows)
--   paid   what allocation settled of those lines
--   owed   what is still unpaid of the live lines (effective amount less allocation)
create table bill_balance (
    payer_id  bigint not null,
    month     date not null,
    due_date  date not null,
    total     numeric(18, 2) not null,
    paid      numeric(18, 2) not null,
    owed      numeric(18, 2) not null,
    primary key (payer_id, month, due_date)
);

insert into bill_balance (payer_id, month, due_date, total, paid, owed)
select l.payer_id, l.month, l.due_date, sum(l.amount), coalesce(sum(a.amount), 0),
       coalesce(sum(e.eff - coalesce(a.amount, 0)) filter (where l.kind <> 'REVERSAL'), 0)
from bill_line l
left join payment_allocation a on a.bill_line_id = l.id
left join bill_line_effective e on e.id = l.id
group by l.payer_id, l.month, l.due_date;

-- the bill list pages through a month's bills in region order within the caller's scope
create index bill_month_region_idx on bill (month, payer_region_code, payer_id);
