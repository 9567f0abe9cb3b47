package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.RegionScope;
import id.lindung.platform.AmountJson;
import id.lindung.platform.NotFoundException;
import id.lindung.registry.RegisteredPayer;
import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.annotation.JsonSerialize;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Reading bills, their lines and arrears within the caller's scope. */
@Service
public class Bills {

    private final JdbcClient jdbc;
    private final Payers payers;
    private final MonthRulesSource rules;
    private final Clock clock;

    Bills(JdbcClient jdbc, Payers payers, MonthRulesSource rules, Clock clock) {
        this.jdbc = jdbc;
        this.payers = payers;
        this.rules = rules;
        this.clock = clock;
    }

    /**
     * One row per bill. {@code pu_late} is the PU contribution times the months it was late: each part paid late
     * counts up to the date of the payment it came from, the part still unpaid up to {@code :asOf} ({@link LateFines});
     * the fine is that times the month's fine rate, so a fine stays owed after the contribution itself is paid.
     */
    private static final String SUMMARY = """
            select b.id, p.code, p.name, b.month, b.due_date, b.verification_code,
                   coalesce(sum(l.amount), 0) as total,
                   coalesce((select sum(a.amount) from payment_allocation a join bill_line x on x.id = a.bill_line_id
                             where x.payer_id = b.payer_id and x.month = b.month), 0) as paid,
                   %s as pu_late,
                   count(l.id) filter (where l.kind <> 'REVERSAL') as line_count
            from bill b join registry_payer p on p.id = b.payer_id
            left join bill_line l on l.payer_id = b.payer_id and l.month = b.month
            """.formatted(LateFines.puLate("b.payer_id", "b.month"));

    /** Bills in scope, optionally of one payer and/or one month, newest month first. */
    public List<BillSummary> find(String payerCode, YearMonth month, Actor actor, LocalDate asOf) {
        return find(payerCode, month, actor, asOf, 0, 1000).items();
    }

    /** One page of the bills in scope (the API and the overview page), with the total count. */
    public id.lindung.platform.Page<BillSummary> find(String payerCode, YearMonth month, Actor actor, LocalDate asOf,
                                                      int page, int size) {
        RegionScope scope = actor.scope();
        int limit = Math.max(1, Math.min(size, 1000));
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("lo", scope.lo()).addValue("hi", scope.hi())
                .addValue("asOf", Date.valueOf(asOf == null ? LocalDate.now(clock) : asOf));
        StringBuilder where = new StringBuilder(" where b.payer_region_code >= :lo and b.payer_region_code < :hi");
        if (payerCode != null && !payerCode.isBlank()) {
            RegisteredPayer payer = payers.get(payerCode, scope);
            where.append(" and b.payer_id = :payer");
            params.addValue("payer", payer.id());
        }
        if (month != null) {
            where.append(" and b.month = :month");
            params.addValue("month", Date.valueOf(month.atDay(1)));
        }
        long total = jdbc.sql("select count(*) from bill b" + where).paramSource(params).query(Long.class).single();
        // a page past the end answers the last page; in long, so page=2147483647 cannot overflow into a negative offset
        int shown = (int) Math.min(Math.max(0, page), Math.max(0, (total - 1) / limit));
        // the page's bills first, then their sums: grouping every bill in scope with all its lines before the limit
        // took 32.8 s for the nation at 500,000 workers with twelve months (docs/benchmarks.md "The bills
        // API pages before it sums"); (month, payer code) is unique, so the page is the same rows in the same order
        List<BillSummary> items = jdbc.sql(SUMMARY + " where b.id in (select b.id from bill b join registry_payer p on p.id = b.payer_id"
                        + where + " order by b.month desc, p.code limit :limit offset :offset)"
                        + " group by b.id, p.code, p.name order by b.month desc, p.code")
                .paramSource(params.addValue("limit", limit).addValue("offset", (long) shown * limit))
                .query((rs, n) -> map(rs)).list();
        return new id.lindung.platform.Page<>(items, shown, limit, total);
    }

    /** Every bill of a month in scope, without the page limit of {@link #find} (demo data, exports). */
    public List<BillSummary> forMonth(YearMonth month, Actor actor) {
        RegionScope scope = actor.scope();
        return jdbc.sql(SUMMARY + " where b.payer_region_code >= :lo and b.payer_region_code < :hi and b.month = :month"
                        + " group by b.id, p.code, p.name order by p.code")
                .param("lo", scope.lo()).param("hi", scope.hi()).param("month", Date.valueOf(month.atDay(1)))
                .param("asOf", Date.valueOf(LocalDate.now(clock)))
                .query((rs, n) -> map(rs)).list();
    }

    public BillSummary get(long billId, Actor actor, LocalDate asOf) {
        RegionScope scope = actor.scope();
        return jdbc.sql(SUMMARY + " where b.id = :id and b.payer_region_code >= :lo and b.payer_region_code < :hi group by b.id, p.code, p.name")
                .param("id", billId).param("lo", scope.lo()).param("hi", scope.hi())
                .param("asOf", Date.valueOf(asOf == null ? LocalDate.now(clock) : asOf))
                .query((rs, n) -> map(rs)).optional()
                .orElseThrow(() -> new NotFoundException("Bill " + billId + " not found"));
    }

    /** The region of a bill's payer (a bill the caller has already been allowed to read), for its audit entry. */
    public String regionOf(long billId) {
        return jdbc.sql("select payer_region_code from bill where id = ?").param(billId).query(String.class).optional().orElse(null);
    }

