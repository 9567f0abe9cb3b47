-- Coverage rollups (issue 14, docs/decisions/0010-coverage-rollups.md): exact indicators in milliseconds. Everything
-- here is derived from what registry and billing publish and is rebuilt from it when missing, so the tables are
-- unlogged (a crash empties them, and the missing state row makes the next read rebuild them).

-- The refresh's bookkeeping: the snapshot up to which the published change logs were consumed, and what the
-- rollups were built with (Desa Sadar rules, the due-date calendar); a change of either rebuilds them.
create unlogged table coverage_rollup_state (
    id            int primary key check (id = 1),
    snapshot      text not null,
    rules_hash    text not null,
    calendar_hash text not null,
    built_at      timestamptz not null
);

-- A worker's registered span: from_day inclusive, to_day exclusive (null: open), during which every counted fact of
-- the worker is constant: the village, segment and payer of the term the counts use (JKK first), the current
-- category, apparatus group and P3KE decile, protected (JKK and JKM PROTECTED or IN_GRACE), and per programme
-- registered and protected. payer_kind is null when the payer is unknown: such a worker counts only per programme,
-- as the direct count does.
create unlogged table coverage_worker_span (
    worker_id     bigint not null,
    village_code  text collate "C" not null,
    from_day      date not null,
    to_day        date,
    segment       text not null,
    payer_kind    text,
    category      text not null,
    apparatus     text,
    poverty       text,
    protected     boolean not null,
    reg_programs  text[] not null,
    prot_programs text[] not null
);
create index coverage_worker_span_village_idx on coverage_worker_span (village_code, from_day);
create index coverage_worker_span_worker_idx on coverage_worker_span (worker_id);
create unlogged table coverage_span_stage (like coverage_worker_span);

-- Per group (the nation '', a province, a regency: the prefix of the village code) and day, the change of each count
-- on that day: a count on date D is the sum of the changes with day <= D. Districts and villages read the spans.
create unlogged table coverage_delta (
    grp    text collate "C" not null,
    day    date not null,
    dim    text not null,
    key    text not null,
    d_reg  bigint not null,
    d_prot bigint not null,
    primary key (grp, day, dim, key)
);
-- The same changes summed per month, so a date's count reads the months before its own and its own month's days: a
-- few dozen rows per key, whatever the length of the history.
create unlogged table coverage_delta_month (
    grp    text collate "C" not null,
    month  date not null,
    dim    text not null,
    key    text not null,
    d_reg  bigint not null,
    d_prot bigint not null,
    primary key (grp, month, dim, key)
);
create unlogged table coverage_delta_stage (
    grp    text collate "C" not null,
    day    date not null,
    dim    text not null,
    key    text not null,
    d_reg  bigint not null,
    d_prot bigint not null
);

-- The days a desa is Desa Sadar Jamsostek (from_day inclusive, to_day exclusive, null: open).
create unlogged table coverage_desa_sadar_span (
    village_code text collate "C" not null,
    from_day     date not null,
    to_day       date
);
create index coverage_desa_sadar_span_village_idx on coverage_desa_sadar_span (village_code, from_day);
create unlogged table coverage_desa_sadar_stage (like coverage_desa_sadar_span);

-- Money per village, contribution month and settling day: billed counts whatever the day, paid on days <= the
-- period's end. day is '-infinity' for what nothing settled.
create unlogged table coverage_money_village (
    village_code text collate "C" not null,
    month        date not null,
    day          date not null,
    billed       numeric not null,
    paid         numeric not null,
    primary key (village_code, month, day)
);
create unlogged table coverage_money_stage (like coverage_money_village);
create unlogged table coverage_money (
    grp    text collate "C" not null,
    month  date not null,
    day    date not null,
    billed numeric not null,
    paid   numeric not null,
    primary key (grp, month, day)
);

-- The refresh's work lists (emptied by every refresh, under an advisory lock).
create unlogged table coverage_refresh_village (village_code text collate "C" primary key);
create unlogged table coverage_refresh_worker (worker_id bigint primary key);
