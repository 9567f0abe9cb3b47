package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.billing.BillSummary;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Bills;
import id.lindung.billing.Payments;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.shared.Rupiah;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The suite's history of the register: months of bills and payments with arrears, then claims. */
final class BenchHistory {

    private final ConfigurableApplicationContext ctx;
    private final BenchSuite.Parameters p;
    private final BenchReport report;
    private final Actor bench;

    BenchHistory(ConfigurableApplicationContext ctx, BenchSuite.Parameters p, BenchReport report, Actor bench) {
        this.ctx = ctx;
        this.p = p;
        this.report = report;
        this.bench = bench;
    }

    /**
     * {@code months} months of bills before the current one, oldest first, each followed by its payments, a few days
     * before the due date: government payers (APBDes, APBD) pay except about one in seven, who stopped three months ago,
     * and about one in eleven pays only part; one self-paying (BPU) worker in five pays. So the register has arrears.
     */
    void billsAndPayments() {
        if (p.months() == 0) {
            return;
        }
        BillingRuns runs = ctx.getBean(BillingRuns.class);
        Bills bills = ctx.getBean(Bills.class);
        Payments payments = ctx.getBean(Payments.class);
        LocalDate today = LocalDate.now(ctx.getBean(Clock.class));
        YearMonth current = YearMonth.from(today);
        List<String> provinces = ctx.getBean(Regions.class).within(RegionScope.NATIONAL, RegionLevel.PROVINCE).stream()
                .map(Region::code).toList();
        double l0 = BenchReport.load();
        long t0 = System.nanoTime();
        long paid = 0;
        for (int back = p.months(); back >= 1; back--) {
            YearMonth month = current.minusMonths(back);
            CurrentActor.runAs(bench, () -> runs.run(month, bench, true));
            for (String province : provinces) {
                // one province at a time: the month's bills of the whole country would not fit a small heap
                Actor scoped = new Actor("system:bench", Role.ADMIN, RegionScope.of(province), "local");
                List<Payments.PaymentRequest> batch = new ArrayList<>();
                for (BillSummary bill : bills.forMonth(month, scoped)) {
                    int h = Math.floorMod(bill.payer().hashCode(), 77);
                    boolean self = bill.payer().startsWith("SELF:");
                    boolean pays = self ? h % 5 == 0 : !(h % 7 == 0 && back <= 3);
                    LocalDate on = bill.dueDate().minusDays(3);
                    if (!pays || on.isAfter(today) || !bill.total().isGreaterThan(Rupiah.ZERO)) {
                        continue;
                    }
                    Rupiah amount = h % 11 == 0 ? bill.total().scaleToRupiah(6, 10, RoundingMode.DOWN) : bill.total();
                    batch.add(new Payments.PaymentRequest(bill.payer(), "BENCH-" + month + "-" + bill.id(), on,
                            amount.toBigDecimal(), "BENCH", true));
                }
                if (!batch.isEmpty()) {
                    CurrentActor.runAs(bench, () -> payments.recordAll(batch, bench));
                    paid += batch.size();
                }
            }
        }
        report.add(new BenchReport.Figure("0-register", p.months() + " months of bills and payments", paid, "payments", null,
                null, String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - t0) / 1e9), l0, BenchReport.load()));
    }

    /**
     * Claims, a few per thousand workers ({@code --claims-per-thousand}), through the claim module's service
     * ({@link BenchClaims}), after the history so that protection on the incident dates is known.
     */
    void claims() {
        int count = (int) Math.round(p.workers() * p.claimsPerThousand() / 1000);
        if (count == 0) {
            return;
        }
        double l0 = BenchReport.load();
        long t0 = System.nanoTime();
        BenchClaims.Result r = new BenchClaims(ctx.getBean(id.lindung.claim.Claims.class), ctx.getBean(JdbcClient.class),
                LocalDate.now(ctx.getBean(Clock.class))).create(count);
        double s = (System.nanoTime() - t0) / 1e9;
        report.run.put("claims", java.util.Map.of("asked", count, "byStatus", r.byStatus(), "refused", r.refused()));
        report.add(new BenchReport.Figure("0-register", "claims opened through the claim service", r.stored(), "claims", null, null,
                String.format(Locale.ROOT, "%.1f s; by status %s; %d refused by the module%s", s, r.byStatus(), r.refused(),
                        r.firstRefusal() == null ? "" : " (first: " + r.firstRefusal() + ")"), l0, BenchReport.load()));
    }
}
