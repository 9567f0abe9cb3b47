-- Districts and villages with many workers (issue 14 speed, docs/decisions/0010-coverage-rollups.md): their counts are
-- kept as per-day changes in coverage_delta and coverage_delta_month, like the nation's, a province's and a regency's,
-- so a 10,000-worker village reads a few hundred change rows instead of every span of its workers. The others are
-- still counted from their spans (a few dozen rows). Membership only grows between rebuilds (a group is added by the
-- refresh that takes it over the threshold, with all its changes at once), so a group's changes are always complete.
-- Derived data like the other rollups: unlogged, emptied with them by a crash, refilled by the rebuild that follows.
create unlogged table coverage_levelled_group (
    grp text collate "C" primary key
);
