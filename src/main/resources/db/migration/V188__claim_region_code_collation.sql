-- The claim tables' region_code was the database's default collation, unlike every other region code (collate "C").
-- Every read of a case is scoped by the range '64.02' <= region_code < '64.02/' (ClaimStore), which holds only where
-- '.' and '/' compare as bytes. On an external PostgreSQL whose default collation ignores punctuation (glibc's
-- en_US.UTF-8, the default of many servers), '64.02.03.2007' sorts after '64.02/' and a regency's own cases fall outside
-- its range: the district office would see none of its claims. In the C collation the range is the same on any server.
-- The published view claim_payment reads the column, so it is dropped and created again, unchanged.
drop view claim_payment;

alter table claim_case        alter column region_code type text collate "C";
alter table claim_decision    alter column region_code type text collate "C";
alter table claim_component   alter column region_code type text collate "C";
alter table claim_heir        alter column region_code type text collate "C";
alter table claim_child       alter column region_code type text collate "C";
alter table claim_scholarship alter column region_code type text collate "C";
alter table claim_document    alter column region_code type text collate "C";
alter table claim_history     alter column region_code type text collate "C";

create view claim_payment as
select c.region_code, c.worker_id, c.case_type, c.paid_on, c.paid_amount as amount
from claim_case c where c.status = 'PAID'
union all
select s.region_code, c.worker_id, c.case_type, s.paid_on, s.paid_amount as amount
from claim_scholarship s join claim_case c on c.region_code = s.region_code and c.id = s.case_id
where s.paid_on is not null;

-- How each claim table would be placed on a Citus cluster (docs/scaling.md), as V108/V109 record it for the registry
-- and billing: a case lies in the village where it was opened, and its children carry that village in their keys.
comment on table claim_case is
    'distribution: province of region_code; primary key (region_code, id) already leads with it';
comment on table claim_decision is 'distribution: province of region_code; co-located with its case';
comment on table claim_component is 'distribution: province of region_code; co-located with its case';
comment on table claim_heir is 'distribution: province of region_code; co-located with its case';
comment on table claim_child is 'distribution: province of region_code; co-located with its case';
comment on table claim_scholarship is 'distribution: province of region_code; co-located with its case';
comment on table claim_document is 'distribution: province of region_code; co-located with its case';
comment on table claim_history is 'distribution: province of region_code; co-located with its case';
