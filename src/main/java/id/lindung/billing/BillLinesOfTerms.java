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
        return jdbc.sql("select exists (select 1 from bill_line where term_id = ?)").param(termId).query(Boolean.class).single();
    }
}
