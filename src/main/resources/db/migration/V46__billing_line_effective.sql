-- A billed line with what is left of it after its reversals: the amount allocation, fines, paid-month
-- facts and escalation all work from. A view (inlined by the planner), so it costs nothing to keep.
create view bill_line_effective as
select l.*, l.amount + coalesce((select sum(r.amount) from bill_line r where r.reverses_line_id = l.id), 0) as eff
from bill_line l
where l.kind <> 'REVERSAL';
