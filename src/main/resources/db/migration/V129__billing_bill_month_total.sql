-- The bill list's counts and sums (issue 11 item 9): per month, the region a bill's payer belongs to (a village for
-- most payers), payer kind and status, how many bills and what they total and what is paid of them. Kept by billing
-- (BillBalances) in the same statements that rebuild bill_balance, as differences (the bills' figures before and
-- after), so concurrent allocations of payers in one village add up instead of overwriting each other.
-- A national page then sums about one row per village (~84,000) instead of looking up every bill's balance, and a
-- page far down the list is found from these counts (which villages hold rows offset..offset+size) instead of
-- reading every bill before it. Exact: BillMonthTotalsIntegrationTests compares it with a direct count.
--   unpaid  what the list's status filter means: the bill's total is larger than what is paid of it
create table bill_month_total (
    month       date not null,
    region_code text collate "C" not null,
    kind        text not null,
    unpaid      boolean not null,
    bills       bigint not null,
    total       numeric(18, 2) not null,
    paid        numeric(18, 2) not null,
    primary key (month, region_code, kind, unpaid)
);
comment on table bill_month_total is
    'distribution: province of region_code; primary key gains the province';

insert into bill_month_total (month, region_code, kind, unpaid, bills, total, paid)
select b.month, b.payer_region_code, p.kind, x.total > x.paid, count(*), sum(x.total), sum(x.paid)
from bill b join registry_payer p on p.id = b.payer_id
join (select payer_id, month, sum(total) as total, sum(paid) as paid from bill_balance group by payer_id, month) x
  on x.payer_id = b.payer_id and x.month = b.month
group by b.month, b.payer_region_code, p.kind, x.total > x.paid;
