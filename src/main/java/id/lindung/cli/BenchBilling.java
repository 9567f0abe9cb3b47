package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.billing.BillingFloor;
import id.lindung.billing.BillingRuns;
import java.time.Clock;
import java.time.YearMonth;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Section (2) of the suite: the current month's billing run against its floor and its fair floor. */
final class BenchBilling {

    /** Issue 16: a month's run at most 1.25 times its floor and under 30 s per million memberships. */
    static final double BILLING_RATIO_TARGET = 1.25;
    static final double BILLING_SECONDS_PER_MILLION_TARGET = 30;

    private final ConfigurableApplicationContext ctx;
    private final BenchReport report;
    private final Actor bench;

    BenchBilling(ConfigurableApplicationContext ctx, BenchReport report, Actor bench) {
        this.ctx = ctx;
        this.report = report;
        this.bench = bench;
    }

    void billing() {
        YearMonth month = YearMonth.now(ctx.getBean(Clock.class));
        double l0 = BenchReport.load();
        BillingFloor.Floor floor = ctx.getBean(BillingFloor.class).measure(month);
        report.add(new BenchReport.Figure("2-billing", "floor: INSERT ... SELECT of the month's lines", floor.lines() / floor.seconds(),
                "lines/s", null, null, String.format(Locale.ROOT, "%,d lines in %.2f s into a table like bill_line "
                + "(into a temporary table, no write-ahead log: %.2f s)", floor.lines(), floor.seconds(), floor.temporarySeconds()),
                l0, BenchReport.load()));
        // beside the floor, the fair floor: the rows a first run writes, each kind by one plain statement into the
        // real tables (indexes, foreign keys, change-log triggers), rolled back; it shows what the run pays beyond them
        double lf = BenchReport.load();
        BillingFloor.FairFloor fair = ctx.getBean(BillingFloor.class).fairFloor(month);
        report.add(new BenchReport.Figure("2-billing", "fair floor (billing): INSERT ... SELECTs of the run's rows into the real tables",
                fair.lines() / fair.seconds(), "lines/s", null, null, String.format(Locale.ROOT, "%,d lines in %.2f s, %,d bills with "
                + "first versions in %.2f s, %,d balances with month totals in %.2f s: %.2f s, rolled back", fair.lines(),
                fair.linesSeconds(), fair.bills(), fair.billsSeconds(), fair.balances(), fair.balancesSeconds(), fair.seconds()),
                lf, BenchReport.load()));
        double l1 = BenchReport.load();
        long t0 = System.nanoTime();
        BillingRuns.Result r = CurrentActor.runAs(bench, () -> ctx.getBean(BillingRuns.class).run(month, bench, true));
        double s = (System.nanoTime() - t0) / 1e9;
        long memberships = ctx.getBean(JdbcClient.class).sql("""
                select count(*) from registry_membership_term where valid_from < :next and (valid_to is null or valid_to > :start)""")
                .param("next", java.sql.Date.valueOf(month.plusMonths(1).atDay(1))).param("start", java.sql.Date.valueOf(month.atDay(1)))
                .query(Long.class).single();
        report.add(new BenchReport.Figure("2-billing", "billing run of " + month + " over all active memberships", r.lines() / s,
                "lines/s", floor.lines() / floor.seconds(), s / floor.seconds(), String.format(Locale.ROOT,
                "%,d bills, %,d lines in %.2f s; %,d active memberships: %.1f s per million", r.bills(), r.lines(), s, memberships,
                s * 1e6 / Math.max(1, memberships)), l1, BenchReport.load()));
        double l2 = BenchReport.load();
        report.add(new BenchReport.Figure("2-billing", "billing run: times the floor", s / floor.seconds(), "x", null, null,
                String.format(Locale.ROOT, "%.2f s against %.2f s", s, floor.seconds()), l1, l2, BILLING_RATIO_TARGET));
        report.add(new BenchReport.Figure("2-billing", "billing run: times the fair floor", s / fair.seconds(), "x", null, null,
                String.format(Locale.ROOT, "%.2f s against %.2f s (no target: the issue's is against the floor above)", s,
                        fair.seconds()), l1, l2));
        report.add(new BenchReport.Figure("2-billing", "billing run: seconds per million active memberships",
                s * 1e6 / Math.max(1, memberships), "s", null, null, null, l1, l2, BILLING_SECONDS_PER_MILLION_TARGET));
    }
}
