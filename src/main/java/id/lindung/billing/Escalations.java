package id.lindung.billing;

import id.lindung.access.RegionScope;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Payers more than one month in arrears, for the level above them: a regency office sees its villages
 * (APBDes), a province its regencies (APBD), the national level the provinces and regencies.
 */
@Service
public class Escalations {

    private final JdbcClient jdbc;

    Escalations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public record Escalation(String payer, String payerName, String regionCode, int monthsInArrears,
                             BigDecimal outstanding, LocalDate oldestDue) {}

    public List<Escalation> forScope(RegionScope scope, LocalDate asOf) {
        String kinds = scope.isNational() || scope.code().length() == 2 ? "('APBD')" : "('APBDES', 'EMPLOYER', 'SELF', 'DONOR')";
        return jdbc.sql("""
                with owed as (
                    select b.payer_id, b.month, b.due_date,
                           sum(l.amount) - coalesce((select sum(a.amount) from payment_allocation a
                                                     join bill_line x on x.id = a.bill_line_id where x.payer_id = b.payer_id and x.month = b.month), 0) as outstanding
                    from bill b join bill_line l on l.payer_id = b.payer_id and l.month = b.month
                    where b.payer_region_code >= :lo and b.payer_region_code < :hi and b.due_date < :asOf
                    group by b.id, b.payer_id, b.month, b.due_date
                )
                select p.code, p.name, p.region_code, count(*) as months, sum(o.outstanding) as outstanding, min(o.due_date) as oldest
                from owed o join payer p on p.id = o.payer_id
                where o.outstanding > 0 and p.kind in %s and p.region_code <> :scope
                group by p.code, p.name, p.region_code
                having count(*) > 1
                order by sum(o.outstanding) desc
                limit 500""".formatted(kinds))
                .param("lo", scope.lo()).param("hi", scope.hi()).param("asOf", Date.valueOf(asOf)).param("scope", scope.code())
                .query((rs, n) -> new Escalation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getBigDecimal(5), rs.getDate(6).toLocalDate()))
                .list();
    }
}
