-- The payer register (issue 4, docs/decisions/0006-payer-register.md): government payers for every desa,
-- regency/city and province, employers and donors as entries of their own region with a contact, and one
-- naming rule for government payers. Like every registry table, payer stays distributable by region_code.

-- The key an employer's or donor's name is found by: upper case, runs of white space and of the characters that
-- cannot stand in a URL path segment or a ';'-separated list collapsed to one space. PayerRef.nameKey is the same
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
-- (KIND:<village>:<NAME>) and its workers' terms point to it; the payer keeps its own village and gets the
-- region-scoped code. Bills already issued stay with the payer they were issued to; a re-run of a month reverses
-- those lines and bills the village's own employer (append-only, as for any change of payer).
create temporary table legacy_payer on commit drop as
select id, kind, name, region_code, payer_name_key(substr(code, length(kind) + 2)) as key
from payer
where kind in ('EMPLOYER', 'DONOR') and code !~ '^(EMPLOYER|DONOR):[0-9]{2}(\.[0-9]{2}){0,3}:';

create temporary table legacy_use on commit drop as
select l.id, t.village_code from legacy_payer l join membership_term t on t.worker_payer_id = l.id
where t.village_code <> l.region_code
union
select l.id, t.village_code from legacy_payer l join membership_term t on t.employer_payer_id = l.id
where t.village_code <> l.region_code;

insert into payer (code, kind, name, region_code)
select l.kind || ':' || u.village_code || ':' || l.key, l.kind, l.name, u.village_code
from legacy_use u join legacy_payer l on l.id = u.id
on conflict (code) do nothing;

create temporary table legacy_split on commit drop as
select u.id as old_id, u.village_code, n.id as new_id
from legacy_use u join legacy_payer l on l.id = u.id join payer n on n.code = l.kind || ':' || u.village_code || ':' || l.key;

update membership_term t set worker_payer_id = s.new_id
from legacy_split s where t.worker_payer_id = s.old_id and t.village_code = s.village_code;
update membership_term t set employer_payer_id = s.new_id
from legacy_split s where t.employer_payer_id = s.old_id and t.village_code = s.village_code;

update payer p set code = l.kind || ':' || p.region_code || ':' || l.key, updated_at = now()
from legacy_payer l where p.id = l.id;

-- One employer or donor of a name per region: the import resolves EMPLOYER:<name> within the row's village.
create unique index payer_name_key_idx on payer (kind, region_code, name_key) where name_key is not null;
-- The register lists payers in scope in region order without the (many) SELF payers.
create index payer_register_idx on payer (region_code, kind, name) where kind <> 'SELF';
create index payer_register_name_trgm_idx on payer using gin (lower(name) gin_trgm_ops) where kind <> 'SELF';
