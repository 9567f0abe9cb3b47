-- Issue 12 item 6: a token has a name and an expiry. Tokens issued before this version had neither: they get a
-- name saying so and 90 days from the upgrade, so no client stops working on the day of the upgrade.
alter table api_token add column name text;
alter table api_token add column expires_at timestamptz;
update api_token set name = 'before expiry', expires_at = now() + interval '90 days' where expires_at is null;
alter table api_token alter column name set not null;
alter table api_token alter column expires_at set not null;
