package id.lindung.coverage.internal;

import id.lindung.shared.Rupiah;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The indicators as set-based SQL over the registry's and billing's published views (never their tables), for every
 * group of a scope range at once: a group is the code prefix of {@code glen} characters of the worker's village (0
 * for the nation, a region's own code length for the region, its children's code length for its children).
 *
 * <p>Protection on the date is billing's rule (billing.ProtectionPolicy, as billing.Protection applies it per
 * worker), written set-based: a programme whose term covering the date is PU is PROTECTED; a BPU one is PROTECTED
 * when the date's month was paid within its window, IN_GRACE when no billed month after the last month paid in its
 * window is past its due date, else LAPSED or ENDED. Due dates and windows come from {@link ProtectionCalendar}.
 */
@Component
public class IndicatorSql {

    /**
     * The P3KE/DTKS hook (Inpres 4/2022): a flagged worker's welfare decile as text ('1'..'10', 'UNKNOWN'), null for a
     * worker not flagged; read from registry_worker_profile as {@code p}. A dedicated P3KE decile column, once the
     * registry publishes it in that view, replaces this one expression (e.g. {@code p.p3ke_decile::text}).
     */
    static final String POVERTY_DECILE = "case when p.extreme_poverty then coalesce(p.poverty_decile::text, 'UNKNOWN') end";

    /** Terms covering :d in the range (a term ended by death also covers its end date), with each one's status. */
    static final String STATUS = """
            with due (m, pu_due, bpu_due, pu_last, bpu_last) as (
                select * from unnest(cast(:months as date[]), cast(:pudue as date[]), cast(:bpudue as date[]),
                                     cast(:pulast as date[]), cast(:bpulast as date[]))),
            cur as (
                select t.worker_id, t.program, t.segment, t.village_code, t.valid_to,
                       coalesce(t.employer_payer_id, t.worker_payer_id) as payer_id
                from registry_membership_term t
                where t.village_code >= :lo and t.village_code < :hi and t.valid_from <= :d
                  and (t.valid_to is null or t.valid_to > :d or (t.valid_to = :d and t.end_reason = 'DECEASED'))),
            status as (
                select c.worker_id, c.program, c.segment, c.village_code, c.payer_id,
                       array_position(array['JKK', 'JKM', 'JHT', 'JP', 'JKP'], c.program) as rank,
                       (c.segment <> 'BPU'
                        -- the date's month paid within its window: PROTECTED
                        or exists (
                            select 1 from billing_paid_month p
                            where p.worker_id = c.worker_id and p.program = c.program and p.month = :m
                              and p.paid_on <= case when ls.segment = 'BPU' then cast(:mbpulast as date) else cast(:mpulast as date) end)
                        -- else IN_GRACE unless a billed month past its due date has no month paid in its window from it to
                        -- the date's month (LAPSED or ENDED)
                        or not exists (
                            select 1 from billing_billed_month b join due on due.m = b.month
                            where b.worker_id = c.worker_id and b.program = c.program and b.month <= :m
                              and :d > case when ls.segment = 'BPU' then due.bpu_due else due.pu_due end
                              and not exists (
                                  select 1 from billing_paid_month p join due d2 on d2.m = p.month
                                  where p.worker_id = c.worker_id and p.program = c.program
                                    and p.month >= b.month and p.month <= :m
                                    and p.paid_on <= case when ls.segment = 'BPU' then d2.bpu_last else d2.pu_last end))) as protected
                from cur c
                -- billing takes a programme's due dates from the segment of its latest term: an open term is the latest
                cross join lateral (
                    select coalesce((select s.segment from registry_membership_term s
                                     where c.segment = 'BPU' and c.valid_to is not null
                                       and s.worker_id = c.worker_id and s.program = c.program
                                     order by s.valid_from desc limit 1), c.segment) as segment) ls),
            wk as (
                select s.worker_id,
                       (array_agg(s.village_code order by s.rank))[1] as village_code,
                       bool_or(s.program = 'JKK' and s.protected) and bool_or(s.program = 'JKM' and s.protected) as protected,
                       (array_agg(s.segment order by s.rank))[1] as segment,
                       (array_agg(s.payer_id order by s.rank))[1] as payer_id
                from status s group by s.worker_id),
            w as (
                select left(k.village_code, :glen) as g, k.worker_id, k.village_code, k.protected, k.segment,
                       py.kind as payer_kind, p.category,
                       case when p.category in ('KEPALA_DESA', 'PERANGKAT_DESA') then 'GOVERNMENT'
                            when p.category = 'BPD' then 'BPD' when p.category = 'RT_RW' then 'RT_RW' end as apparatus,
                       """ + POVERTY_DECILE + """
                        as poverty
                from wk k
                join registry_worker_profile p on p.id = k.worker_id
                join registry_payer py on py.id = k.payer_id)
            """;

