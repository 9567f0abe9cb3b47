-- How the access tables would be placed on a Citus cluster (docs/scaling.md), recorded beside each table as V108/V109
-- do for the registry and billing. Comments only: nothing changes at run time.
comment on table app_user is 'distribution: reference; a few thousand users, written rarely, read with every request';
comment on table api_token is
    'distribution: coordinator; read and written (last_used_at) on every API request, too often for a reference table';
comment on table audit_event is
    'distribution: province of region_code; written in the transaction of the change it records, on that change''s shard; events without a region (sign-ins, users) take the user''s scope first';
