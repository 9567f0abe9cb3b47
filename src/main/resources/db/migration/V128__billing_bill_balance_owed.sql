-- The arrears escalation (billing.Escalations) starts from the payer-months that still owe something on a due date
-- already past. Most bills are paid, so this partial index holds a small part of bill_balance, and a national
-- list no longer reads every balance of the country to find the few in arrears.
create index bill_balance_owed_idx on bill_balance (due_date, payer_id, month) where owed <> 0;
