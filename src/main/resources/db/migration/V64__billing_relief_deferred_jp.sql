-- PP 49/2020: a relief-month JP line records the part deferred (99%) beside its payable amount, and the bills of the
-- settlement months carry the deferred JP as lines of their own (docs/regulations.md, "PP 49/2020 in billing").
--   line_type  CONTRIBUTION: the month's contribution share; JP_DEFERRED: an instalment of JP deferred by the relief
--   deferred   the part of this line's contribution not payable this month but owed later (0 outside the relief)
-- Adding columns with a constant default rewrites no rows, and the append-only trigger concerns rows, not columns.
alter table bill_line
    add column line_type text not null default 'CONTRIBUTION' check (line_type in ('CONTRIBUTION', 'JP_DEFERRED')),
    add column deferred numeric(18, 2) not null default 0;
