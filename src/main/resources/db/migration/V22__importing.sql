-- Staged bulk imports: one batch per uploaded file, its rejected rows, and its progress through the
-- chunked, restartable apply step.
create table import_batch (
    id              bigint generated always as identity primary key,
    kind            text not null default 'WORKERS',
    file_name       text not null,
    file_sha256     text not null,
    format          text not null check (format in ('CSV', 'XLSX')),
    status          text not null check (status in ('PENDING', 'VALIDATED', 'IMPORTING', 'IMPORTED', 'PARTIALLY_IMPORTED', 'FAILED')),
    created_by      text not null,
    scope_code      text collate "C" not null,
    header          text[] not null default '{}',
    total_rows      bigint not null default 0,
    valid_rows      bigint not null default 0,
    rejected_rows   bigint not null default 0,
    max_line        bigint not null default 0,
    chunk_size      int not null default 50000,
    chunks_done     int not null default 0,
    workers_created bigint not null default 0,
    terms_opened    bigint not null default 0,
    terms_closed    bigint not null default 0,
    failure         text,
    created_at      timestamptz not null default now(),
    validated_at    timestamptz,
    finished_at     timestamptz
);
create index import_batch_scope_idx on import_batch (scope_code, id desc);

create table import_rejection (
    batch_id  bigint not null references import_batch (id),
    line      bigint not null,
    field     text,
    code      text not null,
    message   text not null,
    raw       text[] not null default '{}'
);
create index import_rejection_batch_idx on import_rejection (batch_id, line);
