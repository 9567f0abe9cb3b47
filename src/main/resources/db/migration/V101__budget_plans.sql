-- Budget plans (issue 15): a payer's contribution budget for one year, with its planned cohorts, the projection as it
-- was computed (a snapshot: a FINAL plan keeps the figures it was approved with), the last prioritisation under a
-- fixed budget and the enrolments made from it.
create table budget_plan (
    id                 bigint generated always as identity primary key,
    payer_id           bigint not null references payer (id),
    payer_code         text not null,
    payer_kind         text not null check (payer_kind in ('APBDES', 'APBD', 'EMPLOYER', 'DONOR')),
    region_code        text collate "C" not null,
    year               integer not null check (year between 2015 and 2200),
    reference_date     date not null,
    start_month        date not null,
    status             text not null default 'DRAFT' check (status in ('DRAFT', 'FINAL')),
    name               text check (name is null or length(name) <= 200),
    total              numeric(18, 2) not null,
    people             bigint not null check (people >= 0),
    regulation_version text not null,
    result             jsonb not null,
    created_by         text not null,
    created_at         timestamptz not null default now(),
    updated_at         timestamptz not null default now()
);
create index budget_plan_region_idx on budget_plan (region_code, year);
create index budget_plan_payer_idx on budget_plan (payer_id, year);

-- A planned cohort: people not (yet) in the registry, counted.
create table budget_cohort (
    plan_id     bigint not null references budget_plan (id) on delete cascade,
    position    integer not null,
    category    text not null,
    segment     text not null check (segment in ('PU', 'BPU')),
    head_count  integer not null check (head_count >= 0),
    wage        numeric(18, 2) not null check (wage > 0),
    programs    text[] not null,
    month_from  date not null,
    budget_line text not null,
    primary key (plan_id, position)
);

-- The last prioritisation of a plan: the budget, the ordering and whom it chose, in rank order.
create table budget_priority (
    plan_id       bigint primary key references budget_plan (id) on delete cascade,
    budget        numeric(18, 2) not null check (budget > 0),
    ordering      text[] not null,
    category_rank text[] not null,
    segment       text not null check (segment in ('PU', 'BPU')),
    wage          numeric(18, 2) not null check (wage > 0),
    programs      text[] not null,
    cost          numeric(18, 2) not null,
    created_by    text not null,
    created_at    timestamptz not null default now()
);

create table budget_choice (
    plan_id   bigint not null references budget_plan (id) on delete cascade,
    worker_id bigint not null,
    rank      integer not null,
    cost      numeric(18, 2) not null,
    primary key (plan_id, worker_id)
);

-- Enrolled once: a second enrolment of the same plan finds the worker here and creates nothing.
create table budget_enrolment (
    plan_id     bigint not null references budget_plan (id),
    worker_id   bigint not null,
    enrolled_by text not null,
    enrolled_at timestamptz not null default now(),
    primary key (plan_id, worker_id)
);
