-- The payer register (issue 4, docs/decisions/0006-payer-register.md): government payers for every desa,
-- regency/city and province, employers and donors as entries of their own region with a contact, and one
-- naming rule for government payers. Like every registry table, payer stays distributable by region_code.

-- The key an employer's or donor's name is found by: upper case, runs of white space and of the characters that
-- cannot stand in a URL path segment or a ';'-separated list collapsed to one space. PayerCode.nameKey is the same
-- rule in Java (codes are made there); this one keeps the per-region uniqueness below.
create function payer_name_key(name text) returns text language sql immutable parallel safe as $$
    select upper(btrim(regexp_replace(name, '[[:space:]\u00a0/\\;%?#]+', ' ', 'g')))
$$;

-- The fixed name of a government payer, from the official name of its region: regency and city names already
-- read "Kabupaten X" / "Kota X" in the official list.
create function government_payer_name(level text, kind text, name text) returns text language sql immutable parallel safe as $$
    select case level
        when 'PROVINCE' then 'Pemerintah Provinsi ' || name
        when 'REGENCY' then 'Pemerintah ' || case
            when name ~* '^(kabupaten|kota)[[:space:]]' then name
            when kind = 'KOTA' then 'Kota ' || name
            else 'Kabupaten ' || name end
        when 'VILLAGE' then 'Pemerintah Desa ' || name
    end
$$;

alter table payer
    add column contact_person text check (length(contact_person) <= 120),
    add column phone          text check (length(phone) <= 40),
    add column email          text check (length(email) <= 120),
    add column address        text check (length(address) <= 300),
    add column updated_at     timestamptz,
    add column name_key       text generated always as
        (case when kind in ('EMPLOYER', 'DONOR') then payer_name_key(name) end) stored,
    add constraint payer_name_not_blank check (btrim(name) <> '');
-- V20's free-text contact was never written; whatever is there becomes the contact person
update payer set contact_person = left(contact, 120) where contact is not null;
alter table payer drop column contact;
update payer set updated_at = created_at;
alter table payer alter column updated_at set default now(), alter column updated_at set not null;

-- Government payers: APBDES for every active desa (V21 did this once; a later region list adds its desa through
-- RegionListImported), APBD for every active regency, city and province, names following the region's name.
-- Set-based: one join of the region table with the payers; 0.2 to 0.4 s for the 91,599 regions (measured in a region import).
create function sync_government_payers(out added bigint, out renamed bigint) language sql as $$
    with wanted as (
        select case when r.level = 'VILLAGE' then 'APBDES' else 'APBD' end as kind, r.code,
               government_payer_name(r.level, r.kind, r.name) as name
        from region r
        where r.active and (r.level in ('PROVINCE', 'REGENCY') or r.kind = 'DESA')),
    present as (
        select w.kind, w.code, w.name, p.id, p.name as current_name
        from wanted w left join payer p on p.code = w.kind || ':' || w.code),
    inserted as (
        insert into payer (code, kind, name, region_code)
        select kind || ':' || code, kind, name, code from present where id is null
        on conflict (code) do nothing
        returning 1),
    updated as (
        update payer p set name = x.name, updated_at = now()
        from present x
        where p.id = x.id and x.current_name <> x.name
        returning 1)
    select (select count(*) from inserted), (select count(*) from updated)
$$;
select * from sync_government_payers();

-- Employers and donors were keyed nationally by name (KIND:<NAME>), so same-named employers of two villages
-- became one payer placed in the first village. Each village that used such a payer now gets its own
-- (KIND:<region>:<KEY>); the payer keeps its own village and gets the region-scoped code. Two old payers whose
-- names now give the same key in one region (e.g. "PT Maju / Jaya" and "PT Maju Jaya") are one: the older keeps
-- the code, the other is renamed out of the way ("... (#id)") with its bills, and its workers move to the older.
-- Moving workers to their village's own payer is a dated change, not an overwrite: bills already issued and the
-- month in progress stay with the payer they were billed to; terms running past the first day of next month are
-- closed there (CHANGED) and continued with the new payer, and terms starting later are repointed.
create temporary table legacy_payer on commit drop as
select id, kind, name, region_code, payer_name_key(substr(code, length(kind) + 2)) as key
from payer
where kind in ('EMPLOYER', 'DONOR'); -- before this migration every employer and donor code is an old one (KIND:<NAME>)

