-- Long billing work started from a page (a billing run, a payment file) runs in the background (issue 11 item 16):
-- the page polls the job's counters and the result stays here, so the job can be left and found later on its page.
create table billing_job (
    id           bigint generated always as identity primary key,
    kind         text not null check (kind in ('BILLING_RUN', 'PAYMENT_IMPORT')),
    status       text not null default 'RUNNING' check (status in ('RUNNING', 'DONE', 'FAILED', 'INTERRUPTED')),
    -- what it works on: the month of a run, the file name of a payment file
    subject      text not null,
    -- the scope of the user who started it: who else may see it
    region_code  text not null,
    started_by   text not null,
    started_at   timestamptz not null default now(),
    finished_at  timestamptz,
    phase        text,
    done         bigint not null default 0,
    total        bigint not null default 0,
    result       jsonb,
    failure_code text,
    failure      text
);

create index billing_job_recent on billing_job (kind, started_at desc);
