-- billing_job.region_code (the scope of whoever started the job) was the database's default collation; its reads are
-- scoped by the range '64.02' <= region_code < '64.02/' (BillingJobs), which holds only where '.' and '/' compare as
-- bytes. On an external PostgreSQL whose default collation ignores punctuation (glibc's en_US.UTF-8), a job started by
-- a user scoped to a district or village ('64.02.03') falls outside its regency's range '64.02' .. '64.02/', so the
-- district office could not see a run or payment file started inside its own regency. In the C collation, as every
-- other region code, the range is the same on any server.
alter table billing_job alter column region_code type text collate "C";

-- Their placement on a Citus cluster (docs/scaling.md), as V109 records it for the other billing tables.
comment on table billing_job is
    'distribution: coordinator; a few rows per run or payment file, polled by id from the page that started it';
comment on table billing_village_change is
    'distribution: province of village_code; the change log coverage consumes, written with the bill lines of the same village';
