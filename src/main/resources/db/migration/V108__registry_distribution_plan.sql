-- How each registry table would be placed on a Citus cluster distributed by province (docs/scaling.md), recorded in the
-- catalog beside the table so that whoever adds a table or a key sees the rule where it applies. Comments only: no
-- data, index, constraint or statement changes, so this costs nothing at run time. DistributionPlanIntegrationTests
-- checks that every column a comment names exists and holds a region code.
-- Form: 'distribution: <province of COLUMN | reference | coordinator>; <what must change before distributing>'.
comment on table worker is
    'distribution: province of village_code; the national unique NIK and public_id need NIK- and id-keyed lookup tables (docs/scaling.md)';
comment on table membership_term is
    'distribution: province of village_code; keys and the one-open-term index gain the province; overlap check runs per shard';
comment on table worker_status_event is
    'distribution: province of village_code';
comment on table likely_duplicate is
    'distribution: province of village_code; pairs are found within a district, so both workers are on one shard';
comment on table payer is
    'distribution: province of region_code; every payer lies inside one province (decision 0006); unique code gains the province';
comment on table worker_stage is
    'distribution: province of village_code';
comment on table worker_category is
    'distribution: reference';
