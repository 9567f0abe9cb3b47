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
     * The bills a run creates, each written once with its final code: version 1 of its content. They are the bills of
     * the payers that have lines of the run ({@code runId}, month {@code month}) and no bill of the month; so all their
     * lines of the month were written by this run (ids above {@code linesAfter}; a run always creates the bill of the
     * lines it writes, in its transaction), and so were any reversals of those lines. One pass over the run's lines
     * (a range of the month index) gives each such payer its id (drawn from the bill's identity in payer order), due
     * date and content, with the expressions of {@code bill_content} (V123), so the totals, digests and codes are the
     * ones {@link #afterRun} would give. Before, the payers were found by a first pass of their own, which read and
     * sorted the month's lines again (1.75 s of a 1,256,123-line run, docs/benchmarks.md "The run's bills from one
     * read of its lines"); before that, each bill got a random code at creation and afterRun reread the month's
     * lines, inserted version 1 and rewrote every code. A bill without a live line (none can arise from a run) keeps
     * a random code and no version, as afterRun left it. Returns the number of bills created. The aggregate repeats
     * bill_content's expressions on purpose (the view reads each line's reversals by index, this statement by one
     * hash of the run's): they must stay the same, which BillVersionsIntegrationTests checks against the view.
     */
    long createFirstVersions(LocalDate month, long runId, long linesAfter, LocalDate bpuDue, LocalDate puDue) {
        long reversed = RunReversals.stage(jdbc, linesAfter);
        String sequence = jdbc.sql("select pg_get_serial_sequence('bill', 'id')").query(String.class).single();
        jdbc.sql("drop table if exists new_bill_content").update();
        jdbc.sql("""
                create temp table new_bill_content on commit drop as
                select n.id, n.payer_id, n.region_code, n.due_date, n.total, n.line_count, n.digest, 0 as salt,
                       case when n.live then bill_version_code(n.id, 1, n.total, n.digest, 0) end as code
                from (
                    -- ids drawn after the payers with a bill of the month are left out (a re-run's), in payer order
                    select nextval('%s') as id, c.*, p.region_code
                    from (
                        select l.payer_id,
                               min(case l.segment when 'BPU' then cast(:bpuDue as date) else cast(:puDue as date) end) as due_date,
                               bool_or(l.kind <> 'REVERSAL') as live,
                               coalesce(sum(l.amount + r.reversed) filter (where l.kind <> 'REVERSAL'), 0) as total,
                               count(*) filter (where l.kind <> 'REVERSAL' and l.amount + r.reversed <> 0) as line_count,
                               encode(sha256(convert_to(coalesce(string_agg(
                                   l.worker_id || '|' || l.program || '|' || l.share || '|' || l.segment || '|' || l.base || '|'
                                       || coalesce(l.rate::text, '') || '|' || (l.amount + r.reversed),
                                   E'\\n' order by l.worker_id, l.program, l.share, l.segment, l.base, l.rate, l.amount + r.reversed)
                                   filter (where l.kind <> 'REVERSAL' and l.amount + r.reversed <> 0), ''), 'UTF8')), 'hex') as digest
                        from bill_line l
                        -- a line's reversals come after it, so those of the run's lines are among the run's (RunReversals)
                        %s
                        cross join lateral (select coalesce(x.reversed, 0) as reversed) r
                        where l.id > :after and l.month = :month and l.run_id = :run
                        group by l.payer_id) c
                    join registry_payer p on p.id = c.payer_id
                    where not exists (select 1 from bill b where b.payer_id = c.payer_id and b.month = :month)
                    order by c.payer_id) n""".formatted(sequence.replace("'", "''"), RunReversals.join(reversed)))
                .param("after", linesAfter).param("month", Date.valueOf(month)).param("run", runId)
                .param("bpuDue", Date.valueOf(bpuDue)).param("puDue", Date.valueOf(puDue)).update();
        // A code already taken (12 hex digits of a hash: rare, never impossible) takes the next salt, as in afterRun:
        // taken by an existing bill or version, or by a bill of this batch with a lower id. The unique indexes on the
        // codes find them as the rows go in: a check beforehand hashed every code of every bill and version ever
        // issued, on every run (1.6 s at 1,000,000 bills; it grows with the history, docs/benchmarks.md).
        long created = 0;
        for (int salt = 0; ; salt++) {
            long[] pending = jdbc.sql("select count(*), count(code) from new_bill_content where salt = :salt")
                    .param("salt", salt).query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)}).single();
            if (pending[0] == 0) {
                return created;
            }
            // lowest id first, so that of two bills of the batch with one code the lower keeps it
            long bills = jdbc.sql("""
                    insert into bill (id, payer_id, payer_region_code, month, due_date, verification_code) overriding system value
                    select n.id, n.payer_id, n.region_code, :month, n.due_date,
                           coalesce(n.code, upper(substr(md5(n.payer_id || '-' || :month || '-' || gen_random_uuid()), 1, 12)))
                    from new_bill_content n where n.salt = :salt order by n.id
                    on conflict (verification_code) do nothing""")
                    .param("month", Date.valueOf(month)).param("salt", salt).update();
            long firstVersions = jdbc.sql("""
                    insert into bill_version (bill_id, version, code, total, line_count, digest, issued_on)
                    select n.id, 1, n.code, n.total, n.line_count, n.digest, :today from new_bill_content n
                    where n.salt = :salt and n.code is not null
                      and (:all or exists (select 1 from bill b where b.id = n.id))
                    order by n.id
                    on conflict (code) do nothing""")
                    .param("today", Date.valueOf(LocalDate.now(clock))).param("salt", salt).param("all", bills == pending[0])
                    .update();
            created += bills;
            if (bills == pending[0] && firstVersions == pending[1]) {
                return created;
            }
            // the rows left without their bill, or with a code and without its version: a bill whose version's code
            // was taken is written again with the next salt (nothing refers to it yet)
            jdbc.sql("drop table if exists retry_bill").update();
            long left = jdbc.sql("""
                    create temp table retry_bill on commit drop as
                    select n.id from new_bill_content n
                    where n.salt = :salt and (not exists (select 1 from bill b where b.id = n.id)
                          or n.code is not null and not exists (select 1 from bill_version v where v.bill_id = n.id))""")
                    .param("salt", salt).update();
            if (salt + 1 == CODE_ATTEMPTS) {
                throw new IllegalStateException(left + " bills of " + month + " found no free verification code");
            }
            created -= jdbc.sql("delete from bill b using retry_bill r where b.id = r.id").update();
            jdbc.sql("""
                    update new_bill_content n set salt = :next,
                           code = case when n.code is not null then bill_version_code(n.id, 1, n.total, n.digest, :next) end
                    from retry_bill r where r.id = n.id""").param("next", salt + 1).update();
        }
    }

    /**
     * A new version for every bill of the given payers and month whose content differs from its latest version (or
     * that has none yet), and the bill's current code set to it. Set-based; returns the number of new versions.
     */
    long afterRun(LocalDate month, List<Long> payers) {
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
