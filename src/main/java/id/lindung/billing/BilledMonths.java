package id.lindung.billing;

import id.lindung.access.RegionScope;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.YearMonth;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * What a month holds in bill lines, whatever run wrote them: a re-run that adds nothing still reports the
 * month's lines and amount, so "no new lines" is not read as "an empty month".
 */
@Service
public class BilledMonths {

    /** Every line of the month in the scope (reversals and adjustments included) and their sum. */
    public record Totals(long lines, BigDecimal total) {}

    private final JdbcClient jdbc;

    BilledMonths(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Totals totals(YearMonth month, RegionScope scope) {
        return jdbc.sql("""
                select count(*), coalesce(sum(amount), 0) from bill_line
                where month = :month and village_code >= :lo and village_code < :hi""")
                .param("month", Date.valueOf(month.atDay(1))).param("lo", scope.lo()).param("hi", scope.hi())
                .query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2))).single();
    }
}
