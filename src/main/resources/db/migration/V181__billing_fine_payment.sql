-- Late fines paid (RULES.md 1.5: the PU employer pays the fine "together with the next month's contributions").
--
-- Why a table of its own and not a kind of payment: a contribution payment is allocated to bill lines oldest month
-- first, and that allocation decides which months are paid (protection, arrears, the coverage money). Fine money must
-- not pay contributions, and contribution money must not silently become a fine: before this table a payer who paid a
-- bill's "to pay" (contributions plus fines) saw the fine part become credit for later months, and every later bill
-- kept showing the fine (decision 0003, amendment "Fines paid"). A fine payment names itself as one; a bill's amount due
-- subtracts the fine payments dated up to its date from the fines accrued, oldest month first.
create table fine_payment (
    id              bigint generated always as identity primary key,
    payer_id        bigint not null references payer (id),
    payer_region_code text collate "C" not null,
    -- the bank's or BPJS's reference: posting the same reference twice stores one fine payment
    reference       text not null,
    paid_on         date not null,
    amount          numeric(18, 2) not null check (amount > 0),
    channel         text not null,
    recorded_at     timestamptz not null default now(),
    recorded_by     text not null,
    reversed_at     timestamptz,
    reversed_by     text,
    reversal_reason text,
    unique (payer_id, reference)
);
create index fine_payment_region_idx on fine_payment (payer_region_code, paid_on);

comment on table fine_payment is
    'distribution: province of payer_region_code; unique (payer_id, reference) gains the province';
