-- Issue 16: the server keeps live API tokens for a few seconds instead of reading them on every request. Any change
-- that can stop a token (its revocation, expiry or deletion; its user disabled, deleted or given another role or
-- scope) announces itself on this channel, whoever makes it (the server, the command line, plain SQL, a restore),
-- and every server clears what it kept when the change commits. last_used_at and the sign-in counters announce nothing.
create function access_change_notice() returns trigger language plpgsql as $$
begin
    perform pg_notify('lindung_access_change', tg_table_name);
    return null;
end $$;

create trigger api_token_change_notice after update of user_id, token_hash, revoked_at, expires_at or delete on api_token
    for each statement execute function access_change_notice();
create trigger api_token_truncate_notice after truncate on api_token
    for each statement execute function access_change_notice();
create trigger app_user_change_notice after update of username, role, scope_code, enabled or delete on app_user
    for each statement execute function access_change_notice();
create trigger app_user_truncate_notice after truncate on app_user
    for each statement execute function access_change_notice();
