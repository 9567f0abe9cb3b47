-- How each budget table would be placed on a Citus cluster distributed by province (docs/scaling.md), recorded beside
-- the table as V108/V109 do for the registry and billing. A plan belongs to one payer and every payer lies inside one
-- province (decision 0006), so a plan, its cohorts, choices, lists and enrolments share the province of its region.
-- Comments only: nothing changes at run time.
comment on table budget_plan is
    'distribution: province of region_code; a plan''s payer lies inside one province (decision 0006)';
comment on table budget_cohort is 'distribution: province of plan; needs a province column (today only plan_id)';
comment on table budget_choice is 'distribution: province of plan; needs a province column (today only plan_id)';
comment on table budget_enrolment is 'distribution: province of plan; needs a province column (today only plan_id)';
comment on table budget_list is 'distribution: province of plan; needs a province column (today only plan_id)';
comment on table budget_list_choice is 'distribution: province of plan; needs a province column (today only plan_id)';
comment on table budget_list_person is
    'distribution: province of plan; needs a province column (today plan_id; village_code is the person''s village, inside the payer''s province)';
comment on table budget_priority is 'distribution: province of plan; needs a province column (today only plan_id)';
comment on table budget_category_rank is 'distribution: province of payer; needs a province column (today only payer_id)';
