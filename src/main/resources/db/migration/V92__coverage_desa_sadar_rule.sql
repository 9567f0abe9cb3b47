-- Coverage owns the criterion of a Desa Sadar Jaminan Sosial Ketenagakerjaan as dated, cited data (issue 14): a rule
-- is in force from valid_from until the next row's valid_from, so a later rule ("and at least N% of its BPD and
-- RT/RW") is a new row, never a code change. docs/coverage.md explains each column.
--   valid_from          first day the rule applies
--   required_present    categories of which at least one person must be registered in the desa on the date
--   required_all        categories whose every registered person must be protected on the date
--   share_categories    categories of which at least share_min_percent percent of the registered must be protected
--   share_min_percent   0 when the rule has no share criterion
--   near_miss_max       a desa that misses by 1 to this many people is a near miss
--   regulation, sources where the rule comes from (source ids of src/main/resources/regulations/sources.tsv)
create table coverage_desa_sadar_rule (
    valid_from        date primary key,
    required_present  text[] not null,
    required_all      text[] not null,
    share_categories  text[] not null default '{}',
    share_min_percent numeric(5, 2) not null default 0 check (share_min_percent between 0 and 100),
    near_miss_max     int not null default 2 check (near_miss_max between 0 and 10),
    regulation        text not null,
    sources           text not null,
    note              text
);

insert into coverage_desa_sadar_rule (valid_from, required_present, required_all, regulation, sources, note) values
('2017-01-01', '{KEPALA_DESA}', '{KEPALA_DESA,PERANGKAT_DESA}',
 'BPJS Ketenagakerjaan, Desa Sadar Jaminan Sosial Ketenagakerjaan (initiative since 2017)', 'S118, S119, S120, S121',
 'Key criterion: all village apparatus registered (kepala desa and perangkat desa protected); some designations also '
 'count RT/RW and village bodies (S123) or every worker of the village (S122): add a dated row with share_categories '
 'when a rule says so');
