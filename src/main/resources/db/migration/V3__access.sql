create table app_user (
    id              bigint generated always as identity primary key,
    username        text not null unique,
    password_hash   text not null,
    role            text not null check (role in ('ADMIN', 'MONITOR', 'DPMD', 'VILLAGE_OPERATOR', 'BPJS_OFFICER', 'AUDITOR')),
    -- 'ID' is the national scope, otherwise a region code; the scope covers everything under it
    scope_code      text collate "C" not null,
    display_name    text,
    demo            boolean not null default false,
    enabled         boolean not null default true,
    failed_logins   int not null default 0,
    locked_until    timestamptz,
    created_at      timestamptz not null default now()
);

create table api_token (
    id           bigint generated always as identity primary key,
    user_id      bigint not null references app_user (id),
    -- only a SHA-256 of the token is stored; the token itself is shown once
    token_hash   text not null unique,
    created_at   timestamptz not null default now(),
    last_used_at timestamptz,
    revoked_at   timestamptz
);
create index api_token_user_idx on api_token (user_id);

-- Append-only: who changed what, when, from where, with the before and after states.
create table audit_event (
    id           bigint generated always as identity primary key,
    occurred_at  timestamptz not null default clock_timestamp(),
    username     text not null,
    role         text,
    address      text,
    action       text not null,
    entity_type  text not null,
    entity_id    text,
    region_code  text collate "C",
    before_state jsonb,
    after_state  jsonb
);
create index audit_event_time_idx on audit_event (occurred_at desc);
create index audit_event_region_idx on audit_event (region_code, occurred_at desc);
create index audit_event_user_idx on audit_event (username, occurred_at desc);

create function audit_event_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only (% refused)', tg_op;
end;
$$;
create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_is_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_is_append_only();
