package id.lindung.billing;

import id.lindung.registry.NikCheck;
import id.lindung.shared.Rupiah;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The versions of a bill and their verification codes. A bill whose lines or total change gets a new version with
 * a new code (a hash over the bill, the version number, the total and the digest of its live lines, V65); the bill
 * shows the current code, and an older code answers that it was replaced, and when.
 */
@Component
public class BillVersions {

    /** How many salts a new code may try when its first 12 hex digits are already another version's code. */
    private static final int CODE_ATTEMPTS = 4;

    private final JdbcClient jdbc;
    private final Clock clock;

    BillVersions(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * A new version for every bill of the run's payers and month whose content differs from its latest version (or
     * that has none yet), and the bill's current code set to it. Set-based; returns the number of new versions.
     */
    long afterRun(long runId, LocalDate month) {
        List<Long> payers = jdbc.sql("select distinct payer_id from bill_line where month = :month and run_id = :run")
                .param("month", Date.valueOf(month)).param("run", runId).query(Long.class).list();
        if (payers.isEmpty()) {
            return 0;
        }
        // several runs may share one transaction (demo data): start from a clean slate
        jdbc.sql("drop table if exists run_bill_content").update();
        // the payers as one array value: the filter reaches through the view's grouping to the lines' index
        jdbc.sql("""
                create temp table run_bill_content on commit drop as
                select b.id as bill_id, c.total, c.line_count, c.digest
                from bill_content c join bill b on b.payer_id = c.payer_id and b.month = c.month
                where c.month = :month and c.payer_id = any (cast(:payers as bigint[]))""")
                .param("month", Date.valueOf(month))
                .param("payers", payers.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}"))).update();
        String changed = """
                from run_bill_content c
                left join lateral (select x.version, x.total, x.digest from bill_version x where x.bill_id = c.bill_id
                                   order by x.version desc limit 1) v on true
                where v.version is null or v.digest <> c.digest or v.total <> c.total""";
        long added = 0;
        for (int salt = 0; salt < CODE_ATTEMPTS; salt++) {
            // a code already taken (12 hex digits of a hash: rare, never impossible) leaves its bill for the next salt
            added += jdbc.sql("""
                    insert into bill_version (bill_id, version, code, total, line_count, digest, issued_on)
                    select c.bill_id, coalesce(v.version, 0) + 1,
                           bill_version_code(c.bill_id, coalesce(v.version, 0) + 1, c.total, c.digest, :salt),
                           c.total, c.line_count, c.digest, :today
                    """ + changed + " on conflict (code) do nothing")
                    .param("salt", salt).param("today", Date.valueOf(LocalDate.now(clock))).update();
            long pending = jdbc.sql("select count(*) " + changed).query(Long.class).single();
            if (pending == 0) {
                break;
            }
            if (salt == CODE_ATTEMPTS - 1) {
                throw new IllegalStateException(pending + " bills of " + month + " found no free verification code");
            }
        }
        if (added > 0) {
            jdbc.sql("""
                    update bill b set verification_code = v.code
                    from run_bill_content c
                    join lateral (select x.code from bill_version x where x.bill_id = c.bill_id
                                  order by x.version desc limit 1) v on true
                    where b.id = c.bill_id and b.verification_code <> v.code""").update();
        }
        return added;
    }

    /** The number of a bill's current version (1 for a bill no run has changed since it was made). */
    public int currentVersion(long billId) {
        return jdbc.sql("select coalesce(max(version), 1) from bill_version where bill_id = ?").param(billId)
                .query(Integer.class).single();
    }

    /** Whether a code is the bill's current version or one a newer version replaced (then on which date). */
    public enum Standing { CURRENT, REPLACED }

    /**
     * What a code confirms: who, which month, how much, and for which version. No worker data; a self-paying
     * worker appears as "Peserta mandiri" with a masked code, as before versions existed.
     */
    public record Verified(String payerName, String payer, YearMonth month, Rupiah total, LocalDate dueDate, int version,
                           Standing standing, LocalDate replacedOn, int latestVersion) {}

    public Optional<Verified> verify(String code) {
        if (code == null || !code.trim().matches("[0-9A-Fa-f]{12}")) {
            return Optional.empty();
        }
        return jdbc.sql("""
                select p.name, p.code, b.month, b.due_date, v.total, v.version,
                       n.issued_on as replaced_on,
                       (select max(x.version) from bill_version x where x.bill_id = b.id) as latest
                from bill_version v
                join bill b on b.id = v.bill_id
                join registry_payer p on p.id = b.payer_id
                left join bill_version n on n.bill_id = v.bill_id and n.version = v.version + 1
                where v.code = ?""")
                .param(code.trim().toUpperCase(Locale.ROOT))
                .query((rs, n) -> {
                    boolean self = rs.getString(2).startsWith("SELF:");
                    Date replaced = rs.getDate("replaced_on");
                    return new Verified(self ? "Peserta mandiri" : rs.getString(1),
                            self ? "SELF:" + NikCheck.mask(rs.getString(2).substring(5)) : rs.getString(2),
                            YearMonth.from(rs.getDate(3).toLocalDate()), Rupiah.of(rs.getBigDecimal(5)),
                            rs.getDate(4).toLocalDate(), rs.getInt(6),
                            replaced == null ? Standing.CURRENT : Standing.REPLACED,
                            replaced == null ? null : replaced.toLocalDate(), rs.getInt("latest"));
                })
                .optional();
    }
}
