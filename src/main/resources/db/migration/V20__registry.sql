-- Worker registry: workers, payers and dated membership terms.
-- Every worker-level row carries the village code so scoped queries are index ranges and the tables can
-- later be distributed by region code.

create table payer (
    id           bigint generated always as identity primary key,
    -- stable public code: APBDES:<desa code>, APBD:<regency or province code>, SELF:<nik>, EMPLOYER:<id>
    code         text collate "C" not null unique,
    kind         text not null check (kind in ('APBDES', 'APBD', 'EMPLOYER', 'SELF', 'DONOR')),
    name         text not null,
    -- the region the payer belongs to (the desa, the regency/province, the employer's or worker's village)
    region_code  text collate "C" not null references region (code),
    contact      text,
    created_at   timestamptz not null default now()
);
create index payer_region_idx on payer (region_code);

create table worker (
    id              bigint generated always as identity primary key,
    -- one worker per NIK, nationally
    nik             text collate "C" not null unique check (nik ~ '^[0-9]{16}$'),
    full_name       text not null,
    sex             char(1) not null check (sex in ('L', 'P')),
    birth_date      date not null,
    village_code    text collate "C" not null references region (code),
    phone           text,
    kpj             text,
    category        text not null check (category in ('KEPALA_DESA', 'PERANGKAT_DESA', 'BPD', 'LKD', 'RT_RW', 'KADER',
                        'PENDAMPING_DESA', 'HONORER', 'PENYELENGGARA_PEMILU', 'PETANI', 'NELAYAN', 'BURUH',
                        'PEDAGANG_UMKM', 'OJEK', 'OTHER_INFORMAL')),
    extreme_poverty boolean not null default false,
    poverty_decile  smallint check (poverty_decile between 1 and 10),
    status          text not null default 'ACTIVE' check (status in ('ACTIVE', 'DECEASED', 'MOVED', 'INACTIVE')),
    created_at      timestamptz not null default now(),
    created_by      text not null
);
create index worker_village_idx on worker (village_code, id);

-- One programme held by one worker over a period, with its terms. A change of wage, risk or payer
-- closes the current term (valid_to) and opens a new one: terms are versions, never overwritten.
create table membership_term (
    id                bigint generated always as identity primary key,
    worker_id         bigint not null references worker (id),
    village_code      text collate "C" not null,
    program           text not null check (program in ('JKK', 'JKM', 'JHT', 'JP', 'JKP')),
    segment           text not null check (segment in ('PU', 'BPU')),
    -- PU: monthly wage; BPU: declared income
    wage              numeric(18, 2) not null check (wage >= 0),
    risk_group        text check (risk_group in ('VERY_LOW', 'LOW', 'MEDIUM', 'HIGH', 'VERY_HIGH')),
    labour_intensive  boolean not null default false,
    -- who pays the employer share (PU) and the worker share; for BPU both are the participant's payer
    employer_payer_id bigint references payer (id),
    worker_payer_id   bigint not null references payer (id),
    valid_from        date not null,
    -- exclusive; null while the term is open
    valid_to          date,
    end_reason        text check (end_reason in ('DECEASED', 'RESIGNED', 'END_OF_TERM', 'LAPSED', 'TRANSFERRED',
                        'CHANGED', 'OTHER')),
    created_at        timestamptz not null default now(),
    created_by        text not null,
    check (valid_to is null or valid_to > valid_from),
    check ((valid_to is null) = (end_reason is null)),
    check (segment = 'BPU' or employer_payer_id is not null),
    check (segment = 'PU' or program in ('JKK', 'JKM', 'JHT')),
    exclude using gist (worker_id with =, program with =, daterange(valid_from, valid_to) with &&)
);
create index membership_term_village_idx on membership_term (village_code, worker_id);
create index membership_term_worker_idx on membership_term (worker_id, program, valid_from);
create index membership_term_period_idx on membership_term (valid_from, valid_to);
