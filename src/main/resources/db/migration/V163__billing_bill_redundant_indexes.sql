-- Two of the bill table's six indexes serve no statement another index does not serve as well, and every billing run
-- writes each of its bills into them (issue 16 item 2; docs/benchmarks.md "The bill table's indexes"):
--   bill_month_idx (month, payer_id), V40: a bill of a payer and month is found by the unique (payer_id, month) with
--     the same two equalities (the bill list's probe per payer, the run's own lookups); a month's bills, or the bills
--     after a month, are a range on bill_month_region_idx (month, payer_region_code, payer_id), which holds payer_id
--     too (the run's "bill already exists" and "later bill" checks).
--   bill_region_idx (payer_region_code, month), V40: the bill list without a month in a region scope (the API) reads
--     bill_month_region_idx by skip scan (PostgreSQL 18: one descent per billed month), as the planner already chose
--     for a province or a district with both indexes present; with a month it is that index's leading columns.
drop index bill_month_idx;
drop index bill_region_idx;
