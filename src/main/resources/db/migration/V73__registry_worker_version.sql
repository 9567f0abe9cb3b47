-- Optimistic locking of a worker (issue 12): every change to a worker (status, transfer, membership terms) adds one
-- to its version under the row lock; an edit that names the version it was based on (API If-Match, the worker page's
-- forms) and finds another is refused as VERSION_CONFLICT (409) instead of silently overwriting the other change.
alter table worker add column version bigint not null default 0;
