-- Payment references as new ones are stored (TextRules.normalise, LINE kind): zero-width characters removed, runs of
-- spaces (no-break and the other Unicode spaces among them) joined into one space, the ends stripped.
--
-- Why: a payment's reference is its idempotency key. Since 6 December 2026 a new reference is normalised before it
-- is compared with the stored ones, but references stored before were only trimmed: a statement imported again after
-- the upgrade with "TRF  0042" (two spaces) or "BANK-77" followed by a no-break space would no longer match its stored
-- twin and would be recorded and allocated a second time (review of the session's diff). Only the differences a bank
-- statement can carry are taken (composition to NFC is left out: it needs a UTF8 server, and references are ASCII
-- in practice). A reference whose normalised form another payment of the same payer already holds stays as it was:
-- the two were recorded as two payments, and merging them is a decision for a person, not for a migration.
update payment p set reference = n.normalised
from (select id, payer_id, normalised
      from (select id, payer_id, reference,
                   btrim(regexp_replace(regexp_replace(reference, '[\u200B\uFEFF\u2060\u180E]', '', 'g'),
                                        '[ \u00A0\u2000-\u200A\u202F\u205F\u3000]+', ' ', 'g'), ' ') as normalised
            from payment
            where reference ~ '[^\x21-\x7E]') c
      where normalised <> reference) n
where p.id = n.id
  and not exists (select 1 from payment q where q.payer_id = n.payer_id and q.reference = n.normalised);
