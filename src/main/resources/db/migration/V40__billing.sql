-- Billing: bills per payer and month, append-only bill lines, payments and their allocation, and the
-- per worker x programme x month "paid" fact that makes protection on a date a lookup.

create table billing_run (
    id          bigint generated always as identity primary key,
    month       date not null check (extract(day from month) = 1),
    started_at  timestamptz not null default clock_timestamp(),
    finished_at timestamptz,
    run_by      text not null,
    bills       int,
    lines_added int,
    amount_added numeric(18, 2)
);

create table bill (
    id                bigint generated always as identity primary key,
    payer_id          bigint not null references payer (id),
    payer_region_code text collate "C" not null,
    month             date not null check (extract(day from month) = 1),
    -- the earliest due date of its lines (BPU: the 15th of the month; PU: the 15th of the next month)
    due_date          date not null,
    -- printed on the PDF so anyone can confirm the document is genuine
    verification_code text not null unique,
    created_at        timestamptz not null default now(),
    unique (payer_id, month)
);
create index bill_region_idx on bill (payer_region_code, month);
create index bill_month_idx on bill (month, payer_id);

-- Append-only: a correction is a REVERSAL of an earlier line plus a new ADJUSTMENT line.
create table bill_line (
    id                 bigint generated always as identity primary key,
    -- the bill is (payer_id, month): lines need no lookup of a bill id, so a run writes them in one pass
    payer_id           bigint not null,
    month              date not null,
    worker_id          bigint not null,
    village_code       text collate "C" not null,
    term_id            bigint not null,
    program            text not null check (program in ('JKK', 'JKM', 'JHT', 'JP', 'JKP')),
    segment            text not null check (segment in ('PU', 'BPU')),
    due_date           date not null,
    share              text not null check (share in ('EMPLOYER', 'WORKER')),
    kind               text not null check (kind in ('ORIGINAL', 'ADJUSTMENT', 'REVERSAL')),
    base               numeric(18, 2) not null,
    rate               numeric(12, 8),
    amount             numeric(18, 2) not null,
    regulation_version text not null,
    reverses_line_id   bigint,
    run_id             bigint,
    created_at         timestamptz not null default now()
);
create index bill_line_key_idx on bill_line (month, worker_id, program, share);
create index bill_line_village_idx on bill_line (village_code, month);
create index bill_line_reverses_idx on bill_line (reverses_line_id) where reverses_line_id is not null;
create index bill_line_payer_idx on bill_line (payer_id, month);

create function bill_line_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'bill_line is append-only: correct with a reversal and a new line (% refused)', tg_op;
end;
$$;
create trigger bill_line_no_update before update or delete on bill_line
    for each row execute function bill_line_is_append_only();

create table payment (
    id            bigint generated always as identity primary key,
    payer_id      bigint not null references payer (id),
    payer_region_code text collate "C" not null,
    -- the bank's or BPJS's reference: posting the same reference twice stores one payment
    reference     text not null,
    paid_on       date not null,
    amount        numeric(18, 2) not null check (amount > 0),
    channel       text not null,
    recorded_at   timestamptz not null default now(),
    recorded_by   text not null,
    reversed_at   timestamptz,
    reversed_by   text,
    reversal_reason text,
    unique (payer_id, reference)
);
create index payment_region_idx on payment (payer_region_code, paid_on);

-- How much of each bill line is settled, derived from the payer's payments oldest month first; rebuilt
-- (from the first month with anything outstanding) whenever the payer's payments or lines change.
create table payment_allocation (
    bill_line_id bigint primary key references bill_line (id),
    payer_id     bigint not null,
    month        date not null,
    amount       numeric(18, 2) not null check (amount > 0),
    paid_on      date not null
);
create index payment_allocation_payer_idx on payment_allocation (payer_id, month);

-- Derived fact kept by allocation: the month is fully paid for this worker and programme.
create table paid_month (
    worker_id    bigint not null,
    program      text not null,
    month        date not null,
    village_code text collate "C" not null,
    paid_on      date not null,
    primary key (worker_id, program, month)
);
create index paid_month_village_idx on paid_month (village_code, month);
