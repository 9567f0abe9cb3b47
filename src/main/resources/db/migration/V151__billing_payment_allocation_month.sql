-- The allocations of a month and later, for the paid-month facts after a billing run (issue 16): a paid (worker,
-- programme, month) has an allocated line, so after a run only the touched keys with an allocation since the run's
-- month are computed line by line (Allocation.refreshPaidMonths). Without this index finding those allocations read the
-- whole table (every month of the history); with it, a run of the latest month reads the few allocations of credit.
create index payment_allocation_month_idx on payment_allocation (month);
