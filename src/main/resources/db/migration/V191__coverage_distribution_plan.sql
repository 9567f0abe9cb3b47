-- How each coverage table would be placed on a Citus cluster distributed by province (docs/scaling.md), recorded beside
-- the table as V108/V109 do for the registry and billing. The rollups follow the facts they are derived from, so a
-- refresh stays on the shard of the change; the nation's rows (group '') become one row per province, summed at read.
-- Comments only: nothing changes at run time.
comment on table coverage_rollup_state is 'distribution: coordinator; one row, the refresh''s bookkeeping';
comment on table coverage_desa_sadar_rule is 'distribution: reference; dated rule data, a few rows read by every shard';
comment on table coverage_local_regulation is
    'distribution: province of region_code; a Perbup, Pergub, Perdes or MoU lies inside its region, its file with it';
comment on table coverage_worker_span is 'distribution: province of village_code; a transfer across provinces moves the span';
comment on table coverage_span_stage is 'distribution: province of village_code';
comment on table coverage_delta is
    'distribution: province of grp; the nation''s rows (grp '''') become one row per province, summed at read';
comment on table coverage_delta_month is
    'distribution: province of grp; the nation''s rows (grp '''') become one row per province, summed at read';
comment on table coverage_delta_stage is 'distribution: province of grp';
comment on table coverage_levelled_group is 'distribution: province of grp';
comment on table coverage_money is
    'distribution: province of grp; the nation''s rows (grp '''') become one row per province, summed at read';
comment on table coverage_money_stage is 'distribution: province of village_code';
comment on table coverage_money_village is 'distribution: province of village_code';
comment on table coverage_money_worker is 'distribution: province of village_code';
comment on table coverage_money_worker_load is 'distribution: province of village_code';
comment on table coverage_money_worker_stage is 'distribution: province of village_code';
comment on table coverage_desa_sadar_span is 'distribution: province of village_code';
comment on table coverage_desa_sadar_stage is 'distribution: province of village_code';
comment on table coverage_refresh_village is 'distribution: province of village_code';
comment on table coverage_refresh_worker is 'distribution: province of worker; needs a province column (today only worker_id)';
