-- The demo's bookkeeping on a Citus cluster (docs/scaling.md). Comment only: nothing changes at run time.
comment on table demo_seed is 'distribution: coordinator; one row per demo step done';
