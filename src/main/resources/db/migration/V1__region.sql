-- Official region hierarchy (Kemendagri codes). Codes use the C collation so that "everything under
-- a code" is one B-tree range: code >= '64.02' and code < '64.02/' ('/' follows '.').
create extension if not exists pg_trgm;
create extension if not exists btree_gist;

create table region (
    code         text collate "C" primary key,
    parent_code  text collate "C" references region (code),
    level        text not null check (level in ('PROVINCE', 'REGENCY', 'DISTRICT', 'VILLAGE')),
    kind         text check (kind in ('KABUPATEN', 'KOTA', 'DESA', 'KELURAHAN')),
    name         text not null,
    -- a code dropped from a newer official list is retired, never deleted, so references stay valid
    active       boolean not null default true,
    list_version text not null,
    check ((level = 'PROVINCE') = (parent_code is null)),
    check ((level = 'VILLAGE') = (kind in ('DESA', 'KELURAHAN')))
);

create index region_parent_idx on region (parent_code, code);
create index region_name_trgm_idx on region using gin (lower(name) gin_trgm_ops);

create table region_list (
    version    text primary key,
    source     text not null,
    loaded_at  timestamptz not null default now(),
    loaded_by  text not null,
    provinces  int not null,
    regencies  int not null,
    districts  int not null,
    villages   int not null,
    retired    int not null
);
