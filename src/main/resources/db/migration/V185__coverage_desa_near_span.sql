-- Near misses kept as spans (issue 14): the nation's near-miss list (GET /api/v1/coverage/desa-sadar?status=NEAR, the
-- national dashboard) read every kepala desa and perangkat desa of the country to find the few desa that miss by one
-- or two people: 1.7 s of a 3.6 s answer at 2,000,000 workers, growing with the register (docs/benchmarks.md). The
-- Desa Sadar spans now also keep the days a desa is a near miss (near = true), judged by the same statement under the
-- same dated rule, so a near-miss list reads the people of its near-miss desa only. The Desa Sadar counts read the
-- spans with near = false, as before.
alter table coverage_desa_sadar_span add column near boolean not null default false;
alter table coverage_desa_sadar_stage add column near boolean not null default false;
create index coverage_desa_sadar_span_near_idx on coverage_desa_sadar_span (village_code, from_day) where near;

-- the rollups built so far keep no near misses: the next read rebuilds them once
delete from coverage_rollup_state;
