package id.lindung.coverage.internal;

import id.lindung.shared.Rupiah;
import java.sql.Date;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Benefits paid per region over a period: the one place coverage reads claims, through the claim module's published
 * view {@code claim_payment} (a case's payment and each scholarship year's payment, dated when paid, by the village
 * the case belongs to). {@link #SOURCE} says where the figure comes from; it is never a zero put in for a missing one.
 */
@Component
public class BenefitsPaid {

    /** What {@code money.benefitsSource} says: the figures are the claims recorded as paid in Lindung. */
    public static final String SOURCE = "CLAIMS";
    /** The value benefitsSource had while no claims module existed; kept for the pages that still explain it. */
    public static final String NOT_CONNECTED = "NOT_CONNECTED";

    private final JdbcClient jdbc;

    BenefitsPaid(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public String source() {
        return SOURCE;
    }

    /** Benefits paid between {@code from} and {@code to} (inclusive) by group code (code prefix of {@code prefixLength}). */
    public Map<String, Rupiah> byGroup(String lo, String hi, int prefixLength, Collection<String> groups, LocalDate from, LocalDate to) {
        Map<String, Rupiah> result = new HashMap<>();
        jdbc.sql("""
                select left(p.region_code, :glen) as g, sum(p.amount)
                from claim_payment p
                where p.region_code >= :lo and p.region_code < :hi and p.paid_on >= :from and p.paid_on <= :to
                group by 1""")
                .param("glen", prefixLength).param("lo", lo).param("hi", hi)
                .param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query((rs, n) -> result.put(rs.getString(1), Rupiah.of(rs.getBigDecimal(2))))
                .list();
        result.keySet().retainAll(groups);
        return result;
    }

    /** Cases paid (a case counts once however many scholarship years it paid) between the dates within the range. */
    public long casesPaid(String lo, String hi, LocalDate from, LocalDate to) {
        return jdbc.sql("""
                select count(distinct (p.region_code, p.worker_id, p.case_type))
                from claim_payment p
                where p.region_code >= :lo and p.region_code < :hi and p.paid_on >= :from and p.paid_on <= :to""")
                .param("lo", lo).param("hi", hi).param("from", Date.valueOf(from)).param("to", Date.valueOf(to))
                .query(Long.class).single();
    }
}