    /** A bill line; base and amount are written in JSON with two decimals, as the {@code numeric(18,2)} columns hold them. */
    public record Line(String nik, String name, String village, String program, String share, String segment, String kind,
                       @JsonSerialize(using = AmountJson.WithSen.class) Rupiah base, BigDecimal rate,
                       @JsonSerialize(using = AmountJson.WithSen.class) Rupiah amount, String regulationVersion, String lineType) {

        /** An instalment of the JP deferred by PP 49/2020 (its own line on the bills of April 2021 to March 2022). */
        public boolean deferredJp() {
            return "JP_DEFERRED".equals(lineType);
        }
    }

    /**
     * The live and correcting lines of a bill (the caller must already have been allowed to see the bill),
     * with NIKs masked for the roles that see them masked.
     */
    public List<Line> lines(long billId, Actor actor) {
        return linesFrom(billId, actor, 0, Integer.MAX_VALUE);
    }

    /**
     * One page of a bill's lines in the order of {@link #lines}: a regency's bill has thousands (1,017 lines made the bill
     * page 57,700 px tall on a phone, review of 6 December 2026). The documents and the API keep every line. A page
     * past the last is the last.
     */
    public id.lindung.platform.Page<Line> lines(long billId, Actor actor, int page, int size) {
        long total = jdbc.sql("""
                select count(*) from bill b join bill_line l on l.payer_id = b.payer_id and l.month = b.month where b.id = ?""")
                .param(billId).query(Long.class).single();
        // a page past the end shows the last one, as every list does (a bookmarked page of a bill a reversal shortened)
        int shown = (int) Math.min(Math.max(0, page), Math.max(0, (total - 1) / size));
        return new id.lindung.platform.Page<>(linesFrom(billId, actor, (long) shown * size, size), shown, size, total);
    }

    private List<Line> linesFrom(long billId, Actor actor, long offset, int limit) {
        return jdbc.sql("""
                select w.nik, w.full_name, l.village_code, l.program, l.share, l.segment, l.kind, l.base, l.rate, l.amount, l.regulation_version,
                       l.line_type
                from bill b join bill_line l on l.payer_id = b.payer_id and l.month = b.month join registry_worker w on w.id = l.worker_id
                where b.id = ? order by w.full_name, w.id, %s, l.share, l.id offset ? limit ?"""
                        .formatted(Allocation.PROGRAM_ORDER.replace("program", "l.program")))
                .params(billId, offset, limit)
                .query((rs, n) -> new Line(id.lindung.access.PersonalData.nik(actor, rs.getString(1)), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getString(6), rs.getString(7), Rupiah.of(rs.getBigDecimal(8)), rs.getBigDecimal(9), Rupiah.of(rs.getBigDecimal(10)),
                        rs.getString(11), rs.getString(12)))
                .list();
    }

    /** Totals per programme of a bill, net of reversals. */
    public Map<String, Rupiah> totalsByProgram(long billId) {
        Map<String, Rupiah> totals = new java.util.LinkedHashMap<>();
        jdbc.sql("select l.program, sum(l.amount) from bill b join bill_line l on l.payer_id = b.payer_id and l.month = b.month where b.id = ? group by l.program order by %s"
                        .formatted(Allocation.PROGRAM_ORDER.replace("program", "l.program")))
                .param(billId).query((rs, n) -> totals.put(rs.getString(1), Rupiah.of(rs.getBigDecimal(2)))).list();
        return totals;
    }

    /**
     * What {@code bill} asks its payer to pay ({@link AmountDue}): its own outstanding, the earlier months still unpaid
     * and every fine accrued so far, also the fine of an earlier month paid late but in full (it was left out while only
     * unpaid months were read, so a December bill lost August's fine once August was settled), less the fines paid.
     */
    public AmountDue amountDue(BillSummary bill, Actor actor, LocalDate asOf) {
        LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
        return AmountDue.of(bill, find(bill.payer(), null, actor, day), finesPaid(bill.payer(), day));
    }

    /** What the payer's fine payments ({@link FinePayments}) not reversed and dated on or before {@code day} paid. */
    private Rupiah finesPaid(String payerCode, LocalDate day) {
        return Rupiah.of(jdbc.sql("""
                select coalesce(sum(f.amount), 0) from fine_payment f join registry_payer p on p.id = f.payer_id
                where p.code = ? and f.reversed_at is null and f.paid_on <= ?""")
                .params(payerCode, Date.valueOf(day)).query(BigDecimal.class).single());
    }

    private BillSummary map(ResultSet rs) throws SQLException {
        YearMonth month = YearMonth.from(rs.getDate("month").toLocalDate());
        Rupiah total = Rupiah.of(rs.getBigDecimal("total"));
        Rupiah paid = Rupiah.of(rs.getBigDecimal("paid"));
        MonthRules r = rulesCache.computeIfAbsent(month, rules::forMonth);
        Rupiah fine = r.puFine(rs.getBigDecimal("pu_late"));
        return new BillSummary(rs.getLong("id"), rs.getString("code"), rs.getString("name"), month,
                total, paid, total.minus(paid), fine, rs.getDate("due_date").toLocalDate(), rs.getLong("line_count"),
                rs.getString("verification_code"));
    }

    private final Map<YearMonth, MonthRules> rulesCache = new java.util.concurrent.ConcurrentHashMap<>();


}
