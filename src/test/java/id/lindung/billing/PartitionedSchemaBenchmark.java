package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.support.SchemaShape;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The same flows timed on the plain schema and on the schema partitioned by province (docs/decisions/0009). Prints
 * seconds per flow for each shape and the machine's load average before and after each; asserts nothing about time.
 * Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=PartitionedSchemaBenchmark}
 * ({@code -Dlindung.bench.terms=N} active memberships, default 100,000; {@code -Dlindung.bench.rounds=R} alternating
 * rounds, default 1).
 */
@Tag("benchmark")
class PartitionedSchemaBenchmark {

    private static final Actor ADMIN = TestUsers.actor("bench-admin", Role.ADMIN, "ID");
    private static final Actor DPMD = TestUsers.actor("bench-dpmd", Role.DPMD, "64.02");
    private static final YearMonth JULY = YearMonth.of(2026, 7);
    private static final YearMonth AUGUST = YearMonth.of(2026, 8);

    @Test
    void sameFlowsOnBothShapes() {
        int terms = Integer.getInteger("lindung.bench.terms", 100_000);
        int rounds = Integer.getInteger("lindung.bench.rounds", 1);
        List<Map<String, Double>> results = new ArrayList<>();
        List<SchemaShape> order = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            List<SchemaShape> shapes = round % 2 == 0 ? List.of(SchemaShape.PLAIN, SchemaShape.PARTITIONED)
                    : List.of(SchemaShape.PARTITIONED, SchemaShape.PLAIN);
            for (SchemaShape shape : shapes) {
                try (ConfigurableApplicationContext app = shape.start("bench")) {
                    results.add(measure(app, shape, terms));
                    order.add(shape);
                }
            }
        }
        System.out.println("BENCH partitioned vs plain, " + terms + " memberships, seconds (lower is better):");
        System.out.printf("BENCH %-44s", "flow");
        for (SchemaShape s : order) {
            System.out.printf(" %12s", s.name().toLowerCase(java.util.Locale.ROOT));
        }
        System.out.println();
        for (String flow : results.get(0).keySet()) {
            System.out.printf("BENCH %-44s", flow);
            for (Map<String, Double> r : results) {
                System.out.printf(" %12.3f", r.getOrDefault(flow, Double.NaN));
            }
            System.out.println();
        }
    }

    private static Map<String, Double> measure(ConfigurableApplicationContext app, SchemaShape shape, int terms) {
        PartitionedSchemaIntegrationTests.Services services = PartitionedSchemaIntegrationTests.Services.of(app);
        JdbcClient jdbc = services.jdbc();
        BillingRuns runs = services.runs();
        Bills bills = services.bills();
        Payments payments = services.payments();
        Protection protection = services.protection();
        Map<String, Double> r = new LinkedHashMap<>();
        System.out.println("BENCH " + shape + " load before: " + load());

        BillingRunBenchmark.createMemberships(jdbc, terms);

        // staged import of one province's file (about 20,000 rows) on top of the national register
        r.put("import 64 (staged, generate + upload + confirm)", time(() -> services.importVillages("64", 8, 7, 0.0, ADMIN)));
        jdbc.sql("analyze").update();

        r.put("billing run national 2026-07", time(() -> CurrentActor.runAs(ADMIN, () -> runs.run(JULY, ADMIN, true))));
        // as autovacuum would after July's bills and versions: without it the next run's version step plans over
        // statistics of empty tables (a nested loop over every bill version per bill, minutes at this size)
        jdbc.sql("analyze").update();
        // August for one regency only: a second national run spends minutes in BillVersions' insert at this size (on both
        // shapes alike, bill_version is not partitioned), which would drown every other figure
        r.put("billing run regency 64.02 2026-08", time(() -> CurrentActor.runAs(DPMD, () -> runs.run(AUGUST, DPMD, true))));
        r.put("billing re-run regency 64.02 2026-08", time(() -> CurrentActor.runAs(DPMD, () -> runs.run(AUGUST, DPMD, true))));
        jdbc.sql("analyze").update();

        // payments of 200 village payers of province 64, each rebuilding its payer's allocation
        List<Map<String, Object>> owed = jdbc.sql("""
                select p.code, b.total from bill_balance b join payer p on p.id = b.payer_id
                where b.month = ? and p.kind = 'APBDES' and p.region_code >= '64' and p.region_code < '64/' and b.total > 0
                order by p.code limit 200""").param(Date.valueOf(JULY.atDay(1))).query().listOfRows();
        r.put("200 payments (province 64), per payment", time(() -> {
            int i = 0;
            for (Map<String, Object> row : owed) {
                payments.record(new Payments.PaymentRequest((String) row.get("code"), "BENCH-" + i++, LocalDate.of(2026, 8, 20),
                        (BigDecimal) row.get("total"), "BANK"), ADMIN);
            }
            return null;
        }) / Math.max(1, owed.size()));

        r.put("bill list regency 64.02, first page x20, per page", time(() -> {
            for (int i = 0; i < 20; i++) {
                bills.find(null, JULY, DPMD, LocalDate.of(2026, 11, 20), 0, 50);
            }
            return null;
        }) / 20);
        r.put("bill list national, first page x5, per page", time(() -> {
            for (int i = 0; i < 5; i++) {
                bills.find(null, JULY, ADMIN, LocalDate.of(2026, 11, 20), 0, 50);
            }
            return null;
        }) / 5);

        List<String> niks = jdbc.sql("select nik from worker order by nik").query(String.class).list();
        Random random = new Random(42);
        List<String> sample = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            sample.add(niks.get(random.nextInt(niks.size())));
        }
        r.put("1000 protection lookups, per lookup", time(() -> {
            for (String nik : sample) {
                protection.of(nik, LocalDate.of(2026, 9, 16), RegionScope.NATIONAL);
            }
            return null;
        }) / sample.size());

        r.put("regency lines of a month (SQL) x50, per query", time(() -> {
            for (int i = 0; i < 50; i++) {
                jdbc.sql("select count(*), sum(amount) from bill_line where month = ? and village_code >= ? and village_code < ?")
                        .params(Date.valueOf(JULY.atDay(1)), "64.02", "64.02/").query().singleRow();
            }
            return null;
        }) / 50);
        r.put("national lines of a month (SQL)", time(() -> jdbc.sql(
                "select count(*), sum(amount) from bill_line where month = ? and village_code >= '' and village_code < '~'")
                .param(Date.valueOf(JULY.atDay(1))).query().singleRow()));
        r.put("village worker list + terms (SQL) x50, per query", time(() -> {
            for (int i = 0; i < 50; i++) {
                jdbc.sql("""
                        select w.id, w.full_name, t.program, t.wage from worker w join membership_term t on t.worker_id = w.id
                        where w.village_code >= ? and w.village_code < ? and t.village_code >= ? and t.village_code < ?
                          and t.valid_to is null order by w.full_name, w.id limit 50""")
                        .params("64.02.03.2001", "64.02.03.2001/", "64.02.03.2001", "64.02.03.2001/").query().listOfRows();
            }
            return null;
        }) / 50);

        r.put("size of bill_line + membership_term + paid_month, MB", jdbc.sql("""
                select sum(pg_total_relation_size(c.oid)) / 1048576.0 from pg_class c
                where c.relname ~ '^(bill_line|membership_term|paid_month)(_p[0-9]+|_other)?$' and c.relkind in ('r', 'p')""")
                .query(Double.class).single());
        System.out.println("BENCH " + shape + " load after: " + load() + "  " + r);
        return r;
    }

    private static double time(Supplier<Object> work) {
        long t0 = System.nanoTime();
        work.get();
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (Exception e) {
            return "unknown";
        }
    }
}
