-- Potential workforce per region and year: the denominator of coverage.
create table potential_workforce (
    region_code       text collate "C" not null references region (code),
    year              int not null check (year between 1990 and 2100),
    potential_workers bigint not null check (potential_workers >= 0),
    source            text not null check (length(trim(source)) > 0),
    demo              boolean not null default false,
    recorded_at       timestamptz not null default now(),
    recorded_by       text not null,
    primary key (region_code, year)
);
create index potential_workforce_year_idx on potential_workforce (year, region_code);
