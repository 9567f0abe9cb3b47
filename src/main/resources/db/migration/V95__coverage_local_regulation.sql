-- The register of regional regulations and agreements that support coverage (issue 14): Perbup, Pergub, Perwali,
-- Perdes, circulars and MoUs between a DPMD or regional government and a BPJS branch. Entered by DPMD and BPJS
-- officers in scope (LocalRegulations, audited), listed per region, shown in the Inpres 2/2021 report.
--   region_code       the region whose government issued or signed it (a province, regency/city or desa)
--   kind              PERGUB, PERBUP, PERWALI, PERDES, SURAT_EDARAN (circular), MOU (agreement with a BPJS branch)
--   number            as printed ("4 Tahun 2024", "B/123/2025"); number_key is its comparison key (case and spaces)
--   title             as printed
--   signed_on         date signed
--   in_force_from     first day in force
--   in_force_until    last day in force (inclusive, as the texts say "sampai dengan"); null while open-ended
--   covers_apparatus  it covers village apparatus (kepala desa, perangkat desa, BPD, RT/RW)
--   covers_vulnerable it covers vulnerable workers (informal, poor households, religious workers, ...)
--   programs          the programmes it covers: JKK, JKM, JHT, JP, JKP
--   budgets           who pays under it: APBD, APBDES, DONOR (CSR, Baznas and other third parties)
--   counterparty      the other party of an MoU (e.g. "BPJS Ketenagakerjaan Cabang Tenggarong"), else null
--   file_*            the signed text as a PDF (checked by its bytes), its SHA-256 in hex and its size; stored here so
--                     a backup holds it
create table coverage_local_regulation (
    id                bigint generated always as identity primary key,
    region_code       text collate "C" not null references region (code),
    kind              text not null check (kind in ('PERGUB', 'PERBUP', 'PERWALI', 'PERDES', 'SURAT_EDARAN', 'MOU')),
    number            text not null check (length(btrim(number)) between 1 and 100),
    number_key        text not null,
    title             text not null check (length(btrim(title)) between 1 and 300),
    signed_on         date not null,
    in_force_from     date not null,
    in_force_until    date,
    covers_apparatus  boolean not null default false,
    covers_vulnerable boolean not null default false,
    programs          text[] not null default '{}' check (programs <@ array['JKK', 'JKM', 'JHT', 'JP', 'JKP']::text[]),
    budgets           text[] not null default '{}' check (budgets <@ array['APBD', 'APBDES', 'DONOR']::text[]),
    counterparty      text check (counterparty is null or length(btrim(counterparty)) between 1 and 200),
    note              text check (note is null or length(note) <= 1000),
    file_name         text,
    file_sha256       text check (file_sha256 is null or file_sha256 ~ '^[0-9a-f]{64}$'),
    file_size         integer check (file_size is null or file_size > 0),
    file_content      bytea,
    created_by        text not null,
    created_at        timestamptz not null default now(),
    check (in_force_until is null or in_force_until >= in_force_from),
    check ((file_content is null) = (file_sha256 is null) and (file_content is null) = (file_size is null)),
    unique (region_code, kind, number_key)
);

create index coverage_local_regulation_region on coverage_local_regulation (region_code, in_force_from);
