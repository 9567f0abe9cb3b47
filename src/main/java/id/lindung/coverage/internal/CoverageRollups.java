package id.lindung.coverage.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The coverage rollups (docs/decisions/0010-coverage-rollups.md): per worker, spans of constant counted facts; per
 * nation, province and regency, per-day changes of every count; Desa Sadar days per desa; money per village, month
 * and settling day, also kept per worker and village so that a payment re-sums one worker's lines. Exact, not
 * eventually: every read first {@link #refresh()}es what registry and billing say they changed (their published change
 * logs, one row per village and write statement, in the writer's transaction), under an advisory lock, so a read sees
 * every write committed before it and its own transaction's writes.
 */
@Component
public class CoverageRollups {


    /**
     * The large rollup tables a rebuild loads with their indexes (and keys) dropped and builds them once at the end:
     * one sort per index instead of a random insertion per row (docs/benchmarks.md, "Rebuild").
     */
    private static final String[] LOADED = {"coverage_worker_span", "coverage_delta", "coverage_delta_month",
        "coverage_money_village", "coverage_money", "coverage_money_worker"};

    private static final Logger log = LoggerFactory.getLogger(CoverageRollups.class);

    private final JdbcClient jdbc;
    private final ProtectionCalendar calendar;
    private final PlatformTransactionManager transactions;
    private final Clock clock;
    /** A district or village with at least this many workers is kept as per-day changes (coverage_levelled_group). */
    private final int levelledWorkers;
    /** work_mem of a rebuild's statements: their sorts and hashes of every span and bill line fit in memory longer. */
    private final String rebuildWorkMem;
    /** A refresh that staged at least this many rows in one step empties its work tables by truncation (see clear). */
    private final int truncateRows;
    /**
     * A refresh whose work list holds more than this share of the workers the rollups hold rebuilds instead: recomputing
     * a worker costs more than a rebuild pays for one (at 241,210 workers, the money summed alongside: 4.3-4.6 s for
     * 10 % of them, 10.8-11.1 s for 29 %, 16.2 s for 43 %, 21.0 s for 58 %, 26.2 s for 73 %, 30.9 s for 87 %; a rebuild
     * 25.8-26.2 s; docs/benchmarks.md "A refresh or a rebuild"), so past about 70 % one pass over the views costs
     * less. A share, not a number of villages: a province's monthly file logs its villages whole, and at national size a
     * fixed 5,000 villages made a province with 6,500 villages (8 % of the workers) rebuild the whole country.
     */
    private final double fullRebuildShare;
    /** Work lists smaller than this are always recomputed: counting the register would cost more than they do. */
    private final int fullRebuildMinWorkers;
    /**
     * Work lists larger than this always rebuild, whatever the share: the list goes to the statements as one array
     * (about 24 bytes a worker in the heap of a 512 MB server).
     */
    private final int fullRebuildWorkers;
    /**
     * How long a read of a regency or smaller waits for a refresh running in another transaction before it counts over
     * the published views instead ({@link #refreshUnlessBusy}).
     */
    private final long readWaitMillis;
    /**
     * Set when a read gave up waiting, cleared when a read gets the lock: the other reads of the same request (a
     * trend's 24 months, a report's sections) and those arriving meanwhile try once instead of waiting again.
     */
    private volatile boolean busy;
    /**
     * Whether a rebuild, and a refresh of a village logged whole or of at least {@link #truncateRows} named workers, sums
     * the money per worker on a second connection while its own transaction computes the spans
     * ({@link #startMoneyAlongside}; lindung.coverage.rebuild-money-alongside, named when only rebuilds did).
     */
    private final boolean moneyAlongside;
    /** The second connection's thread: one, so that two refreshes' sums never interleave in the load table. */
    private final ExecutorService alongside = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "coverage-money");
        t.setDaemon(true);
        return t;
    });

    CoverageRollups(JdbcClient jdbc, ProtectionCalendar calendar, PlatformTransactionManager transactions, Clock clock,
                    @Value("${lindung.coverage.levelled-workers:500}") int levelledWorkers,
                    @Value("${lindung.coverage.rebuild-work-mem:128MB}") String rebuildWorkMem,
                    @Value("${lindung.coverage.truncate-rows:1000}") int truncateRows,
                    @Value("${lindung.coverage.full-rebuild-share:0.7}") double fullRebuildShare,
                    @Value("${lindung.coverage.full-rebuild-min-workers:10000}") int fullRebuildMinWorkers,
                    @Value("${lindung.coverage.full-rebuild-workers:1000000}") int fullRebuildWorkers,
                    @Value("${lindung.coverage.read-wait-millis:1000}") long readWaitMillis,
                    @Value("${lindung.coverage.rebuild-money-alongside:true}") boolean moneyAlongside) {
        this.moneyAlongside = moneyAlongside;
        this.readWaitMillis = readWaitMillis;
        this.fullRebuildShare = fullRebuildShare;
        this.fullRebuildMinWorkers = fullRebuildMinWorkers;
        this.fullRebuildWorkers = fullRebuildWorkers;
        this.levelledWorkers = levelledWorkers;
        this.truncateRows = truncateRows;
        this.rebuildWorkMem = rebuildWorkMem;
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * What one refresh did, for the benchmark and the log: {@code villages} whose Desa Sadar days were judged again (a
     * rebuild: every village), {@code workers} whose spans were recomputed (a rebuild: the spans written).
     */
    public record Refresh(boolean full, int villages, int workers, long millis, List<Step> steps) {}

    /** One statement of a refresh: the rows it wrote and its time. */
    public record Step(String name, long rows, long millis) {

        @Override
        public String toString() {
            return String.format("%s %,d rows in %,d ms", name, rows, millis);
        }
    }

    /** Times each statement of one refresh, so the log and the benchmark show where a rebuild's time goes. */
    private static final class Steps {
        private final List<Step> done = new ArrayList<>();

        int run(String name, IntSupplier statement) {
            long t = System.nanoTime();
            int rows = statement.getAsInt();
            done.add(new Step(name, rows, (System.nanoTime() - t) / 1_000_000));
            return rows;
        }
    }

    /** Whether the rollups answer for the date: within their horizon, and billing's window never changed. */
    public boolean answers(LocalDate date) {
        return calendar.rollupCalendar().constantWindow() && !YearMonth.from(date).isAfter(ProtectionCalendar.HORIZON);
    }

    /** Brings the rollups up to every committed write (and the current transaction's own). */
    public Refresh refresh() {
        return refreshing().execute(s -> refreshLocked());
    }

    /**
     * Brings the rollups up to every committed write, unless another transaction is refreshing them and still is after
     * {@code lindung.coverage.read-wait-millis} (1 s): then returns false at once and the read counts over the published
     * views, which is as exact and, for a regency or smaller, takes well under a second, where waiting for a catch-up's
     * rebuild after a province's payment file took up to 540 s (docs/benchmarks.md). Readers of a province or the
     * nation keep {@link #refresh()}: counting them directly costs more than most waits (5 to 34 s at 400,000 workers).
     */
    public boolean refreshUnlessBusy() {
        return Boolean.TRUE.equals(refreshing().execute(s -> {
            long deadline = System.nanoTime() + readWaitMillis * 1_000_000;
            boolean gaveUpBefore = busy;
            while (!jdbc.sql("select pg_try_advisory_xact_lock(hashtext('coverage_rollups'))").query(Boolean.class).single()) {
                if (gaveUpBefore || System.nanoTime() >= deadline) {
                    busy = true;
                    return false;
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            busy = false;
            refreshLocked();
            return true;
        }));
    }

    /** The transaction of a refresh: the caller's, or a new one when the caller's is read-only (a refresh writes). */
    private TransactionTemplate refreshing() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        if (TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        }
        return tx;
    }

    /** Rebuilds everything from the published views. */
    public Refresh rebuild() {
        return new TransactionTemplate(transactions).execute(s -> {
            lock();
            boolean clean = clean();
            String snapshot = jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
            return full(snapshot, reference(), calendar.rollupCalendar().hash(), clean);
        });
    }

    private void lock() {
        jdbc.sql("select pg_advisory_xact_lock(hashtext('coverage_rollups'))").query().listOfRows();
    }

    /**
     * Whether this transaction has written nothing yet (asked before the refresh's own writes to its work tables): only
     * then may the money be summed on a second connection, which sees committed rows only (the demo seeding's or a
     * test's transaction writes what it then reads).
     */
    private boolean clean() {
        return jdbc.sql("select pg_current_xact_id_if_assigned() is null").query(Boolean.class).single();
    }

    /** What the rollups are built from besides the change logs: the Desa Sadar rules and the official region list. */
    private record Reference(String rules, long regions) {}

    private Reference reference() {
        return jdbc.sql("""
                select (select md5(string_agg(r::text, ',' order by r.valid_from)) from coverage_desa_sadar_rule r),
                       (select version from region_list_version)""")
                .query((rs, n) -> new Reference(rs.getString(1), rs.getLong(2))).single();
    }

    private Refresh refreshLocked() {
        lock();
        String snapshot = jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
        Reference rules = reference();
        String cal = calendar.rollupCalendar().hash();
        Optional<Map<String, Object>> state = jdbc.sql("select snapshot, rules_hash, calendar_hash, region_version from coverage_rollup_state")
                .query().listOfRows().stream().findFirst();
        // a change of the rules, the calendar or the region list (a desa added, retired or re-kinded) rebuilds: they
        // are not in the change logs, and each can move every desa's count or Desa Sadar days
        if (state.isEmpty() || !rules.rules().equals(state.get().get("rules_hash")) || !cal.equals(state.get().get("calendar_hash"))
                || !Long.valueOf(rules.regions()).equals(state.get().get("region_version"))) {
            return full(snapshot, rules, cal, clean());
        }
        long t0 = System.nanoTime();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("s0", state.get().get("snapshot")).addValue("s1", snapshot);
        String changed = changedIn("registry_changed_village", "billing_changed_village");
        boolean everything = jdbc.sql("select exists (select 1 " + changed + " and c.village_code is null)").paramSource(p)
                .query(Boolean.class).single();
        if (everything) {
            return full(snapshot, rules, cal, clean());
        }
        // the villages of a large write are logged whole, those of a smaller one (up to 1,000,000 rows, V164) with their
        // workers: only the first recompute every worker of the village
        int[] counts = jdbc.sql("select count(distinct c.village_code), count(distinct c.village_code) filter (where c.worker_id is null), "
                        + "count(distinct c.worker_id) " + changed + " and c.village_code is not null")
                .paramSource(p).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        int villages = counts[0];
        if (villages == 0) {
            saveState(snapshot, rules, cal);
            return new Refresh(false, 0, 0, (System.nanoTime() - t0) / 1_000_000, List.of());
        }
        // asked here, before this refresh writes anything, not at its start: a read with nothing to apply (above) pays
        // no extra round trip
        boolean clean = clean();
        // before the work list is filled: a national billing run logs every village with workers whole, and listing its
        // ten million workers first would only add minutes to the rebuild it comes to
        Held held = held();
        if (counts[2] > fullRebuildWorkers || counts[1] > fullRebuildShare * held.villages()) {
            return full(snapshot, rules, cal, clean);
        }
        // a small write names its workers (V145, V146): only they are recomputed; a village logged without a worker
        // (a large write) has every worker with a span or a term there recomputed
        String[] whole = jdbc.sql("select distinct c.village_code " + changed + " and c.village_code is not null and c.worker_id is null")
                .paramSource(p).query(String.class).list().toArray(String[]::new);
        jdbc.sql("insert into coverage_refresh_village select unnest(cast(:v as text[])) on conflict do nothing").param("v", whole).update();
        jdbc.sql("insert into coverage_refresh_worker select distinct c.worker_id " + changed
                + " and c.village_code is not null and c.worker_id is not null on conflict do nothing").paramSource(p).update();
        jdbc.sql("""
                insert into coverage_refresh_worker
                select s.worker_id from coverage_worker_span s join coverage_refresh_village v on v.village_code = s.village_code
                union
                select t.worker_id from registry_membership_term t join coverage_refresh_village v on v.village_code = t.village_code
                on conflict do nothing""").update();
        // counted before it is read into the heap: a national billing run logs every village whole
        long listed = jdbc.sql("select count(*) from coverage_refresh_worker").query(Long.class).single();
        if (listed > fullRebuildWorkers || listed >= fullRebuildMinWorkers && listed > fullRebuildShare * held.workers()) {
            return full(snapshot, rules, cal, clean);
        }
        Long[] workers = jdbc.sql("select worker_id from coverage_refresh_worker").query(Long.class).list().toArray(Long[]::new);
        String byWorker = "%s.worker_id = any(cast(:w as bigint[]))";
        Steps steps = new Steps();
        // billing's billed months and lines are keyed by month first (V169, V168): the workers' rows are read one descent
        // per billed month and worker, the months given as a value the planner can count (billing_months() inline is an
        // array of unknown size: at 200,000 workers it chose 1.4 million descents, 1.27 s, over a scan, 0.65 s)
        java.sql.Date[] billedMonths = billedMonths();
        // money changes only with billing's lines and allocations: billing's log names the workers (and, for a large
        // write, the villages) whose money is summed again; old minus new goes to the villages and groups
        String billing = changedIn("billing_changed_village");
        Long[] moneyWorkers = jdbc.sql("select distinct c.worker_id " + billing + " and c.village_code is not null and c.worker_id is not null")
                .paramSource(p).query(Long.class).list().toArray(Long[]::new);
        String[] moneyVillages = jdbc.sql("select distinct c.village_code " + billing + " and c.village_code is not null and c.worker_id is null")
                .paramSource(p).query(String.class).list().toArray(String[]::new);
        MapSqlParameterSource moneyParams = new MapSqlParameterSource().addValue("v", moneyVillages).addValue("w", moneyWorkers)
                .addValue("bm", billedMonths);
        // a large refresh (a village logged whole, a file's thousands of payers) sums the money on a second connection
        // while the spans are computed here, as a rebuild does; a payment's refresh keeps to one connection
        Alongside moneyAlongside = clean && (moneyVillages.length > 0 || moneyWorkers.length >= truncateRows)
                ? startMoneyAlongside(moneyWorkers("coverage_money_worker_load", MONEY_LINES), moneyParams)
                : null;
        steps.run("spans", () -> jdbc.sql(String.format(RollupSql.SPANS, byWorker.formatted("t"),
                        "b.month = any(cast(:bm as date[])) and " + byWorker.formatted("b"), byWorker.formatted("p")))
                .paramSource(calendar.rollupCalendar().addTo(new MapSqlParameterSource().addValue("w", workers)
                        .addValue("bm", billedMonths))).update());
        // a worker who left or joined a village may take it over the levelled threshold (promote, below)
        jdbc.sql("""
                insert into coverage_refresh_village
                select n.village_code from coverage_span_stage n
                union
                select o.village_code from coverage_worker_span o join coverage_refresh_worker d on d.worker_id = o.worker_id
                on conflict do nothing""").update();
        // only a village whose Desa Sadar people changed (or that was logged whole) has its Desa Sadar days judged again
        List<String> judged = new ArrayList<>();
        steps.run("desa sadar people changed", () -> {
            judged.addAll(jdbc.sql(RollupSql.DESA_SADAR_CHANGED).param("whole", whole).query(String.class).list());
            return judged.size();
        });
        String[] desaSadarVillages = judged.toArray(String[]::new);
        steps.run("span changes", () -> jdbc.sql(RollupSql.SPAN_DELTAS).update());
        steps.run("spans kept", () -> {
            jdbc.sql("delete from coverage_worker_span o using coverage_refresh_worker d where o.worker_id = d.worker_id").update();
            return jdbc.sql("insert into coverage_worker_span select * from coverage_span_stage").update();
        });
        steps.run("promoted", this::promote);
        jdbc.sql("delete from coverage_refresh_village where not village_code = any(cast(:v as text[]))")
                .param("v", desaSadarVillages).update();
        desaSadar(false, steps);
        if (moneyVillages.length > 0 || moneyWorkers.length > 0) {
            money(moneyParams, moneyAlongside, steps);
        }
        clear(steps.done.stream().mapToLong(Step::rows).max().orElse(0));
        saveState(snapshot, rules, cal);
        forgetApplied(snapshot);
        return new Refresh(false, desaSadarVillages.length, workers.length, (System.nanoTime() - t0) / 1_000_000, steps.done);
    }

    /**
     * The rows of the named change logs that this refresh applies: visible in its snapshot ({@code :s1}) and not in the
     * last refresh's ({@code :s0}), or written by the current transaction.
     */
    private static String changedIn(String... logs) {
        StringBuilder union = new StringBuilder();
        for (String view : logs) {
            union.append(union.isEmpty() ? "" : " union all ").append("select tx, village_code, worker_id from ").append(view)
                    .append(" where tx >= pg_snapshot_xmin(cast(:s0 as pg_snapshot))");
        }
        return "from (" + union + """
                ) c
                where ((pg_visible_in_snapshot(c.tx, cast(:s1 as pg_snapshot)) and not pg_visible_in_snapshot(c.tx, cast(:s0 as pg_snapshot)))
                       or c.tx = pg_current_xact_id_if_assigned())
                """;
    }

    /**
     * Everything from the published views, set-based: one statement per rollup over every worker, village and bill
     * line. The large tables are truncated and loaded without their indexes, which are built once at the end (the
     * refresh's upserts become plain inserts); the statements run with {@link #rebuildWorkMem}. Transactional like the
     * rest: a failure leaves the old rollups and indexes as they were.
     */
    private Refresh full(String snapshot, Reference rules, String cal, boolean clean) {
        long t0 = System.nanoTime();
        Steps steps = new Steps();
        String workMem = jdbc.sql("select current_setting('work_mem')").query(String.class).single();
        setLocal("work_mem", rebuildWorkMem);
        Alongside money = clean ? startMoneyAlongside(moneyWorkers("coverage_money_worker_load", "billing_line_money"),
                new MapSqlParameterSource()) : null;
        jdbc.sql("""
                truncate coverage_worker_span, coverage_delta, coverage_delta_month, coverage_desa_sadar_span,
                    coverage_money_village, coverage_money, coverage_money_worker, coverage_levelled_group""").update();
        emptyWorkTables();
        List<String> indexes = dropIndexes();
        int workers = steps.run("spans", () -> jdbc.sql(String.format(RollupSql.SPANS, "true", "true", "true"))
                .paramSource(calendar.rollupCalendar().addTo(new MapSqlParameterSource())).update());
        steps.run("levelled groups", () -> jdbc.sql("""
                insert into coverage_levelled_group (grp)
                select left(village_code, lv.len) from coverage_span_stage cross join (values (8), (13)) lv (len)
                group by 1 having count(distinct worker_id) >= :min""").param("min", levelledWorkers).update());
        steps.run("span changes", () -> jdbc.sql(RollupSql.SPAN_DELTAS).update());
        steps.run("desa counts", () -> jdbc.sql(RollupSql.DESA_COUNTS).update());
        steps.run("spans kept", () -> jdbc.sql("insert into coverage_worker_span select * from coverage_span_stage").update());
        int villages = steps.run("villages listed", () -> jdbc.sql(
                "insert into coverage_refresh_village select code from region_area where level = 'VILLAGE'").update());
        desaSadar(true, steps);
        steps.run("money", () -> copyMoney(money, steps, "coverage_money_worker",
                () -> jdbc.sql(moneyWorkers("coverage_money_worker", "billing_line_money")).update()));
        steps.run("money villages", () -> jdbc.sql(RollupSql.MONEY_VILLAGES).update());
        steps.run("money levels", () -> jdbc.sql(RollupSql.LOAD_MONEY).update());
        steps.run("money kept", () -> jdbc.sql("insert into coverage_money_village select * from coverage_money_stage").update());
        steps.run("indexes", () -> {
            indexes.forEach(ddl -> jdbc.sql(ddl).update());
            return indexes.size();
        });
        emptyWorkTables();
        steps.run("analyze", () -> jdbc.sql("analyze coverage_worker_span, coverage_delta, coverage_delta_month, "
                + "coverage_desa_sadar_span, coverage_money_village, coverage_money, coverage_money_worker, coverage_levelled_group").update());
        saveState(snapshot, rules, cal);
        forgetApplied(snapshot);
        setLocal("work_mem", workMem);
        long millis = (System.nanoTime() - t0) / 1_000_000;
        log.info("Coverage rollups rebuilt in {} ms: {}", millis, steps.done);
        return new Refresh(true, villages, workers, millis, steps.done);
    }

    /** How many workers and villages the rollups hold (have a span), estimated. */
    private record Held(double workers, double villages) {}

    /**
     * The workers and villages with a span, from the planner's statistics of the spans (n_distinct, analysed by every
     * rebuild and by autovacuum): counting them costs a pass over every span (0.1 s per 400,000 spans, seconds at
     * national size), which every large refresh would pay. An estimate is enough for choosing between a refresh and a
     * rebuild (on the 241,210-worker database: 212,175 workers and 10,275 villages against 241,211 and 10,678). Without
     * statistics yet (a small register not analysed), the exact count.
     */
    private Held held() {
        return jdbc.sql("""
                select max(case when s.n_distinct < 0 then -s.n_distinct * c.reltuples else s.n_distinct end)
                           filter (where s.attname = 'worker_id'),
                       max(case when s.n_distinct < 0 then -s.n_distinct * c.reltuples else s.n_distinct end)
                           filter (where s.attname = 'village_code')
                from pg_class c
                join pg_stats s on s.schemaname = current_schema() and s.tablename = c.relname
                                and s.attname in ('worker_id', 'village_code')
                where c.oid = 'coverage_worker_span'::regclass and c.reltuples >= 0""")
                .query((rs, n) -> rs.getObject(1) == null || rs.getObject(2) == null ? null
                        : new Held(rs.getDouble(1), rs.getDouble(2)))
                .optional()
                .orElseGet(() -> jdbc.sql("select count(distinct worker_id), count(distinct village_code) from coverage_worker_span")
                        .query((rs, n) -> new Held(rs.getLong(1), rs.getLong(2))).single());
    }

    /** Every month from billing's first billed month to its last (billing_months(), V169). */
    private java.sql.Date[] billedMonths() {
        return jdbc.sql("select billing_months()").query((rs, n) -> {
            java.sql.Array months = rs.getArray(1);
            return months == null ? new java.sql.Date[0] : (java.sql.Date[]) months.getArray();
        }).single();
    }

    /** The statement summing the money per worker and village of {@code lines} (a view or a subquery) into {@code table}. */
    private static String moneyWorkers(String table, String lines) {
        return String.format(RollupSql.MONEY_WORKERS, table, lines);
    }

    /**
     * Starts summing the money per worker on a second connection ({@code insert}: into coverage_money_worker_load), while
     * this transaction computes the spans: the two largest statements of a rebuild or a large refresh read different
     * views and otherwise run one after the other on one core (spans 235-286 s and money 130-181 s of a province's
     * 540 s rebuild; spans 2.3-9.2 s and money 4.5-9.8 s of a refresh of 10-58 % of 241,210 workers; docs/benchmarks.md).
     * Its snapshot is taken after this transaction's, so a write it sees that this refresh does not apply is applied
     * again by the next one, which recomputes the named workers' money from their lines (new minus what is kept). Only
     * for a transaction that has written nothing itself ({@link #clean}); null when turned off.
     */
    private Alongside startMoneyAlongside(String insert, MapSqlParameterSource params) {
        if (!moneyAlongside) {
            return null;
        }
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        AtomicInteger state = new AtomicInteger(Alongside.QUEUED);
        CountDownLatch started = new CountDownLatch(1);
        Future<Step> future = alongside.submit(() -> tx.execute(s -> {
            // the transaction holds its connection here; a task given up while it waited for one does nothing
            if (!state.compareAndSet(Alongside.QUEUED, Alongside.RUNNING)) {
                return null;
            }
            started.countDown();
            long t = System.nanoTime();
            jdbc.sql("truncate coverage_money_worker_load").update();
            setLocal("work_mem", rebuildWorkMem);
            int rows = jdbc.sql(insert).paramSource(params).update();
            return new Step("money alongside", rows, (System.nanoTime() - t) / 1_000_000);
        }));
        Alongside money = new Alongside(future, state, started);
        // a refresh that fails before it copies the money gives the task up too, or it could still start later, refill
        // the load table while another process's refresh uses it, and that refresh would copy these rows
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    money.state().compareAndSet(Alongside.QUEUED, Alongside.GIVEN_UP);
                }
            });
        }
        return money;
    }

    /**
     * The money summed on the second connection, and whether that connection has started: a refresh whose own
     * statements are done before the task got a connection waits {@link #START_GRACE_MILLIS} for it, then sums the
     * money itself. With every connection of the pool (10) held by readers waiting for this refresh's lock, the task
     * would otherwise wait for the pool's timeout (30 s) while they wait for it.
     */
    private record Alongside(Future<Step> future, AtomicInteger state, CountDownLatch started) {
        static final int QUEUED = 0;
        static final int RUNNING = 1;
        static final int GIVEN_UP = 2;
        static final long START_GRACE_MILLIS = 2_000;

        /** True when the task had not started within the grace: it never will, and the caller sums the money itself. */
        boolean giveUpIfNotStarted() {
            try {
                started.await(START_GRACE_MILLIS, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return state.compareAndSet(QUEUED, GIVEN_UP);
        }
    }

    /**
     * Waits for the money summed alongside and copies it into {@code target} (coverage_money_worker with its indexes
     * dropped, or a refresh's stage); sums it {@code here} instead when nothing was started alongside ({@code money}
     * null), or the second connection had not started by now (see {@link Alongside}) or failed.
     */
    private int copyMoney(Alongside money, Steps steps, String target, IntSupplier here) {
        if (money == null) {
            return here.getAsInt();
        }
        if (money.giveUpIfNotStarted()) {
            log.info("Coverage money summed in the refresh itself: no second connection was free while its spans were computed");
            return here.getAsInt();
        }
        Step summed;
        try {
            summed = money.future().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while the coverage money was summed", e);
        } catch (ExecutionException e) {
            log.warn("Coverage money could not be summed on a second connection, summing it here: {}", e.getCause().toString());
            return here.getAsInt();
        }
        steps.done.add(summed);
        int rows = jdbc.sql("insert into " + target + """
                 (village_code, worker_id, months, days, billed, paid, kinds)
                select village_code, worker_id, months, days, billed, paid, kinds from coverage_money_worker_load""").update();
        jdbc.sql("truncate coverage_money_worker_load").update();
        return rows;
    }

    @PreDestroy
    void stop() {
        alongside.shutdownNow();
    }

    /** Sets a setting for the rest of the transaction (the reader's, when its refresh rebuilds). */
    private void setLocal(String name, String value) {
        jdbc.sql("select set_config(:n, :v, true)").param("n", name).param("v", value).query().listOfRows();
    }

    /**
     * Drops the indexes and primary keys of the {@link #LOADED} tables (empty by then) and returns the statements that
     * build them again, read from the catalogue so they are exactly what the migrations made.
     */
    private List<String> dropIndexes() {
        List<Map<String, Object>> found = jdbc.sql("""
                select c.relname as tbl, i.indexrelid::regclass::text as idx, pg_get_indexdef(i.indexrelid) as def,
                       k.conname as con, pg_get_constraintdef(k.oid) as condef
                from pg_index i
                join pg_class c on c.oid = i.indrelid
                left join pg_constraint k on k.conindid = i.indexrelid and k.conrelid = c.oid
                where c.oid in (select to_regclass(t) from unnest(cast(:t as text[])) t)
                order by 1, 2""").param("t", LOADED).query().listOfRows();
        List<String> build = new ArrayList<>();
        for (Map<String, Object> ix : found) {
            if (ix.get("con") != null) {
                jdbc.sql("alter table " + ix.get("tbl") + " drop constraint " + ix.get("con")).update();
                build.add("alter table " + ix.get("tbl") + " add constraint " + ix.get("con") + " " + ix.get("condef"));
            } else {
                jdbc.sql("drop index " + ix.get("idx")).update();
                build.add((String) ix.get("def"));
            }
        }
        return build;
    }

    /**
     * Levels the districts and villages the refresh took over the threshold: their whole history goes to the per-day
     * changes now (the changes just staged left them out, as they were not levelled then).
     */
    private int promote() {
        List<String> promoted = jdbc.sql(RollupSql.PROMOTE).param("min", levelledWorkers).query(String.class).list();
        if (!promoted.isEmpty()) {
            jdbc.sql(RollupSql.PROMOTED_DELTAS).param("groups", promoted.toArray(String[]::new)).update();
        }
        return promoted.size();
    }

    private void desaSadar(boolean full, Steps steps) {
        steps.run("desa sadar", () -> jdbc.sql(RollupSql.DESA_SADAR).update());
        steps.run("desa sadar changes", () -> jdbc.sql(RollupSql.DESA_SADAR_DELTAS).update());
        // the workers' changes and the desa's, staged together, go to the days and the months at once (a rebuild
        // loads the empty tables, a refresh adds to them)
        steps.run("days", () -> jdbc.sql(full ? RollupSql.LOAD_DAYS : RollupSql.UPSERT_DAYS).update());
        steps.run("months", () -> jdbc.sql(full ? RollupSql.LOAD_MONTHS : RollupSql.UPSERT_MONTHS).update());
        if (!full) {
            jdbc.sql("delete from coverage_desa_sadar_span o using coverage_refresh_village d where o.village_code = d.village_code")
                    .update();
        }
        steps.run("desa sadar kept", () -> jdbc.sql("insert into coverage_desa_sadar_span select * from coverage_desa_sadar_stage").update());
    }

    /**
     * The lines a refresh sums again: those of the villages logged whole, then those of the named workers elsewhere, a
     * worker's lines read through the lines' month index, every billed month named, as billing keeps no worker index on
     * them (V168).
     */
    private static final String MONEY_LINES = """
            (select * from billing_line_money where village_code = any(cast(:v as text[]))
             union all
             select * from billing_line_money where month = any(cast(:bm as date[])) and worker_id = any(cast(:w as bigint[]))
               and not village_code = any(cast(:v as text[])))""";

    /**
     * A refresh's money: the lines of the named workers (every village) and of the villages logged whole (every worker)
     * summed per village and worker again (on a second connection when {@code alongside} is not null), and new minus old
     * added to the villages and the group levels. The step "money" counts the village-and-worker rows summed again.
     */
    private void money(MapSqlParameterSource p, Alongside alongside, Steps steps) {
        IntSupplier here = () -> jdbc.sql(moneyWorkers("coverage_money_worker_stage", MONEY_LINES)).paramSource(p).update();
        String old = "o.village_code = any(cast(:v as text[])) or o.worker_id = any(cast(:w as bigint[]))";
        steps.run("money", () -> copyMoney(alongside, steps, "coverage_money_worker_stage", here));
        steps.run("money changes", () -> jdbc.sql(String.format(RollupSql.MONEY_CHANGES, old)).paramSource(p).update());
        steps.run("money levels", () -> jdbc.sql(RollupSql.UPSERT_MONEY).update());
        steps.run("money kept", () -> {
            int rows = jdbc.sql(RollupSql.UPSERT_MONEY_VILLAGE).update();
            jdbc.sql(RollupSql.MONEY_ZEROS).update();
            jdbc.sql("delete from coverage_money_worker o where " + old).paramSource(p).update();
            jdbc.sql("insert into coverage_money_worker select * from coverage_money_worker_stage").update();
            return rows;
        });
    }

    /**
     * The work tables emptied by truncation, not deletion, after a rebuild or a large refresh (see clear): deleted, the
     * rows they staged would stay as dead rows that every later refresh's statements scan until a vacuum.
     */
    private void emptyWorkTables() {
        jdbc.sql("""
                truncate coverage_span_stage, coverage_delta_stage, coverage_desa_sadar_stage, coverage_money_stage,
                    coverage_money_worker_stage, coverage_refresh_village, coverage_refresh_worker""").update();
    }

    /**
     * Empties the work tables after a refresh. A small refresh deletes its few rows. A large one (a village logged
     * whole, thousands of workers) truncates, as a rebuild does: deleted, its rows would stay as dead pages until a
     * vacuum, the planner would count them as live (the work tables are never analysed), and every later refresh
     * would join the whole span table to a work table it believes holds thousands of workers: 300-780 ms per refresh
     * after one payment at 1,000,000 workers, 52 ms before (docs/benchmarks.md). Truncation is not used always: it
     * replaces seven files and their catalog rows, which a refresh after every payment should not pay.
     */
    private void clear(long largestStep) {
        if (largestStep >= truncateRows) {
            emptyWorkTables();
            return;
        }
        jdbc.sql("delete from coverage_span_stage").update();
        jdbc.sql("delete from coverage_delta_stage").update();
        jdbc.sql("delete from coverage_desa_sadar_stage").update();
        jdbc.sql("delete from coverage_money_stage").update();
        jdbc.sql("delete from coverage_money_worker_stage").update();
        jdbc.sql("delete from coverage_refresh_village").update();
        jdbc.sql("delete from coverage_refresh_worker").update();
    }

    /**
     * Lets registry and billing delete the change-log rows this refresh applied (those of transactions older than the
     * snapshot's xmin), so the logs hold only what the next refresh still has to read. Only after a refresh that
     * applied something: an idle read stays a read.
     */
    private void forgetApplied(String snapshot) {
        jdbc.sql("select registry_forget_village_changes(cast(:s as pg_snapshot)) + billing_forget_village_changes(cast(:s as pg_snapshot))")
                .param("s", snapshot).query(Long.class).single();
    }

    private void saveState(String snapshot, Reference rules, String cal) {
        jdbc.sql("""
                insert into coverage_rollup_state (id, snapshot, rules_hash, calendar_hash, region_version, built_at)
                values (1, :s, :r, :c, :g, :at)
                on conflict (id) do update set snapshot = excluded.snapshot, rules_hash = excluded.rules_hash,
                    calendar_hash = excluded.calendar_hash, region_version = excluded.region_version, built_at = excluded.built_at""")
                .param("s", snapshot).param("r", rules.rules()).param("c", cal).param("g", rules.regions())
                .param("at", Timestamp.from(clock.instant())).update();
    }

    // --- reads (after refresh, in code order of groups) -------------------------------------------------------------

    /** Whether every group of this length is kept as per-day changes (nation, province, regency). */
    static boolean levelled(int glen) {
        return glen <= 5;
    }

    /** The same rows as IndicatorSql.counts for the groups (the codes of length {@code glen} in lo..hi). */
    public List<IndicatorSql.Row> counts(String lo, String hi, int glen, List<String> groups, LocalDate date) {
        MapSqlParameterSource p = countParams(lo, hi, glen, groups, date);
        List<IndicatorSql.Row> rows = new ArrayList<>(jdbc.sql(levelled(glen) ? RollupSql.COUNTS_FROM_DELTAS : RollupSql.COUNTS_BELOW_REGENCY)
                .paramSource(p)
                .query((rs, n) -> new IndicatorSql.Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)))
                .list());
        if (!levelled(glen)) {
            // the per-day changes hold the desa of their groups; a district's or village's are a short range of codes
            rows.addAll(jdbc.sql(RollupSql.DESA).paramSource(p)
                    .query((rs, n) -> new IndicatorSql.Row(rs.getString(1), "DESA", null, rs.getLong(2), 0)).list());
        }
        return rows;
    }

    /**
     * The parameters of {@link #countsSql}: below a regency, which of the groups are levelled (read from their per-day
     * changes) and which are small (read from their spans).
     */
    public MapSqlParameterSource countParams(String lo, String hi, int glen, List<String> groups, LocalDate date) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("lo", lo).addValue("hi", hi).addValue("glen", glen)
                .addValue("groups", groups.toArray(String[]::new)).addValue("d", Date.valueOf(date))
                .addValue("m", Date.valueOf(date.withDayOfMonth(1)));
        if (!levelled(glen)) {
            List<String> levelledGroups = jdbc.sql("select grp from coverage_levelled_group where grp = any(cast(:groups as text[]))")
                    .paramSource(p).query(String.class).list();
            p.addValue("levelled", levelledGroups.toArray(String[]::new))
                    .addValue("small", groups.stream().filter(g -> !levelledGroups.contains(g)).toArray(String[]::new));
        }
        return p;
    }

    public Map<String, IndicatorSql.MoneyRow> money(String lo, String hi, int glen, List<String> groups, LocalDate from, LocalDate to) {
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("lo", lo).addValue("hi", hi).addValue("glen", glen)
                .addValue("groups", groups.toArray(String[]::new)).addValue("to", Date.valueOf(to))
                .addValue("mfrom", Date.valueOf(from.withDayOfMonth(1))).addValue("mto", Date.valueOf(to.withDayOfMonth(1)));
        return IndicatorSql.MoneyRow.collect(jdbc.sql(levelled(glen) ? RollupSql.MONEY_FROM_LEVELS : RollupSql.MONEY_FROM_VILLAGES)
                .paramSource(p));
    }

    public List<IndicatorSql.Person> desaSadarPeople(String lo, String hi, LocalDate date, IndicatorSql.Criterion criterion) {
        return jdbc.sql(RollupSql.DESA_SADAR_PEOPLE).param("lo", lo).param("hi", hi).param("d", Date.valueOf(date))
                .param("cats", criterion.categories().toArray(String[]::new))
                .query((rs, n) -> new IndicatorSql.Person(rs.getString(1), rs.getString(2), rs.getBoolean(3), rs.getString(4), rs.getString(5)))
                .list();
    }

    /** The read statements with their parameters, for the benchmark's EXPLAIN ANALYZE. */
    public static String countsSql(int glen) {
        return levelled(glen) ? RollupSql.COUNTS_FROM_DELTAS : RollupSql.COUNTS_BELOW_REGENCY;
    }

    public static String moneySql(int glen) {
        return levelled(glen) ? RollupSql.MONEY_FROM_LEVELS : RollupSql.MONEY_FROM_VILLAGES;
    }

    public static String desaSql() {
        return RollupSql.DESA;
    }
}
