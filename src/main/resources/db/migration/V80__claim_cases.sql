-- Claims (issue 13): a case per worker and incident, its decisions, components, heirs, children and scholarship
-- years, documents and history. Every table carries region_code (the worker's village when the case opened), the
-- distribution column for a Citus-style sharding: keys and joins include it, and each table has an index on it
-- for the scoped range queries ('64.02' <= region_code < '64.02/').

create table claim_case (
    id                 bigint generated always as identity,
    region_code        text        not null,
    worker_id          bigint      not null,
    case_type          text        not null check (case_type in ('JKM_DEATH', 'JKK_DEATH', 'JKK_TOTAL_DISABILITY',
                           'JKK_PARTIAL_DISABILITY', 'JKK_TEMPORARY_DISABILITY', 'JKK_MEDICAL', 'JHT', 'JP_OLD_AGE', 'JKP')),
    incident_date      date        not null,
    reported_on        date,
    status             text        not null check (status in ('SUBMITTED', 'VERIFIED', 'APPROVED', 'REJECTED', 'PAID')),
    eligible           boolean     not null,
    -- the request's facts as sent (jsonb), so that an explicit recomputation uses the same facts
    request            jsonb       not null,
    segment            text,
    wage               numeric(18, 2),
    total              numeric(18, 2) not null check (total >= 0),
    regulation_version text        not null,
    rejection_reason   text,
    file_complete_on   date,
    payment_reference  text,
    paid_on            date,
    paid_amount        numeric(18, 2),
    paid_heir          text,
    paid_by            text,
    opened_by          text        not null,
    opened_at          timestamptz not null,
    status_since       timestamptz not null,
    primary key (region_code, id)
);
create unique index claim_case_id on claim_case (id);
create index claim_case_region on claim_case (region_code, status);
create index claim_case_worker on claim_case (worker_id);
-- a backstop for CASE_ALREADY_OPEN (the policy answers first, under a per-worker lock)
create unique index claim_case_one_death on claim_case (region_code, worker_id)
    where case_type in ('JKM_DEATH', 'JKK_DEATH') and status <> 'REJECTED';
create unique index claim_case_one_per_incident on claim_case (region_code, worker_id, case_type, incident_date)
    where status <> 'REJECTED';

create table claim_decision (
    region_code text    not null,
    case_id     bigint  not null,
    position    int     not null,
    code        text    not null,
    passed      boolean not null,
    effect      text    not null check (effect in ('REFUSES_CASE', 'WARNING', 'REFUSES_SCHOLARSHIP')),
    message     text    not null,
    primary key (region_code, case_id, position),
    foreign key (region_code, case_id) references claim_case (region_code, id)
);
create index claim_decision_region on claim_decision (region_code);

-- the components as decided; recomputation keeps the replaced set (replaced_at) and adds a new one
create table claim_component (
    region_code text           not null,
    case_id     bigint         not null,
    position    int            not null,
    code        text           not null,
    amount      numeric(18, 2) not null check (amount >= 0),
    refs        jsonb          not null,
    replaced_at timestamptz,
    foreign key (region_code, case_id) references claim_case (region_code, id)
);
create index claim_component_case on claim_component (region_code, case_id);

create table claim_heir (
    region_code  text   not null,
    case_id      bigint not null,
    position     int    not null,
    name         text   not null,
    nik          text,
    relationship text   not null check (relationship in ('SPOUSE', 'CHILD', 'PARENT', 'GRANDPARENT', 'GRANDCHILD', 'SIBLING',
                                                         'PARENT_IN_LAW', 'WILL', 'FUNERAL_ARRANGER')),
    bank_account text,
    primary key (region_code, case_id, position),
    foreign key (region_code, case_id) references claim_case (region_code, id)
);
create index claim_heir_region on claim_heir (region_code);

create table claim_child (
    region_code  text   not null,
    case_id      bigint not null,
    position     int    not null,
    name         text   not null,
    birth_date   date   not null,
    school_level text   not null check (school_level in ('NONE', 'TK', 'SD', 'SMP', 'SMA', 'UNIVERSITY')),
    married_on   date,
    employed_on  date,
    primary key (region_code, case_id, position),
    foreign key (region_code, case_id) references claim_case (region_code, id)
);
create index claim_child_region on claim_child (region_code);

-- one row per child and school year (school_year = the year it starts in July)
create table claim_scholarship (
    region_code       text           not null,
    case_id           bigint         not null,
    child             int            not null,
    school_year       int            not null,
    level             text           not null,
    amount            numeric(18, 2) not null check (amount >= 0),
    stop_reason       text,
    payment_reference text,
    paid_on           date,
    paid_amount       numeric(18, 2),
    paid_by           text,
    primary key (region_code, case_id, child, school_year),
    foreign key (region_code, case_id, child) references claim_child (region_code, case_id, position)
);
create index claim_scholarship_region on claim_scholarship (region_code);

create table claim_document (
    id           bigint generated always as identity,
    region_code  text        not null,
    case_id      bigint      not null,
    type         text        not null check (type in ('KTP', 'KK', 'DEATH_CERTIFICATE', 'HEIR_STATEMENT', 'ACCIDENT_REPORT',
                                                      'MEDICAL_RESUME', 'SCHOOL_CERTIFICATE', 'BANK_BOOK')),
    child        int,
    school_year  int,
    file_name    text        not null,
    content_type text        not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
    size_bytes   bigint      not null check (size_bytes > 0),
    sha256       text        not null,
    content      bytea       not null,
    uploaded_by  text        not null,
    uploaded_at  timestamptz not null,
    primary key (region_code, id),
    foreign key (region_code, case_id) references claim_case (region_code, id),
    check ((type = 'SCHOOL_CERTIFICATE') = (child is not null and school_year is not null))
);
create index claim_document_case on claim_document (region_code, case_id);

create table claim_history (
    id          bigint generated always as identity,
    region_code text        not null,
    case_id     bigint      not null,
    status      text        not null,
    action      text        not null,
    reason      text,
    at          timestamptz not null,
    by_user     text        not null,
    primary key (region_code, id),
    foreign key (region_code, case_id) references claim_case (region_code, id)
);
create index claim_history_case on claim_history (region_code, case_id);

-- claim_payment: every payment of a case or of a scholarship year, for the benefits-paid figures (coverage).
--   region_code  text     the worker's village when the case opened (scope ranges apply to it)
--   worker_id    bigint   registry_worker.id
--   case_type    text     ClaimType (JKM_DEATH ... JKP)
--   paid_on      date
--   amount       numeric  rupiah
create view claim_payment as
select c.region_code, c.worker_id, c.case_type, c.paid_on, c.paid_amount as amount
from claim_case c where c.status = 'PAID'
union all
select s.region_code, c.worker_id, c.case_type, s.paid_on, s.paid_amount as amount
from claim_scholarship s join claim_case c on c.region_code = s.region_code and c.id = s.case_id
where s.paid_on is not null;
