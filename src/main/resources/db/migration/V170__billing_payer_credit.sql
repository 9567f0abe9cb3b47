-- A payer's money that no bill line took: its live payments less all its allocations, kept by the allocation
-- (Allocation.reallocate, the one writer of payment_allocation, under the payer's lock) for every payer it settles.
-- Only payers with credit have a row.
--
-- Why (issue 16): a billing run tells the payers with money to settle its new month from the others
-- (RunPayers.of). It compared each payer's live payments with what its earlier months took, summing both over the
-- whole history: one payment and one or two balances per month and payer, read from the heap. That step grew from
-- 0.6 s per million memberships with no history to 3.5 s at ten months (docs/benchmarks.md, "500,000 workers with
-- twelve months of history"). With the credit kept, the test reads one key here and one of the allocations' index,
-- whatever the history:
--   payments - paid(months before m) = credit + paid(months m and later) > 0
--   <=> a credit row, or an allocation in month m or later (allocations are positive, V40).
create table payer_credit (
    payer_id bigint primary key,
    credit   numeric(18, 2) not null check (credit > 0)
);
comment on table payer_credit is 'distribution: province of payer; needs a province column (today only payer_id)';

insert into payer_credit (payer_id, credit)
select p.payer_id, p.paid - coalesce(a.allocated, 0)
from (select payer_id, sum(amount) as paid from payment where reversed_at is null group by payer_id) p
left join (select payer_id, sum(amount) as allocated from payment_allocation group by payer_id) a on a.payer_id = p.payer_id
where p.paid - coalesce(a.allocated, 0) > 0;
