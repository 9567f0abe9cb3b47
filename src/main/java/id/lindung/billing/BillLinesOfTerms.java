package id.lindung.billing;

import id.lindung.registry.BilledTerms;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Answers the registry's {@link BilledTerms} from billing's own bill lines. */
@Component
class BillLinesOfTerms implements BilledTerms {

    private final JdbcClient jdbc;

    BillLinesOfTerms(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean billed(long termId) {
        // bill_line has no term or worker index: a line's worker and programme are its term's, so the lines are probed
        // through their month index, every billed month named (V169). "term_id = ?" alone read every line of every
        // month (4.8 million at 200,000 workers) whenever the term had none, as a term scheduled for later has not.
        return jdbc.sql("""
                select exists (
                    select 1 from registry_membership_term t
                    join bill_line l on l.month = any(billing_months()) and l.worker_id = t.worker_id and l.program = t.program
                         and l.term_id = t.id
                    where t.id = ?)""").param(termId).query(Boolean.class).single();
    }
}
