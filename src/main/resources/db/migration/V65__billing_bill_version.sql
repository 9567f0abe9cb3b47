-- Versions of a bill (issue 11 item 3): a verification code identifies ONE version of a bill, its live lines and
-- total, so a code printed before a recomputation answers "replaced by a newer version" instead of confirming a
-- total the bill no longer has. bill.verification_code keeps the code of the current version.

-- What each bill holds now: its total, its live lines (net of reversals) and a SHA-256 over those lines in one
-- canonical text (worker, programme, share, segment, base, rate, amount; sorted), so equal content gives equal
-- digests. A filter on payer_id and month reaches through the grouping to the lines' index (bill_line_payer_idx);
-- a whole month or table is one grouped pass.
create view bill_content as
select l.payer_id, l.month,
       coalesce(sum(l.eff), 0) as total,
       count(*) filter (where l.eff <> 0) as line_count,
       encode(sha256(convert_to(coalesce(string_agg(
           l.worker_id || '|' || l.program || '|' || l.share || '|' || l.segment || '|' || l.base || '|'
               || coalesce(l.rate::text, '') || '|' || l.eff,
           E'\n' order by l.worker_id, l.program, l.share, l.segment, l.base, l.rate, l.eff)
           filter (where l.eff <> 0), ''), 'UTF8')), 'hex') as digest
from bill_line_effective l
group by l.payer_id, l.month;

-- The code of a version: a hash over the bill, the version number, its total and its lines' digest. The salt is 0
-- unless those 12 hex digits are already taken by another version (then 1, 2, ...).
create function bill_version_code(p_bill bigint, p_version int, p_total numeric, p_digest text, p_salt int)
    returns text language sql immutable parallel safe as $$
    select upper(substr(encode(sha256(convert_to(
        p_bill || ':' || p_version || ':' || p_total || ':' || p_digest || ':' || p_salt, 'UTF8')), 'hex'), 1, 12))
$$;

create table bill_version (
    id          bigint generated always as identity primary key,
    bill_id     bigint not null references bill (id),
    version     int not null check (version > 0),
    -- printed on the PDF (text and QR code); answers for this version only
    code        text not null unique,
    total       numeric(18, 2) not null,
    line_count  int not null,
    digest      text not null,
    -- the business date this version was made: the date an older version was replaced
    issued_on   date not null,
    created_at  timestamptz not null default now(),
    unique (bill_id, version)
);

create function bill_version_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'bill_version is append-only: a changed bill gets a new version (% refused)', tg_op;
end;
$$;
create trigger bill_version_no_update before update or delete on bill_version
    for each row execute function bill_version_is_append_only();

-- Every existing bill becomes version 1 of itself, under the code already printed on its documents.
insert into bill_version (bill_id, version, code, total, line_count, digest, issued_on, created_at)
select b.id, 1, b.verification_code, coalesce(c.total, 0), coalesce(c.line_count, 0),
       coalesce(c.digest, encode(sha256(''::bytea), 'hex')), b.created_at::date, b.created_at
from bill b
left join bill_content c on c.payer_id = b.payer_id and c.month = b.month
where not exists (select 1 from bill_version v where v.bill_id = b.id)
order by b.id;
