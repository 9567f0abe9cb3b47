package id.lindung.coverage.internal;

import jakarta.annotation.PreDestroy;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
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

    private static final Logger log = LoggerFactory.getLogger(CoverageRollups.class);

    private final JdbcClient jdbc;
    private final ProtectionCalendar calendar;
    private final PlatformTransactionManager transactions;
    /** A refresh that staged this many rows in one step truncates its work tables (RollupTables.clear). */
    private final int truncateRows;
    /** Whether a refresh recomputes its work list or rebuilds (lindung.coverage.full-rebuild-*). */
    private final RefreshSize size;
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
    private final MoneyAlongside alongside;
    private final RollupTables tables;
    private final RollupRebuild wholeRebuild;

    CoverageRollups(JdbcClient jdbc, ProtectionCalendar calendar, PlatformTransactionManager transactions, Clock clock,
                    @Value("${lindung.coverage.levelled-workers:500}") int levelledWorkers,
                    @Value("${lindung.coverage.rebuild-work-mem:128MB}") String rebuildWorkMem,
                    @Value("${lindung.coverage.truncate-rows:1000}") int truncateRows,
                    @Value("${lindung.coverage.full-rebuild-share:0.7}") double fullRebuildShare,
                    @Value("${lindung.coverage.full-rebuild-min-workers:10000}") int fullRebuildMinWorkers,
                    @Value("${lindung.coverage.full-rebuild-workers:1000000}") int fullRebuildWorkers,
                    @Value("${lindung.coverage.read-wait-millis:1000}") long readWaitMillis,
                    @Value("${lindung.coverage.rebuild-money-alongside:true}") boolean moneyAlongside) {
        this.jdbc = jdbc;
        this.calendar = calendar;
        this.transactions = transactions;
        this.truncateRows = truncateRows;
        this.size = new RefreshSize(fullRebuildShare, fullRebuildMinWorkers, fullRebuildWorkers);
        this.readWaitMillis = readWaitMillis;
        // a rebuild, and a refresh of a village logged whole or of at least truncateRows named workers, sums the money
        // on a second connection (lindung.coverage.rebuild-money-alongside, named when only rebuilds did)
        this.alongside = new MoneyAlongside(jdbc, transactions, rebuildWorkMem, moneyAlongside);
        this.tables = new RollupTables(jdbc, clock, levelledWorkers, truncateRows);
        this.wholeRebuild = new RollupRebuild(jdbc, calendar, tables, alongside, levelledWorkers, rebuildWorkMem);
    }

    /**
     * What one refresh did, for the benchmark and the log: {@code villages} whose Desa Sadar days were judged again (a
     * rebuild: every village), {@code workers} whose spans were recomputed (a rebuild: the spans written); {@code why} a
     * rebuild happened, as a stable code (ASKED, NO_STATE, REFERENCE_CHANGED, EVERYTHING_LOGGED, or a
     * {@link RefreshSize.Decision}), null for a refresh.
     */
    public record Refresh(boolean full, int villages, int workers, long millis, List<Step> steps, String why) {}

    /** One statement of a refresh: the rows it wrote and its time. */
    public record Step(String name, long rows, long millis) {

        @Override
        public String toString() {
            return String.format("%s %,d rows in %,d ms", name, rows, millis);
        }
    }

    /** Times each statement of one refresh, so the log and the benchmark show where a rebuild's time goes. */
    static final class Steps {
        final List<Step> done = new ArrayList<>();

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
            tables.lock();
            boolean clean = tables.clean();
            String snapshot = jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
            return wholeRebuild.run(snapshot, tables.reference(), calendar.rollupCalendar().hash(), clean, "ASKED");
        });
    }

    private Refresh refreshLocked() {
        long locking = System.nanoTime();
        tables.lock();
        long locked = System.nanoTime();
        String snapshot = jdbc.sql("select pg_current_snapshot()::text").query(String.class).single();
        RollupTables.Reference rules = tables.reference();
        String cal = calendar.rollupCalendar().hash();
        Optional<Map<String, Object>> state = jdbc.sql("select snapshot, rules_hash, calendar_hash, region_version from coverage_rollup_state")
                .query().listOfRows().stream().findFirst();
        // a change of the rules, the calendar or the region list (a desa added, retired or re-kinded) rebuilds: they
        // are not in the change logs, and each can move every desa's count or Desa Sadar days
        if (state.isEmpty() || !rules.rules().equals(state.get().get("rules_hash")) || !cal.equals(state.get().get("calendar_hash"))
                || !Long.valueOf(rules.regions()).equals(state.get().get("region_version"))) {
            return wholeRebuild.run(snapshot, rules, cal, tables.clean(), state.isEmpty() ? "NO_STATE" : "REFERENCE_CHANGED");
        }
        long t0 = System.nanoTime();
        MapSqlParameterSource p = new MapSqlParameterSource().addValue("s0", state.get().get("snapshot")).addValue("s1", snapshot);
        String changed = RollupTables.changedIn("registry_changed_village", "billing_changed_village");
        boolean everything = jdbc.sql("select exists (select 1 " + changed + " and c.village_code is null)").paramSource(p)
                .query(Boolean.class).single();
        long asked = System.nanoTime();
        if (everything) {
            return wholeRebuild.run(snapshot, rules, cal, tables.clean(), "EVERYTHING_LOGGED");
        }
        // the villages of a large write are logged whole, those of a smaller one (up to 1,000,000 rows, V164) with their
        // workers: only the first recompute every worker of the village
        int[] counts = jdbc.sql("select count(distinct c.village_code), count(distinct c.village_code) filter (where c.worker_id is null), "
                        + "count(distinct c.worker_id) " + changed + " and c.village_code is not null")
                .paramSource(p).query((rs, n) -> new int[] {rs.getInt(1), rs.getInt(2), rs.getInt(3)}).single();
        int villages = counts[0];
        if (villages == 0) {
            // nothing to apply: the state is left as the last refresh that applied something saved it, so a read stays a
            // read (no transaction id, no WAL, no commit to flush; it could run on a replica). The next refresh still
            // applies every row visible to it and not to that snapshot, whatever committed in between.
            if (log.isDebugEnabled()) {
                log.debug("Coverage rollups had nothing to apply: lock waited {} µs, checked in {} µs (state {}, whole-log question {}, "
                                + "counts {})", (locked - locking) / 1000, (System.nanoTime() - locked) / 1000, (t0 - locked) / 1000,
                        (asked - t0) / 1000, (System.nanoTime() - asked) / 1000);
            }
            return new Refresh(false, 0, 0, (System.nanoTime() - t0) / 1_000_000, List.of(), null);
        }
        // asked here, before this refresh writes anything, not at its start: a read with nothing to apply (above) pays
        // no extra round trip
        boolean clean = tables.clean();
        // before the work list is filled: a national billing run logs every village with workers whole, and listing its
        // ten million workers first would only add minutes to the rebuild it comes to
        RefreshSize.Held held = tables.held();
        RefreshSize.Decision early = size.beforeListing(counts[2], counts[1], held);
        if (early.rebuilds()) {
            return wholeRebuild.run(snapshot, rules, cal, clean, early.name());
        }
        // a small write names its workers (V145, V146): only they are recomputed; a village logged without a worker
        // (a large write) has every worker with a span or a term there recomputed. Billing's writes (lines, allocations,
        // billed and paid months) reach a worker's spans only through the lapses of its BPU programmes (CountRollupSql.SPANS):
        // a worker who never had a BPU term keeps the same spans whatever billing writes, so billing's log has only its
        // workers with one recomputed (a village's officials, PU, are 37 % of the suite's register and most of what a
        // village budget's payment names). Their money is summed again below all the same.
        String registryLog = RollupTables.changedIn("registry_changed_village");
        String billingLog = RollupTables.changedIn("billing_changed_village");
        String wholeOf = "select distinct c.village_code %s and c.village_code is not null and c.worker_id is null";
        String[] registryWhole = jdbc.sql(wholeOf.formatted(registryLog)).paramSource(p).query(String.class).list().toArray(String[]::new);
        String[] billingWhole = jdbc.sql(wholeOf.formatted(billingLog)).paramSource(p).query(String.class).list().toArray(String[]::new);
        String[] whole = java.util.stream.Stream.concat(java.util.Arrays.stream(registryWhole), java.util.Arrays.stream(billingWhole))
                .distinct().toArray(String[]::new);
        jdbc.sql("insert into coverage_refresh_village select unnest(cast(:v as text[])) on conflict do nothing").param("v", whole).update();
        String namedIn = "insert into coverage_refresh_worker select distinct c.worker_id %s and c.village_code is not null "
                + "and c.worker_id is not null%s on conflict do nothing";
        jdbc.sql(namedIn.formatted(registryLog, "")).paramSource(p).update();
        jdbc.sql(namedIn.formatted(billingLog, " and " + WITH_BPU_TERM.formatted("c.worker_id"))).paramSource(p).update();
        String workersOfVillages = """
                insert into coverage_refresh_worker
                select w.worker_id from (
                    select s.worker_id from coverage_worker_span s where s.village_code = any(cast(:v as text[]))
                    union
                    select t.worker_id from registry_membership_term t where t.village_code = any(cast(:v as text[]))) w
                %s
                on conflict do nothing""";
        if (registryWhole.length > 0) {
            jdbc.sql(workersOfVillages.formatted("")).param("v", registryWhole).update();
        }
        if (billingWhole.length > 0) {
            jdbc.sql(workersOfVillages.formatted("where " + WITH_BPU_TERM.formatted("w.worker_id"))).param("v", billingWhole).update();
        }
        // counted before it is read into the heap: a national billing run logs every village whole
        long listed = jdbc.sql("select count(*) from coverage_refresh_worker").query(Long.class).single();
        RefreshSize.Decision listedSize = size.afterListing(listed, held);
        if (listedSize.rebuilds()) {
            return wholeRebuild.run(snapshot, rules, cal, clean, listedSize.name());
        }
        Long[] workers = jdbc.sql("select worker_id from coverage_refresh_worker").query(Long.class).list().toArray(Long[]::new);
        String byWorker = "%s.worker_id = any(cast(:w as bigint[]))";
        Steps steps = new Steps();
        // billing's billed months and lines are keyed by month first (V169, V168): the workers' rows are read one descent
        // per billed month and worker, the months given as a value the planner can count (billing_months() inline is an
        // array of unknown size: at 200,000 workers it chose 1.4 million descents, 1.27 s, over a scan, 0.65 s)
        Date[] billedMonths = tables.billedMonths();
        // money changes only with billing's lines and allocations: billing's log names the workers (and, for a large
        // write, the villages logged whole, listed above) whose money is summed again; old minus new goes to the
        // villages and groups
        // with the earliest month billing changed for each (V171; null: every month), whose money is summed from it on
        List<Object[]> named = jdbc.sql("select c.worker_id, case when bool_or(c.from_month is null) then null else min(c.from_month) end "
                        + RollupTables.changedColumnsIn("tx, village_code, worker_id, from_month", "billing_changed_village") + " and c.village_code is not null and c.worker_id is not null group by c.worker_id")
                .paramSource(p).query((rs, n) -> new Object[] {rs.getLong(1), rs.getDate(2)}).list();
        Long[] moneyWorkers = named.stream().map(r -> (Long) r[0]).toArray(Long[]::new);
        Date[] moneyFrom = named.stream().map(r -> (Date) r[1]).toArray(Date[]::new);
        String[] moneyVillages = billingWhole;
        MapSqlParameterSource moneyParams = new MapSqlParameterSource().addValue("v", moneyVillages).addValue("w", moneyWorkers)
                .addValue("wf", moneyFrom);
        String moneyLines = MoneyRollupSql.moneyLines(named, billedMonths, moneyParams);
        // a large refresh (a village logged whole, a file's thousands of payers) sums the money on a second connection
        // while the spans are computed here, as a rebuild does; a payment's refresh keeps to one connection
        MoneyAlongside.Task moneyAlongside = clean && (moneyVillages.length > 0 || moneyWorkers.length >= truncateRows)
                ? alongside.start(moneyWorkers("coverage_money_worker_load", moneyLines, MoneyRollupSql.MONEY_KEPT_MONTHS),
                        moneyParams)
                : null;
        steps.run("spans", () -> jdbc.sql(String.format(CountRollupSql.SPANS, byWorker.formatted("t"),
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
            judged.addAll(jdbc.sql(DesaSadarRollupSql.DESA_SADAR_CHANGED).param("whole", whole).query(String.class).list());
            return judged.size();
        });
        String[] desaSadarVillages = judged.toArray(String[]::new);
        steps.run("span changes", () -> jdbc.sql(CountRollupSql.SPAN_DELTAS).update());
        steps.run("spans kept", () -> {
            jdbc.sql("delete from coverage_worker_span o using coverage_refresh_worker d where o.worker_id = d.worker_id").update();
            return jdbc.sql("insert into coverage_worker_span select * from coverage_span_stage").update();
        });
        steps.run("promoted", tables::promote);
        jdbc.sql("delete from coverage_refresh_village where not village_code = any(cast(:v as text[]))")
                .param("v", desaSadarVillages).update();
        tables.desaSadar(false, steps);
        if (moneyVillages.length > 0 || moneyWorkers.length > 0) {
            money(moneyLines, moneyParams, moneyAlongside, steps);
        }
        tables.clear(steps.done.stream().mapToLong(Step::rows).max().orElse(0));
        tables.saveState(snapshot, rules, cal);
        tables.forgetApplied(snapshot);
        return new Refresh(false, desaSadarVillages.length, workers.length, (System.nanoTime() - t0) / 1_000_000, steps.done, null);
    }

    /** A worker ({@code %s}) with a BPU term, the only kind whose spans billing's writes can change (see refreshLocked). */
    private static final String WITH_BPU_TERM =
            "exists (select 1 from registry_membership_term b where b.worker_id = %s and b.segment = 'BPU')";

    /**
     * The statement summing the money per worker and village of {@code lines} (a view or a subquery) into {@code table},
     * with {@code kept} rows of money as they are (MoneyRollupSql.MONEY_KEPT_MONTHS, or nothing).
     */
    static String moneyWorkers(String table, String lines, String kept) {
        return String.format(MoneyRollupSql.MONEY_WORKERS, table, lines, kept);
    }

    @PreDestroy
    void stop() {
        alongside.stop();
    }

    /**
     * A refresh's money: the lines of the named workers (every village) and of the villages logged whole (every worker)
     * summed per village and worker again (on a second connection when {@code alongside} is not null), and new minus old
     * added to the villages and the group levels. The step "money" counts the village-and-worker rows summed again.
     */
    private void money(String lines, MapSqlParameterSource p, MoneyAlongside.Task task, Steps steps) {
        IntSupplier here = () -> jdbc.sql(moneyWorkers("coverage_money_worker_stage", lines, MoneyRollupSql.MONEY_KEPT_MONTHS))
                .paramSource(p).update();
        String old = "o.village_code = any(cast(:v as text[])) or o.worker_id = any(cast(:w as bigint[]))";
        steps.run("money", () -> alongside.copy(task, steps.done::add, "coverage_money_worker_stage", here));
        steps.run("money changes", () -> jdbc.sql(String.format(MoneyRollupSql.MONEY_CHANGES, old)).paramSource(p).update());
        steps.run("money levels", () -> jdbc.sql(MoneyRollupSql.UPSERT_MONEY).update());
        steps.run("money kept", () -> {
            int rows = jdbc.sql(MoneyRollupSql.UPSERT_MONEY_VILLAGE).update();
            jdbc.sql(MoneyRollupSql.MONEY_ZEROS).update();
            jdbc.sql("delete from coverage_money_worker o where " + old).paramSource(p).update();
            jdbc.sql("insert into coverage_money_worker select * from coverage_money_worker_stage").update();
            return rows;
        });
    }

}
