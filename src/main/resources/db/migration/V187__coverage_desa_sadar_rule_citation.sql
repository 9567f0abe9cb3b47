-- The Desa Sadar rule's citation, shown as `regulation` by GET /api/v1/coverage/desa-sadar and on the dashboard, carried
-- an English gloss "(initiative since 2017)" inside an Indonesian name; an Indonesian client read English in it. The
-- citation is the initiative's own Indonesian name: the gloss is written in Indonesian, the sources stay as cited.
update coverage_desa_sadar_rule
   set regulation = 'BPJS Ketenagakerjaan, Desa Sadar Jaminan Sosial Ketenagakerjaan (prakarsa sejak 2017)'
 where valid_from = date '2017-01-01'
   and regulation = 'BPJS Ketenagakerjaan, Desa Sadar Jaminan Sosial Ketenagakerjaan (initiative since 2017)';