    static final String COUNTS = STATUS + """
            select g, case grouping(segment, category, payer_kind, apparatus, poverty)
                          when 31 then 'ALL' when 15 then 'SEGMENT' when 23 then 'CATEGORY' when 27 then 'PAYER_KIND'
                          when 29 then 'APPARATUS' else 'POVERTY' end as dim,
                   coalesce(segment, category, payer_kind, apparatus, poverty) as key,
                   count(*) as registered, count(*) filter (where protected) as protected
            from w
            group by grouping sets ((g), (g, segment), (g, category), (g, payer_kind), (g, apparatus), (g, poverty))
            union all
            select left(s.village_code, :glen), 'PROGRAMME', s.program, count(*), count(*) filter (where s.protected)
            from status s group by 1, 3
            union all
            select ds.g, 'DESA_SADAR', null,
                   count(*) filter (where ds.present = cardinality(cast(:present as text[])) and ds.misses = 0
                                      and ds.share_prot * 100 >= :pct * ds.share_reg), 0
            from (select w.g, w.village_code,
                         count(distinct w.category) filter (where w.category = any(cast(:present as text[]))) as present,
                         count(*) filter (where w.category = any(cast(:all as text[])) and not w.protected) as misses,
                         count(*) filter (where w.category = any(cast(:share as text[]))
                                            and not w.category = any(cast(:all as text[]))) as share_reg,
                         count(*) filter (where w.category = any(cast(:share as text[]))
                                            and not w.category = any(cast(:all as text[])) and w.protected) as share_prot
                  from w where w.category = any(cast(:cats as text[]))
                  group by w.g, w.village_code) ds
            join region_area r on r.code = ds.village_code and r.kind = 'DESA' and r.active
            group by ds.g
            union all
            select left(r.code, :glen), 'DESA', null, count(*), 0
            from region_area r
            where r.active and r.level = 'VILLAGE' and r.kind = 'DESA' and r.code >= :lo and r.code < :hi
            group by 1
            """;

    static final String MONEY = """
            select left(l.village_code, :glen) as g, p.kind, coalesce(sum(l.amount), 0) as billed,
                   coalesce(sum(l.paid) filter (where l.paid_on <= :to), 0) as paid
            from billing_line_money l join registry_payer p on p.id = l.payer_id
            where l.village_code >= :lo and l.village_code < :hi and l.month >= :mfrom and l.month <= :mto
            group by 1, 2
            """;

    /** The apparatus of the Desa Sadar categories in each desa, with whether each is protected. */
    static final String DESA_SADAR_PEOPLE = STATUS + """
            select w.village_code, w.category, w.protected, rw.nik, rw.full_name
            from w join registry_worker rw on rw.id = w.worker_id
            where w.category = any(cast(:cats as text[]))
            order by w.village_code, w.category, rw.full_name, rw.id
            """;

    private final JdbcClient jdbc;
    private final ProtectionCalendar calendar;

    IndicatorSql(JdbcClient jdbc, ProtectionCalendar calendar) {
        this.jdbc = jdbc;
        this.calendar = calendar;
    }

