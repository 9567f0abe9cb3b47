-- Which demonstration data sets have been created, so each is created once.
create table demo_seed (
    step    text primary key,
    done_at timestamptz not null default now()
);
