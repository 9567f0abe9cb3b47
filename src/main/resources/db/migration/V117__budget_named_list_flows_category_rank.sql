-- Budget planning (issue 15), continued: joiners and leavers of a cohort, a plan's named list (people in the worker
-- import format, not registered), prioritisation over that list, and the category rank each payer sets.

-- Joiners and leavers of a planned cohort, as counts per month after its first month.
alter table budget_cohort
    add column joiners integer not null default 0 check (joiners >= 0),
    add column leavers integer not null default 0 check (leavers >= 0);

-- The plan's input as given (payer, year, reference date, cohorts, name): a DRAFT is costed again from it when its named
-- list changes. Null for plans stored before this column; they are rebuilt from their columns and cohorts.
alter table budget_plan add column request jsonb;

-- A plan's named list: the file it came from.
create table budget_list (
    plan_id     bigint primary key references budget_plan (id) on delete cascade,
    file_name   text not null check (length(file_name) <= 300),
    people      integer not null check (people >= 0),
    uploaded_by text not null,
    uploaded_at timestamptz not null default now()
);

-- The people of a named list, as checked by the worker import's rules; none of them is registered by it.
create table budget_list_person (
    plan_id      bigint not null references budget_list (plan_id) on delete cascade,
    line         bigint not null,
    nik          text not null check (nik ~ '^[0-9]{16}$'),
    full_name    text not null,
    sex          text,
    birth_date   date,
    village_code text collate "C" not null,
    category     text not null,
    segment      text not null check (segment in ('PU', 'BPU')),
    wage         numeric(18, 2) not null check (wage > 0),
    risk_group   text,
    programs     text[] not null,
    start_date   date not null,
    p3ke_decile  integer check (p3ke_decile between 1 and 10),
    primary key (plan_id, nik)
);
create index budget_list_person_line_idx on budget_list_person (plan_id, line);

-- Where the last prioritisation took its candidates from; for IMPORTED_LIST the chosen are named by NIK.
alter table budget_priority
    add column candidates text not null default 'UNPROTECTED_IN_AREA'
        check (candidates in ('UNPROTECTED_IN_AREA', 'IMPORTED_LIST'));

create table budget_list_choice (
    plan_id bigint not null references budget_plan (id) on delete cascade,
    nik     text not null,
    rank    integer not null,
    cost    numeric(18, 2) not null,
    primary key (plan_id, nik)
);

-- Enrolment from a list records the worker it opened memberships for, as from registered candidates (budget_enrolment).

-- The order of worker categories a payer sets for its prioritisations (the default order's second key).
create table budget_category_rank (
    payer_id   bigint not null references payer (id),
    position   integer not null check (position >= 0),
    category   text not null,
    updated_by text not null,
    updated_at timestamptz not null default now(),
    primary key (payer_id, category),
    unique (payer_id, position)
);