-- every (kind, region, key) that must exist: each old payer's own region, and each other village whose terms name it
create temporary table legacy_target on commit drop as
select l.id as old_id, l.kind, l.region_code as region, l.key from legacy_payer l
union
select l.id, l.kind, t.village_code, l.key
from legacy_payer l join membership_term t on l.id in (t.worker_payer_id, t.employer_payer_id)
where t.village_code <> l.region_code;

-- per (kind, region, key), the oldest old payer already placed in that region keeps its id
create temporary table legacy_survivor on commit drop as
select distinct on (l.kind, l.region_code, l.key) l.kind, l.region_code as region, l.key, l.id as survivor_id
from legacy_payer l order by l.kind, l.region_code, l.key, l.id;

update payer p set code = l.kind || ':' || l.region_code || ':' || l.key || '#' || p.id, name = p.name || ' (#' || p.id || ')',
       updated_at = now()
from legacy_payer l join legacy_survivor s on s.kind = l.kind and s.region = l.region_code and s.key = l.key
where p.id = l.id and l.id <> s.survivor_id;

update payer p set code = s.kind || ':' || s.region || ':' || s.key, updated_at = now()
from legacy_survivor s where p.id = s.survivor_id;

insert into payer (code, kind, name, region_code)
select distinct on (t.kind, t.region, t.key) t.kind || ':' || t.region || ':' || t.key, t.kind, l.name, t.region
from legacy_target t join legacy_payer l on l.id = t.old_id
where not exists (select 1 from legacy_survivor s where s.kind = t.kind and s.region = t.region and s.key = t.key)
order by t.kind, t.region, t.key, t.old_id
on conflict (code) do nothing;

-- per old payer and village of its terms, the payer those terms move to (when it is another one)
create temporary table legacy_split on commit drop as
select distinct l.id as old_id, u.village_code, n.id as new_id
from legacy_payer l
join (select worker_payer_id as payer_id, village_code from membership_term
      union select employer_payer_id, village_code from membership_term where employer_payer_id is not null) u on u.payer_id = l.id
join payer n on n.code = l.kind || ':' || u.village_code || ':' || l.key
where n.id <> l.id;

create temporary table legacy_cutover on commit drop as
select (date_trunc('month', (now() at time zone 'Asia/Jakarta')::date) + interval '1 month')::date as d;

create temporary table legacy_term on commit drop as
select t.id, coalesce(w.new_id, t.worker_payer_id) as worker_payer_id,
       case when t.employer_payer_id is not null then coalesce(e.new_id, t.employer_payer_id) end as employer_payer_id,
       t.valid_from >= c.d as not_yet_billed
from membership_term t
cross join legacy_cutover c
left join legacy_split w on w.old_id = t.worker_payer_id and w.village_code = t.village_code
left join legacy_split e on e.old_id = t.employer_payer_id and e.village_code = t.village_code
where (w.new_id is not null or e.new_id is not null) and coalesce(t.valid_to, 'infinity') > c.d;

update membership_term t set worker_payer_id = x.worker_payer_id, employer_payer_id = x.employer_payer_id
from legacy_term x where t.id = x.id and x.not_yet_billed;

create temporary table legacy_continued on commit drop as
select t.*, x.worker_payer_id as new_worker_payer_id, x.employer_payer_id as new_employer_payer_id
from membership_term t join legacy_term x on x.id = t.id and not x.not_yet_billed;

update membership_term t set valid_to = c.d, end_reason = 'CHANGED'
from legacy_continued x, legacy_cutover c where t.id = x.id;

insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, labour_intensive, employer_payer_id,
                             worker_payer_id, valid_from, valid_to, end_reason, created_by)
select x.worker_id, x.village_code, x.program, x.segment, x.wage, x.risk_group, x.labour_intensive, x.new_employer_payer_id,
       x.new_worker_payer_id, c.d, x.valid_to, x.end_reason, 'V47 payer register'
from legacy_continued x cross join legacy_cutover c;

-- One employer or donor of a name per region: the import resolves EMPLOYER:<name> within the row's village.
create unique index payer_name_key_idx on payer (kind, region_code, name_key) where name_key is not null;
-- The register lists payers in scope in region order without the (many) SELF payers.
create index payer_register_idx on payer (region_code, kind, name) where kind <> 'SELF';
create index payer_register_name_trgm_idx on payer using gin (lower(name) gin_trgm_ops) where kind <> 'SELF';
