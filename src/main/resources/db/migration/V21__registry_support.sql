-- Registry support beside the V20 contract: village-government payers for every desa, worker status
-- history, likely-duplicate flags, the bulk-load staging table and the indexes the worker list needs.

-- Every desa (not kelurahan: a kelurahan has no APBDes) gets its village-government payer. New desa of a
-- later region list are added at start-up by the registry (same statement, on conflict do nothing).
insert into payer (code, kind, name, region_code)
select 'APBDES:' || code, 'APBDES', 'Pemerintah Desa ' || name, code
from region where level = 'VILLAGE' and kind = 'DESA'
on conflict (code) do nothing;

create table worker_status_event (
    id            bigint generated always as identity primary key,
    worker_id     bigint not null references worker (id),
    village_code  text collate "C" not null,
    status        text not null check (status in ('ACTIVE', 'DECEASED', 'MOVED', 'INACTIVE')),
    reason        text not null,
    effective_on  date not null,
    created_at    timestamptz not null default now(),
    created_by    text not null
);
create index worker_status_event_worker_idx on worker_status_event (worker_id, id);

-- Same normalised name and birth date in the same district, different NIK: probably one person twice.
create table likely_duplicate (
    id             bigint generated always as identity primary key,
    worker_id      bigint not null references worker (id),
    other_id       bigint not null references worker (id),
    village_code   text collate "C" not null,
    similarity     real not null,
    status         text not null default 'OPEN' check (status in ('OPEN', 'SAME_PERSON', 'DIFFERENT_PEOPLE')),
    created_at     timestamptz not null default now(),
    check (worker_id < other_id),
    unique (worker_id, other_id)
);
create index likely_duplicate_village_idx on likely_duplicate (village_code, status);

-- Worker list of one village: first page in name order straight from the index.
create index worker_village_name_idx on worker (village_code, full_name, id);
-- Likely-duplicate lookups: district of domicile and birth date.
create index worker_district_birth_idx on worker ((substr(village_code, 1, 8)), birth_date);
create index worker_name_trgm_idx on worker using gin (lower(full_name) gin_trgm_ops);
create index membership_term_open_idx on membership_term (worker_id, program) where valid_to is null;

-- Rows of a bulk load, checked and resolved in Java, copied here, then applied set-based in chunks.
create table worker_stage (
    batch_id        bigint not null,
    line            bigint not null,
    nik             text collate "C" not null,
    full_name       text not null,
    sex             char(1) not null,
    birth_date      date not null,
    village_code    text collate "C" not null,
    category        text not null,
    segment         text not null,
    wage            numeric(18, 2) not null,
    risk_group      text,
    programs        text[] not null,
    payer_code      text collate "C" not null,
    payer_kind      text not null,
    payer_name      text not null,
    payer_region    text collate "C" not null,
    start_date      date not null,
    phone           text,
    kpj             text,
    rejected        boolean not null default false,
    primary key (batch_id, line)
);
