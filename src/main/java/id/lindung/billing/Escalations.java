package id.lindung.billing;

import id.lindung.access.RegionScope;
import id.lindung.platform.AmountJson;
import id.lindung.shared.Rupiah;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.annotation.JsonSerialize;

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
                             @JsonSerialize(using = AmountJson.WithSen.class) Rupiah outstanding, LocalDate oldestDue) {

        /** As the actor may see it (a self-payer's code without the NIK for masked roles). */
        public Escalation shownTo(id.lindung.access.Actor actor) {
            return new Escalation(id.lindung.access.PersonalData.payerCode(actor, payer),
                    id.lindung.access.PersonalData.payerName(actor, payer, payerName), regionCode, monthsInArrears,
                    outstanding, oldestDue);
        }
    }

    public List<Escalation> forScope(RegionScope scope, LocalDate asOf) {
        String kinds = scope.isNational() || scope.code().length() == 2 ? "('APBD')" : "('APBDES', 'EMPLOYER', 'SELF', 'DONOR')";
        return jdbc.sql("""
                with owed as (
                    -- per payer and month, what is overdue as of today: lines past their own due date, unpaid
                    select l.payer_id, l.month, min(l.due_date) as due_date,
                           sum(l.eff - coalesce(a.amount, 0)) as outstanding
                    from bill_line_effective l
                    join registry_payer p on p.id = l.payer_id
                    left join payment_allocation a on a.bill_line_id = l.id
                    where p.region_code >= :lo and p.region_code < :hi and l.due_date < :asOf
                    group by l.payer_id, l.month
                )
                select p.code, p.name, p.region_code, count(*) as months, sum(o.outstanding) as outstanding, min(o.due_date) as oldest
                from owed o join registry_payer p on p.id = o.payer_id
                where o.outstanding > 0 and p.kind in %s and p.region_code <> :scope
                group by p.code, p.name, p.region_code
                having count(*) > 1
                order by sum(o.outstanding) desc
                limit 500""".formatted(kinds))
                .param("lo", scope.lo()).param("hi", scope.hi()).param("asOf", Date.valueOf(asOf)).param("scope", scope.code())
                .query((rs, n) -> new Escalation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        Rupiah.of(rs.getBigDecimal(5)), rs.getDate(6).toLocalDate()))
                .list();
    }
}
