package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerFileGenerator;
import id.lindung.importing.WorkerImports;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.support.SchemaShape;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The single-node shape of distribution by province (docs/scaling.md): membership_term, bill_line and paid_month
 * partitioned by range of their village code, one partition per province. The same flows (staged import, billing runs,
 * payments and their allocation, protection status, bill lists) run on a database of the plain schema and on one of the
 * partitioned schema, and give the same results; on the partitioned one, scoped queries read only their province's
 * partition. Each shape has a fresh database of its own, so nothing else written in a shared test database can differ.
 */
class PartitionedSchemaIntegrationTests {

    private static final List<String> DISTRICTS = List.of("62.03.01", "64.02.03");
    private static final YearMonth FIRST = YearMonth.of(2026, 7);
    private static final YearMonth LAST = YearMonth.of(2026, 9);
    private static final Actor ADMIN = TestUsers.actor("shape-admin", Role.ADMIN, "ID");
    private static final Actor DPMD = TestUsers.actor("shape-dpmd", Role.DPMD, "64.02");

    @Test
    void thePartitionedSchemaGivesTheSameResultsAsThePlainOneAndPrunesScopedQueriesToTheirProvince() throws Exception {
        List<String> plain;
        try (ConfigurableApplicationContext app = SchemaShape.PLAIN.start("equivalence")) {
            assertThat(relkind(app, "bill_line")).isEqualTo("r");
            plain = flows(app);
        }
        List<String> partitioned;
        List<String> plans;
        try (ConfigurableApplicationContext app = SchemaShape.PARTITIONED.start("equivalence")) {
            assertThat(relkind(app, "bill_line")).isEqualTo("p");
            assertThat(relkind(app, "membership_term")).isEqualTo("p");
            assertThat(relkind(app, "paid_month")).isEqualTo("p");
            partitioned = flows(app);
            plans = plans(app);
        }
        assertThat(plain).hasSizeGreaterThan(100);
        // the flows did something worth comparing: workers imported, payments allocated, protection both ways
        assertThat(plain).anyMatch(l -> l.startsWith("pay ")).anyMatch(l -> l.contains("PROTECTED"))
                .anyMatch(l -> l.contains("LAPSED") || l.contains("IN_GRACE"));
        plain.stream().filter(l -> !l.startsWith("protection ")).limit(12).forEach(l -> System.out.println("SAME " + l));
        assertThat(partitioned).containsExactlyElementsOf(plain);

        // a range on the village code prunes to the province's partition, with literals and with a generic plan's parameters
        for (String plan : plans) {
            System.out.println("PLAN\n" + plan);
        }
        assertThat(plans.get(0)).contains("bill_line_p64").doesNotContain("bill_line_p62", "bill_line_other");
        assertThat(plans.get(1)).contains("membership_term_p62").doesNotContain("membership_term_p64", "membership_term_other");
        assertThat(plans.get(2)).contains("paid_month_p64").doesNotContain("paid_month_p62");
        assertThat(plans.get(3)).contains("Subplans Removed").contains("bill_line_p64").doesNotContain("bill_line_p62");
        // what stays national: a lookup by worker alone (protection) visits every province's partition
        assertThat(plans.get(4)).contains("paid_month_p62", "paid_month_p64");
    }

    private static String relkind(ConfigurableApplicationContext app, String table) {
        return app.getBean(JdbcClient.class).sql("select relkind::text from pg_class where oid = ?::regclass").param(table)
                .query(String.class).single();
    }

    /** Runs every flow and returns what each answered, without surrogate keys (the only thing allowed to differ). */
    private static List<String> flows(ConfigurableApplicationContext app) {
        Services services = Services.of(app);
        JdbcClient jdbc = services.jdbc();
        BillingRuns runs = services.runs();
        Payments payments = services.payments();
        Bills bills = services.bills();
        Protection protection = services.protection();
        List<String> out = new ArrayList<>();

        // import: two districts of two provinces, through the staged import, with a few rejected rows
        for (int i = 0; i < DISTRICTS.size(); i++) {
            ImportBatch done = services.importVillages(DISTRICTS.get(i), 6, 16 + i, 0.05, ADMIN);
            out.add("import " + done.status() + " rows=" + done.totalRows() + " valid=" + done.validRows() + " rejected="
                    + done.rejectedRows() + " workers=" + done.workersCreated() + " terms=" + done.termsOpened() + "/" + done.termsClosed());
        }

        // billing: three months, nationally, then one regency's office re-runs the last one (idempotent)
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            YearMonth month = m;
            BillingRuns.Result r = CurrentActor.runAs(ADMIN, () -> runs.run(month, ADMIN, true));
            out.add("run " + r);
        }
        out.add("rerun " + CurrentActor.runAs(DPMD, () -> runs.run(LAST, DPMD, true)));

