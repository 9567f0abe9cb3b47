-- Money by payer kind (issue 14): the Inpres 2/2021 report splits contributions into APBD and APBDes per child region
-- for a semester. Summing bill lines for it (MonevReports before this) read every line of a province: 3.5 s for one
-- month at 10,000,000 workers, over 10 s for a semester (docs/benchmarks.md). The money rollups gain the line payer's
-- kind as a key, so the report reads a few rows per child, month and settling day, and every indicator object can show
-- its money by payer kind. A payer's kind never changes (PayerRegister updates name and contacts only), so a line's
-- kind is fixed when it is written.
truncate coverage_money_village, coverage_money_stage, coverage_money, coverage_money_worker, coverage_money_worker_stage;

alter table coverage_money_village add column kind text collate "C" not null;
alter table coverage_money_village drop constraint coverage_money_village_pkey;
alter table coverage_money_village add primary key (village_code, month, day, kind);
alter table coverage_money_stage add column kind text collate "C" not null;

alter table coverage_money add column kind text collate "C" not null;
alter table coverage_money drop constraint coverage_money_pkey;
alter table coverage_money add primary key (grp, month, day, kind);

-- per worker and village: the kind of each (month, day) element, parallel to the other arrays
alter table coverage_money_worker add column kinds text[] not null;
alter table coverage_money_worker_stage add column kinds text[] not null;

-- the rollups built so far have no kinds: the next read rebuilds them once
delete from coverage_rollup_state;
