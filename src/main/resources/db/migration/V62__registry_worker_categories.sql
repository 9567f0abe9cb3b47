-- Worker categories as reference data (issue 10): what a worker does in the village, with the defaults that follow
-- from it. Administrators add and change categories at run time (WorkerCategories, audited); codes are permanent
-- (workers, import files and the API carry them), so a category is retired with active = false, never deleted or
-- renamed. The shipped rows keep the codes of the former Java enum exactly.
--   code                    stable text key, upper case (KEPALA_DESA, ...)
--   name_id, name_en        the names pages show (Indonesian first)
--   village_apparatus       counts as village apparatus (aparatur desa): apparatus indicators, Desa Sadar; in a desa its
--                           memberships default to the village budget (APBDES) as payer
--   default_segment         PU or BPU, for a membership that states none
--   default_wage_parameter  the regulation parameter (regulations/*.yaml) of the default wage of a PU membership that
--                           states none; a BPU membership takes bpu.income.min whatever the category
--   opensid_codes           OpenSID pekerjaan_id values (importing/opensid-pekerjaan.csv) the import maps to the category
--   verified, note          whether a source supports the defaults; the note says which, or what is
--                           not confirmed
create table worker_category (
    code                   text collate "C" primary key check (code ~ '^[A-Z][A-Z0-9_]{1,39}$'),
    name_id                text not null check (length(btrim(name_id)) between 1 and 100),
    name_en                text not null check (length(btrim(name_en)) between 1 and 100),
    village_apparatus      boolean not null,
    default_segment        text not null check (default_segment in ('PU', 'BPU')),
    default_wage_parameter text not null,
    opensid_codes          integer[] not null default '{}',
    active                 boolean not null default true,
    sort_order             integer not null,
    verified               boolean not null default false,
    note                   text,
    created_at             timestamptz not null default now(),
    updated_at             timestamptz not null default now()
);

insert into worker_category (code, name_id, name_en, village_apparatus, default_segment, default_wage_parameter,
                             opensid_codes, sort_order, verified, note) values
('KEPALA_DESA', 'Kepala desa', 'Village head', true, 'PU', 'village.defaultWage.kepalaDesa', '{86}', 10, true,
 'UU 3/2024 Pasal 26(3)(c); registered as PU with the village government as employer [S40]; minimum siltap PP 11/2019'),
('PERANGKAT_DESA', 'Perangkat desa', 'Village official', true, 'PU', 'village.defaultWage.perangkatDesa', '{85}', 20, true,
 'UU 3/2024 Pasal 50A; registered as PU with the village government as employer [S40]; minimum siltap PP 11/2019'),
('BPD', 'BPD', 'Village council (BPD)', true, 'PU', 'village.defaultWage.otherApparatus', '{}', 30, true,
 'UU 3/2024 Pasal 62; PU with the village government as employer [S40]; the flat wage basis is flagged in village-wages.yaml'),
('LKD', 'LKD', 'Village institution (LKD)', true, 'PU', 'village.defaultWage.otherApparatus', '{}', 40, true,
 'the cited sources 3 (Permendagri 15/2023 [S63]); PU with the village government as employer [S40]; the flat wage basis is flagged in village-wages.yaml'),
('RT_RW', 'RT/RW', 'RT/RW head', true, 'PU', 'village.defaultWage.otherApparatus', '{}', 50, true,
 'the cited sources 3 (Permendagri 15/2023 [S63]); flat Rp 1,000,000 basis in practice [S70]'),
('KADER', 'Kader', 'Community cadre', true, 'PU', 'village.defaultWage.otherApparatus', '{}', 60, true,
 'the cited sources 3 and 3.2: kader paid on a flat basis in practice [S70]'),
('LINMAS', 'Linmas (perlindungan masyarakat)', 'Community protection unit (Linmas)', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 70, false,
 'UNVERIFIED: the cited sources has no source on how Linmas members are registered (segment) or whether they count as village apparatus'),
('PENDAMPING_DESA', 'Pendamping desa', 'Village facilitator', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 80, false,
 'UNVERIFIED: default segment kept from the former enum; the cited sources has no source'),
('HONORER', 'Honorer (non-ASN)', 'Non-civil-servant staff', false, 'BPU', 'village.defaultWage.otherApparatus', '{18,65}', 90, false,
 'UNVERIFIED: default segment kept from the former enum; the cited sources 3.1 (Permendagri 27/2021, 15/2023) has them budgeted, not how they are registered'),
('PENYELENGGARA_PEMILU', 'Penyelenggara pemilu (lainnya)', 'Election worker (other)', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 100, false,
 'UNVERIFIED: kept for existing data; new workers go to KPPS, PPS or PPK. the cited sources 3.1 (Permendagri 27/2021) names election organisers, not their segment'),
('KPPS', 'KPPS (kelompok penyelenggara pemungutan suara)', 'Polling station committee (KPPS)', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 110, false,
 'UNVERIFIED: the cited sources 3.1 (Permendagri 27/2021) names election organisers; their segment has no source'),
('PPS', 'PPS (panitia pemungutan suara)', 'Village election committee (PPS)', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 120, false,
 'UNVERIFIED: the cited sources 3.1 (Permendagri 27/2021) names election organisers; their segment has no source'),
('PPK', 'PPK (panitia pemilihan kecamatan)', 'District election committee (PPK)', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 130, false,
 'UNVERIFIED: the cited sources 3.1 (Permendagri 27/2021) names election organisers; their segment has no source'),
('PKTD', 'Pekerja padat karya tunai desa (PKTD)', 'Village cash-for-work worker (PKTD)', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 140, false,
 'Permendes PDTT 16/2025 allows Dana Desa for their Jamsostek [S65]; UNVERIFIED: their segment'),
('GURU_NGAJI', 'Guru ngaji', 'Quran teacher (guru ngaji)', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 150, false,
 'UNVERIFIED: informal religious workers, BPU by default; the cited sources has no source'),
('MARBOT', 'Marbot (penjaga rumah ibadah)', 'Mosque caretaker (marbot)', false, 'BPU', 'village.defaultWage.otherApparatus', '{}', 160, false,
 'UNVERIFIED: informal religious workers, BPU by default; the cited sources has no source'),
('PEKERJA_KEAGAMAAN', 'Pekerja keagamaan lain', 'Other religious worker', false, 'BPU', 'village.defaultWage.otherApparatus', '{41,42,43,45,87}', 170, false,
 'UNVERIFIED: imam, ustadz, pendeta, pastor and other religious workers, BPU by default; the cited sources has no source'),
('PETANI', 'Petani', 'Farmer', false, 'BPU', 'village.defaultWage.otherApparatus', '{9,10}', 180, true,
 'informal and self-employed workers are BPU'),
('BURUH_TANI', 'Buruh tani / perkebunan', 'Farm labourer', false, 'BPU', 'village.defaultWage.otherApparatus', '{20}', 190, true,
 'informal and self-employed workers are BPU'),
('NELAYAN', 'Nelayan', 'Fisher', false, 'BPU', 'village.defaultWage.otherApparatus', '{11}', 200, true,
 'informal and self-employed workers are BPU'),
('BURUH', 'Buruh', 'Labourer', false, 'BPU', 'village.defaultWage.otherApparatus', '{19,21,22,23,24,25,26,27,28,29,30,31}', 210, true,
 'informal and self-employed workers are BPU'),
('PEDAGANG_UMKM', 'Pedagang/UMKM', 'Trader / micro business', false, 'BPU', 'village.defaultWage.otherApparatus', '{8,12,84,88}', 220, true,
 'informal and self-employed workers are BPU'),
('OJEK', 'Ojek', 'Motorcycle taxi', false, 'BPU', 'village.defaultWage.otherApparatus', '{14,81}', 230, true,
 'informal and self-employed workers are BPU'),
('OTHER_INFORMAL', 'Pekerja informal lain', 'Other informal worker', false, 'BPU', 'village.defaultWage.otherApparatus',
 '{13,15,16,17,32,33,34,35,36,37,38,39,40,44,46,47,64,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,82,83,89}', 240, true,
 'informal and self-employed workers are BPU');

-- registry_worker_category: the categories, for set-based readers (apparatus indicators, Desa Sadar).
--   code               text     what worker.category holds
--   name_id, name_en   text
--   village_apparatus  boolean  counts as village apparatus
--   default_segment    text     PU or BPU
--   active             boolean  offered for new workers
--   sort_order         integer
create view registry_worker_category as
select c.code, c.name_id, c.name_en, c.village_apparatus, c.default_segment, c.active, c.sort_order
from worker_category c;

-- worker.category now refers to the table instead of a fixed list. A statement-level check (as V43 does for the
-- other references of the bulk tables) refuses an unknown code with the same SQLSTATE as a foreign key, at one
-- set-based query per statement instead of a lookup and a lock per imported row.
alter table worker drop constraint worker_category_check;

create function worker_category_reference_check() returns trigger language plpgsql as $$
declare
    missing text;
begin
    select n.category into missing from new_rows n
    where not exists (select 1 from worker_category c where c.code = n.category) limit 1;
    if found then
        perform registry_refuse_missing_reference('worker', 'worker_category_fkey',
            format('Key (category)=(%s) is not present in table "worker_category".', missing));
    end if;
    return null;
end $$;
create trigger worker_category_reference_check_insert after insert on worker
    referencing new table as new_rows for each statement execute function worker_category_reference_check();
create trigger worker_category_reference_check_update after update on worker
    referencing new table as new_rows for each statement execute function worker_category_reference_check();

-- Codes are permanent: a category is never deleted and its code never changes (retire it with active = false).
create function worker_category_code_guard() returns trigger language plpgsql as $$
begin
    raise exception using errcode = 'restrict_violation', table = 'worker_category',
        message = format('worker category %s cannot be deleted or recoded; set active = false instead', old.code);
end $$;
create trigger worker_category_code_guard_delete before delete on worker_category
    for each row execute function worker_category_code_guard();
create trigger worker_category_code_guard_update before update of code on worker_category
    for each row when (old.code is distinct from new.code) execute function worker_category_code_guard();
