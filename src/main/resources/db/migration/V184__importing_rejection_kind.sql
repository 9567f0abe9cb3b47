-- An import's warnings beside its rejections, told apart by what they are, not by their code.
--
-- Since the low PU wage warning (contribution.LowWage, WAGE_BELOW_USUAL_MINIMUM) a batch keeps, beside the rows it
-- refused, the rows it imported as typed but warns about. Every reader told them apart by that one code (and an empty
-- raw row), so a second warning code would have been counted, listed and filed as a rejected row, and a rejection
-- sharing a warning's code read as a warning. Each row now says which it is:
--
--   kind  REJECTION  the row was refused (counted in import_batch.rejected_rows, listed, in the rejection file)
--         WARNING    the row was imported as typed; only the batch's warnings show it
--
-- Rows stored before: the only warning code there was is WAGE_BELOW_USUAL_MINIMUM, never a rejection's code. Warnings
-- stored before 54bf5b4 still hold a copy of the imported row (NIK, name, birth date); a warning keeps none, so it goes.
alter table import_rejection
    add column kind text not null default 'REJECTION' check (kind in ('REJECTION', 'WARNING'));

update import_rejection set kind = 'WARNING', raw = '{}' where code = 'WAGE_BELOW_USUAL_MINIMUM';

-- every read is one batch's rows of one kind in line order; batch_id stays the key's first column, as the table's
-- distribution column must be in its keys on Citus (docs/scaling.md)
drop index import_rejection_batch_idx;
create index import_rejection_batch_idx on import_rejection (batch_id, kind, line);
