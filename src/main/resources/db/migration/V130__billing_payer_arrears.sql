-- The arrears escalation (issue 11 item 9): every payer more than one month in arrears, kept per payer, so a national
-- list sorts the payers in arrears (tens of thousands at most) instead of summing every overdue balance of the country
-- on each request. What is "overdue" depends on the day asked about, so the rows hold the answer as of one day
-- (payer_arrears_state.as_of: balances due before it). The same rows answer every day with no due date between it and
-- as_of (the set of balances due before either day is the same); when a due date has passed, the first request of the
-- day rebuilds them (Escalations), and billing (BillBalances) recomputes the payers whose balances it rebuilds.
-- Exact: BillMonthTotalsIntegrationTests compares it with the direct statement on the days around the due dates.
--   months       payer-months with something owed on lines due before as_of (more than one, or no row)
--   outstanding  what is owed of them; oldest_due the earliest due date among them
create table payer_arrears (
    payer_id    bigint primary key,
    region_code text collate "C" not null,
    kind        text not null,
    code        text collate "C" not null,
    months      int not null,
    outstanding numeric(18, 2) not null,
    oldest_due  date not null
);
create index payer_arrears_region_idx on payer_arrears (region_code);
comment on table payer_arrears is
    'distribution: province of region_code; primary key gains the province';

-- as_of far in the past: no balance is due before it, so the empty table is right for it and the first request rebuilds
create table payer_arrears_state (
    id    int primary key check (id = 1),
    as_of date not null
);
insert into payer_arrears_state values (1, date '0001-01-01');
comment on table payer_arrears_state is 'distribution: coordinator';

-- whether a due date lies between two days: one probe (a few distinct dates, so the index is small after deduplication)
create index bill_balance_due_idx on bill_balance (due_date);