    /** One counted row: the group, the split ({@code ALL}, SEGMENT, CATEGORY, ...), its key, and the two counts. */
    public record Row(String group, String dimension, String key, long registered, long protectedWorkers) {}

    /** Billed and paid of one group over a period: in all, and by the kind of the line's payer (APBDES, APBD, ...). */
    public record MoneyRow(String group, Rupiah billed, Rupiah paid, Map<String, KindMoney> byKind) {

        public record KindMoney(Rupiah billed, Rupiah paid) {}

        /**
         * The groups' money from rows of (group, payer kind, billed, paid), as {@link #MONEY} and the rollups' reads
         * return them.
         */
        public static Map<String, MoneyRow> collect(JdbcClient.StatementSpec statement) {
            Map<String, Map<String, KindMoney>> kinds = new HashMap<>();
            statement.query((rs, n) -> kinds.computeIfAbsent(rs.getString(1), g -> new TreeMap<>())
                    .put(rs.getString(2), new KindMoney(Rupiah.of(rs.getBigDecimal(3)), Rupiah.of(rs.getBigDecimal(4)))))
                    .list();
            Map<String, MoneyRow> result = new HashMap<>();
            kinds.forEach((group, byKind) -> {
                Rupiah billed = Rupiah.ZERO;
                Rupiah paid = Rupiah.ZERO;
                for (KindMoney k : byKind.values()) {
                    billed = billed.plus(k.billed());
                    paid = paid.plus(k.paid());
                }
                result.put(group, new MoneyRow(group, billed, paid, byKind));
            });
            return result;
        }
    }

    public record Person(String villageCode, String category, boolean protectedWorkers, String nik, String name) {}

    /** The Desa Sadar criterion as SQL parameters. */
    public record Criterion(List<String> present, List<String> all, List<String> share, BigDecimal sharePercent) {
        public List<String> categories() {
            List<String> c = new ArrayList<>(present);
            c.addAll(all);
            c.addAll(share);
            return c.stream().distinct().toList();
        }
    }

    public MapSqlParameterSource params(String lo, String hi, int glen, LocalDate date, Criterion criterion) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("lo", lo).addValue("hi", hi).addValue("glen", glen)
                .addValue("present", criterion.present().toArray(String[]::new))
                .addValue("all", criterion.all().toArray(String[]::new))
                .addValue("share", criterion.share().toArray(String[]::new))
                .addValue("cats", criterion.categories().toArray(String[]::new))
                .addValue("pct", criterion.sharePercent());
        return calendar.params(date, p);
    }

    public List<Row> counts(String lo, String hi, int glen, LocalDate date, Criterion criterion) {
        return jdbc.sql(COUNTS).paramSource(params(lo, hi, glen, date, criterion))
                .query((rs, n) -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list();
    }

    public Map<String, MoneyRow> money(String lo, String hi, int glen, LocalDate from, LocalDate to) {
        return MoneyRow.collect(jdbc.sql(MONEY).paramSource(moneyParams(lo, hi, glen, from, to)));
    }

    public MapSqlParameterSource moneyParams(String lo, String hi, int glen, LocalDate from, LocalDate to) {
        return new MapSqlParameterSource().addValue("lo", lo).addValue("hi", hi).addValue("glen", glen)
                .addValue("to", Date.valueOf(to)).addValue("mfrom", Date.valueOf(from.withDayOfMonth(1)))
                .addValue("mto", Date.valueOf(to.withDayOfMonth(1)));
    }

    public List<Person> desaSadarPeople(String lo, String hi, LocalDate date, Criterion criterion) {
        return jdbc.sql(DESA_SADAR_PEOPLE).paramSource(params(lo, hi, 0, date, criterion))
                .query((rs, n) -> new Person(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The statements with their parameters, for the benchmark's EXPLAIN ANALYZE. */
    public static String countsSql() {
        return COUNTS;
    }

    public static String moneySql() {
        return MONEY;
    }
}