        // payments: every other payer pays its first month in full, every third one half of its second month
        List<BillSummary> first = bills.forMonth(FIRST, ADMIN);
        List<BillSummary> second = bills.forMonth(FIRST.plusMonths(1), ADMIN);
        out.add("bills " + first.size() + " " + second.size());
        for (int i = 0; i < first.size(); i += 2) {
            BillSummary b = first.get(i);
            out.add("pay " + strip(payments.record(new Payments.PaymentRequest(b.payer(), "SHAPE-1-" + i, LocalDate.of(2026, 8, 20),
                    b.total().toBigDecimal(), "BANK"), ADMIN)));
        }
        for (int i = 0; i < second.size(); i += 3) {
            BillSummary b = second.get(i);
            BigDecimal half = b.total().toBigDecimal().divide(BigDecimal.valueOf(2)).setScale(0, java.math.RoundingMode.DOWN);
            if (half.signum() > 0) {
                out.add("pay " + strip(payments.record(new Payments.PaymentRequest(b.payer(), "SHAPE-2-" + i, LocalDate.of(2026, 9, 25),
                        half, "BANK"), ADMIN)));
            }
        }

        // bill lists: nationally and for one regency's office, as of a date with fines
        for (Actor actor : List.of(ADMIN, DPMD)) {
            for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
                for (BillSummary b : bills.find(null, m, actor, LocalDate.of(2026, 11, 20))) {
                    out.add("bill " + actor.role() + " " + b.payer() + " " + b.month() + " total=" + b.total() + " paid=" + b.paid()
                            + " outstanding=" + b.outstanding() + " fine=" + b.fine() + " due=" + b.dueDate() + " lines=" + b.lineCount());
                }
            }
        }

        // protection status of every worker on three dates
        List<String> niks = jdbc.sql("select nik from worker order by nik").query(String.class).list();
        for (String nik : niks) {
            for (LocalDate date : List.of(LocalDate.of(2026, 7, 31), LocalDate.of(2026, 9, 16), LocalDate.of(2026, 11, 1))) {
                out.add("protection " + protection.of(nik, date, RegionScope.NATIONAL));
            }
        }

        // what the tables hold, summed
        out.add("db " + jdbc.sql("""
                select (select count(*) from worker) || ' ' || (select count(*) from membership_term) || ' '
                    || (select count(*) || ':' || sum(amount) from bill_line) || ' ' || (select count(*) from paid_month) || ' '
                    || (select count(*) || ':' || sum(amount) from payment_allocation) || ' '
                    || (select count(*) || ':' || sum(total) || ':' || sum(paid) || ':' || sum(owed) from bill_balance)""")
                .query(String.class).single());
        return out;
    }

    /** The services the flows call, from one application context (also used by {@link PartitionedSchemaBenchmark}). */
    record Services(JdbcClient jdbc, WorkerImports imports, Regions regions, BillingRuns runs, Payments payments, Bills bills,
                    Protection protection) {

        static Services of(ConfigurableApplicationContext app) {
            return new Services(app.getBean(JdbcClient.class), app.getBean(WorkerImports.class), app.getBean(Regions.class),
                    app.getBean(BillingRuns.class), app.getBean(Payments.class), app.getBean(Bills.class), app.getBean(Protection.class));
        }

        /** A generated worker file for every village in {@code scope}, uploaded and confirmed through the staged import. */
        ImportBatch importVillages(String scope, int perVillage, long seed, double badShare, Actor actor) {
            StringWriter csv = new StringWriter();
            WorkerFileGenerator.write(regions.within(RegionScope.of(scope), RegionLevel.VILLAGE), perVillage, seed, badShare, csv);
            byte[] file = csv.toString().getBytes(StandardCharsets.UTF_8);
            ImportBatch batch = CurrentActor.runAs(actor, () -> imports.upload("shape.csv", new ByteArrayInputStream(file),
                    WorkerImports.Options.none()));
            return CurrentActor.runAs(actor, () -> imports.confirm(batch.id()));
        }
    }

    private static String strip(Payments.PaymentResult r) {
        return r.payer() + " " + r.reference() + " " + r.date() + " " + r.amount() + " " + r.duplicate() + " " + r.message();
    }

    /** Plans of scoped queries on the partitioned schema. */
    private static List<String> plans(ConfigurableApplicationContext app) throws Exception {
        List<String> plans = new ArrayList<>();
        try (Connection c = app.getBean(DataSource.class).getConnection(); Statement s = c.createStatement()) {
            plans.add(explain(s, "explain (costs off) select count(*), sum(amount) from bill_line "
                    + "where month = date '2026-07-01' and village_code >= '64.02' and village_code < '64.02/'"));
            plans.add(explain(s, "explain (costs off) select * from membership_term "
                    + "where village_code >= '62.03.01' and village_code < '62.03.01/' and valid_to is null"));
            plans.add(explain(s, "explain (costs off) select count(*) from paid_month "
                    + "where village_code >= '64' and village_code < '64/' and month = date '2026-07-01'"));
            // as the application sends it: a prepared statement whose generic plan prunes when it starts
            s.execute("set plan_cache_mode = force_generic_plan");
            s.execute("prepare scoped(date, text, text) as select count(*) from bill_line "
                    + "where month = $1 and village_code >= $2 and village_code < $3");
            plans.add(explain(s, "explain (analyze, costs off, timing off, summary off) execute scoped(date '2026-07-01', '64.02', '64.02/')"));
            plans.add(explain(s, "explain (costs off) select program, month, paid_on from paid_month where worker_id = 1"));
            s.execute("deallocate scoped");
            s.execute("reset plan_cache_mode");
        }
        return plans;
    }

    private static String explain(Statement s, String sql) throws Exception {
        StringBuilder plan = new StringBuilder(sql).append('\n');
        try (ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                plan.append(rs.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }
}
