-- Started months between a due date and a later date: one day late is one month, one month and a day is two.
-- Fines are "per month of delay" on what was paid late or is still unpaid.
create function months_late(due date, asof date) returns int language sql immutable as $$
    select case when asof <= due then 0
           else ((extract(year from asof) * 12 + extract(month from asof)) - (extract(year from due) * 12 + extract(month from due)))::int
                + case when asof > (due + make_interval(months => ((extract(year from asof) * 12 + extract(month from asof))
                                                                   - (extract(year from due) * 12 + extract(month from due)))::int))
                       then 1 else 0 end
           end
$$;
