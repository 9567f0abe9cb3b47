-- The national arrears list (issue 11 item 9) in its own order: grouped by province, largest arrears first. With
-- this index the first page reads its 50 rows in order (Escalations.kept) instead of sorting every payer in arrears
-- of the country on every request (25,000 at 1,000,000 membership terms with two villages in three paying).
create index payer_arrears_national_idx on payer_arrears (left(region_code, 2), outstanding desc, code);
