package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bill list (/tagihan) at national scale for every level of role, against the database's own floor: the
 * execution time PostgreSQL reports (EXPLAIN ANALYZE) for the same two statements with the same parameters. Prints
 * the median of the whole HTTP request (page rendered, gzip), the floor and the machine's load; asserts nothing about
 * time (machines differ).
 * Run: {@code ./mvnw test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=BillListBenchmark}
 * ({@code -Dlindung.bench.terms=N}, default 1,000,000 membership terms).
 */
@Tag("benchmark")
@IntegrationTest
class BillListBenchmark {

    private static final int RUNS = Integer.getInteger("lindung.bench.runs", 21);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired BillOverview overview;
    @Autowired UserAccounts accounts;

    @Test
    void billListAgainstTheDatabaseFloor() throws Exception {
        int terms = Integer.getInteger("lindung.bench.terms", 1_000_000);
        Actor admin = TestUsers.actor("bench", Role.ADMIN, "ID");
        YearMonth month = YearMonth.of(2025, 6);
        if (jdbc.sql("select count(*) from bill where month = date '2025-06-01'").query(Long.class).single() > 0) {
            // a database kept from an earlier run (-Dlindung.bench.data-dir): the 10-minute setup is not repeated
            System.out.println("BENCH reusing the bills of an earlier run");
        } else {
            setUp(terms, admin, month);
        }
        report(month);
    }

    /**
     * With {@code -Dlindung.bench.data-dir=DIR} the database lives in DIR and is kept between runs, so a change can be
     * measured against the same 1,000,000-term data without building it again (the build's own setting wipes it).
     */
    @DynamicPropertySource
    static void keptDatabase(DynamicPropertyRegistry registry) {
        String dir = System.getProperty("lindung.bench.data-dir");
        if (dir != null && !dir.isBlank()) {
            registry.add("lindung.data-dir", () -> dir);
            registry.add("lindung.db-clean", () -> "false");
            // the kept database was migrated before this branch's own (lower-numbered) migrations existed
            registry.add("spring.flyway.out-of-order", () -> "true");
        }
    }

    private void setUp(int terms, Actor admin, YearMonth month) {
        BillingRunBenchmark.createMemberships(jdbc, terms);
        long r0 = System.nanoTime();
        CurrentActor.runAs(admin, () -> runs.run(month.minusMonths(1), admin, true));
        CurrentActor.runAs(admin, () -> runs.run(month, admin, true));
        System.out.printf("BENCH two billing runs in %.1f s%n", (System.nanoTime() - r0) / 1e9);
        // about two villages in three paid May in full, so the list has both statuses and an arrears list
        long p0 = System.nanoTime();
        jdbc.sql("""
                insert into payment (payer_id, payer_region_code, reference, paid_on, amount, channel, recorded_by)
                select b.payer_id, b.payer_region_code, 'BENCH-' || b.id, date '2025-06-10', sum(l.amount), 'BENCH', 'bench'
                from bill b join bill_line l on l.payer_id = b.payer_id and l.month = b.month
                where b.month = date '2025-05-01' and b.payer_id % 3 <> 0
                group by b.id, b.payer_id, b.payer_region_code""").update();
        java.util.Map<Long, java.time.LocalDate> payers = new java.util.HashMap<>();
        jdbc.sql("select payer_id, min(paid_on) from payment where recorded_by = 'bench' group by payer_id")
                .query((rs, n) -> payers.put(rs.getLong(1), rs.getDate(2).toLocalDate())).list();
        // allocation through the application, so bill_balance is kept as in production
        org.springframework.transaction.support.TransactionTemplate tx = new org.springframework.transaction.support.TransactionTemplate(
                new org.springframework.jdbc.datasource.DataSourceTransactionManager(dataSource));
        tx.executeWithoutResult(s -> allocation.settleNewPayments(payers));
        jdbc.sql("analyze").update();
        System.out.printf("BENCH %,d payments allocated in %.1f s%n", payers.size(), (System.nanoTime() - p0) / 1e9);
    }

    private void report(YearMonth month) throws Exception {
        jdbc.sql("analyze").update();

        long bills = jdbc.sql("select count(*) from bill where month = date '2025-06-01'").query(Long.class).single();
        long lines = jdbc.sql("select count(*) from bill_line where month = date '2025-06-01'").query(Long.class).single();
        String regency = jdbc.sql("select left(min(payer_region_code), 5) from bill where month = date '2025-06-01'")
                .query(String.class).single();
        String village = jdbc.sql("select min(payer_region_code) from bill where month = date '2025-06-01'").query(String.class).single();
        System.out.printf("BENCH %s: %,d bills, %,d lines; load %s%n", month, bills, lines, load());

        // the first request of a day a due date separates from payer_arrears' day rebuilds it (a fresh migration: always)
        long a0 = System.nanoTime();
        escalations.forScope(id.lindung.access.RegionScope.of("ID"), java.time.LocalDate.now(clock), 0, 50);
        System.out.printf("BENCH first national arrears list of the day (rebuilds payer_arrears when a due date passed) %.1f ms; load %s%n",
                (System.nanoTime() - a0) / 1e6, load());
        Map<String, Object[]> cases = new LinkedHashMap<>();
        cases.put("national (ADMIN, ID)", new Object[] {Role.ADMIN, "ID", ""});
        cases.put("national, page 500", new Object[] {Role.ADMIN, "ID", "&page=500"});
        cases.put("national, unpaid, APBDes", new Object[] {Role.MONITOR, "ID", "&status=UNPAID&kind=APBDES"});
        cases.put("province (" + regency.substring(0, 2) + ")", new Object[] {Role.DPMD, regency.substring(0, 2), ""});
        cases.put("regency (" + regency + ")", new Object[] {Role.DPMD, regency, ""});
        cases.put("regency, one district", new Object[] {Role.DPMD, regency, "&region=" + village.substring(0, 8)});
        cases.put("village (" + village + ")", new Object[] {Role.VILLAGE_OPERATOR, village, ""});
        HttpClient client = HttpClient.newHttpClient();
        int n = 0;
        Map<String, HttpRequest> requests = new LinkedHashMap<>();
        for (var c : cases.entrySet()) {
            String token = TestUsers.token(accounts, "bench-list-" + (n++), (Role) c.getValue()[0], (String) c.getValue()[1]);
            requests.put(c.getKey(), HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/tagihan?month=" + month
                    + c.getValue()[2])).header("Authorization", "Bearer " + token).header("Accept-Encoding", "gzip").build());
        }
        // a running server has compiled the page's code long ago: without rounds over every case first, the first
        // case measured (the national first page) carried the JIT warm-up of the whole request (rendering, gzip, JDBC)
        int rounds = Integer.getInteger("lindung.bench.warmup-rounds", 5);
        long w0 = System.nanoTime();
        double[] cold = new double[1];
        for (int round = 0; round < rounds; round++) {
            for (HttpRequest request : requests.values()) {
                long t = System.nanoTime();
                client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (round == 0 && cold[0] == 0) {
                    cold[0] = (System.nanoTime() - t) / 1e6;
                }
            }
        }
        System.out.printf("BENCH warm-up: %d rounds over every case in %.1f s (the very first request %.1f ms); load %s%n",
                rounds, (System.nanoTime() - w0) / 1e9, cold[0], load());
        for (var c : cases.entrySet()) {
            Role role = (Role) c.getValue()[0];
            String scope = (String) c.getValue()[1];
            String query = (String) c.getValue()[2];
            HttpRequest request = requests.get(c.getKey());
            double[] http = new double[RUNS];
            int size = 0;
            for (int i = 0; i < RUNS + 2; i++) {
                long t = System.nanoTime();
                HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
                if (r.statusCode() != 200) {
                    throw new IllegalStateException(c.getKey() + ": " + r.statusCode());
                }
                size = r.body().length;
                if (i >= 2) {
                    http[i - 2] = (System.nanoTime() - t) / 1e6;
                }
            }
            double floor = floorMs(role, scope, query, month);
            parts(c.getKey(), role, scope, query, month);
            System.out.printf("BENCH /tagihan %-32s median %6.1f ms (min %6.1f, p95 %6.1f), database floor %6.1f ms, %,d bytes gzip; load %s%n",
                    c.getKey(), median(http), Arrays.stream(http).min().orElse(0), p95(http), floor, size, load());
        }
    }

    @Autowired javax.sql.DataSource dataSource;
    @Autowired Allocation allocation;

    /** What PostgreSQL itself needs for the list's statements (count and sums, where the page starts, the page), median of the runs. */
    private double floorMs(Role role, String scope, String query, YearMonth month) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            if (kv.contains("=")) {
                q.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        Actor actor = TestUsers.actor("bench-floor", role, scope);
        var filter = new BillOverview.Filter(month, q.get("region"), q.get("kind"),
                q.containsKey("status") ? BillOverview.Status.valueOf(q.get("status")) : null);
        MapSqlParameterSource params = overview.params(filter, actor);
        String counted = BillOverview.countedWhere(filter, params);
        long total = jdbc.sql(BillOverview.totalsSql(counted)).paramSource(params).query((rs, i) -> rs.getLong(1)).single();
        int page = q.containsKey("page") ? Integer.parseInt(q.get("page")) : 0;
        params.addValue("limit", 50).addValue("offset", Math.min((long) page, Math.max(0, (total - 1) / 50)) * 50);
        overview.seek(counted, params);
        String where = BillOverview.where(filter, params);
        double[] runs = new double[9];
        for (int i = 0; i < runs.length; i++) {
            runs[i] = executionMs(BillOverview.totalsSql(counted), params) + executionMs(BillOverview.regionsSql(counted), params)
                    + executionMs(BillOverview.pageSql(where), params);
        }
        return median(runs);
    }

    /** Each part of the page timed alone in the application (median of the runs), and the arrears statement's plan. */
    private void parts(String name, Role role, String scope, String query, YearMonth month) throws Exception {
        Map<String, String> q = new LinkedHashMap<>();
        for (String kv : query.split("&")) {
            if (kv.contains("=")) {
                q.put(kv.substring(0, kv.indexOf('=')), kv.substring(kv.indexOf('=') + 1));
            }
        }
        Actor actor = TestUsers.actor("bench-parts", role, scope);
        var filter = new BillOverview.Filter(month, q.get("region"), q.get("kind"),
                q.containsKey("status") ? BillOverview.Status.valueOf(q.get("status")) : null);
        int page = q.containsKey("page") ? Integer.parseInt(q.get("page")) : 0;
        var area = BillOverview.area(filter.region(), actor.scope());
        java.time.LocalDate today = java.time.LocalDate.now(clock);
        Map<String, Runnable> parts = new LinkedHashMap<>();
        parts.put("list", () -> overview.find(filter, actor, page, 50));
        parts.put("arrears", () -> escalations.forScope(actor.scope(), today, 0, 50));
        var direct = Escalations.params(actor.scope(), today, 50).addValue("offset", 0L);
        parts.put("arrears direct (before V130)", () -> jdbc.sql(Escalations.SQL).paramSource(direct).query().listOfRows());
        MapSqlParameterSource old = overview.params(filter, actor);
        String oldWhere = OLD_WHERE + (old.getValue("kind") == null ? "" : " and p.kind = :kind")
                + (filter.status() == null ? "" : filter.status() == BillOverview.Status.UNPAID ? " and x.total > x.paid" : " and x.total <= x.paid");
        parts.put("list statements before V129", () -> {
            long total = jdbc.sql(OLD_TOTALS + oldWhere).paramSource(old).query((rs, i) -> rs.getLong(1)).single();
            old.addValue("limit", 50).addValue("offset", Math.min((long) page, Math.max(0, (total - 1) / 50)) * 50);
            jdbc.sql(OLD_PAGE.formatted(oldWhere)).paramSource(old).query().listOfRows();
        });
        parts.put("areas", () -> overview.areasBelow(area));
        parts.put("name", () -> overview.nameOf(area));
        StringBuilder line = new StringBuilder();
        for (var p : parts.entrySet()) {
            double[] t = new double[5];
            for (int i = 0; i < t.length; i++) {
                long t0 = System.nanoTime();
                p.getValue().run();
                t[i] = (System.nanoTime() - t0) / 1e6;
            }
            line.append(String.format(" %s %.1f ms,", p.getKey(), median(t)));
        }
        System.out.printf("BENCH   parts of %-28s%s load %s%n", name, line, load());
        var params = Escalations.params(actor.scope(), today, 50).addValue("offset", 0L);
        MapSqlParameterSource listParams = overview.params(filter, actor);
        String counted = BillOverview.countedWhere(filter, listParams);
        long total = jdbc.sql(BillOverview.totalsSql(counted)).paramSource(listParams).query((rs, i) -> rs.getLong(1)).single();
        listParams.addValue("limit", 50).addValue("offset", Math.min((long) page, Math.max(0, (total - 1) / 50)) * 50);
        overview.seek(counted, listParams);
        Map<String, Object[]> plans = new LinkedHashMap<>();
        plans.put("arrears, kept (V130, V140)", new Object[] {Escalations.kept((Integer) params.getValue("group")), params});
        plans.put("arrears, direct", new Object[] {Escalations.SQL, params});
        plans.put("list totals (V129)", new Object[] {BillOverview.totalsSql(counted), listParams});
        plans.put("list regions of the page (V129)", new Object[] {BillOverview.regionsSql(counted), listParams});
        plans.put("list page", new Object[] {BillOverview.pageSql(BillOverview.where(filter, listParams)), listParams});
        for (var e : plans.entrySet()) {
            String plan = String.join("\n", jdbc.sql("explain (analyze, buffers) " + e.getValue()[0])
                    .paramSource((MapSqlParameterSource) e.getValue()[1]).query(String.class).list());
            Files.writeString(Path.of("target/bill-list-plans.txt"), "== " + e.getKey() + ", " + name + "\n" + plan + "\n\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        }
    }

    @Autowired Escalations escalations;

    /** The list's statements before bill_month_total (V129): the A/B of the same run. */
    private static final String OLD_WHERE = " where b.month = :month and b.payer_region_code >= :lo and b.payer_region_code < :hi";
    private static final String OLD_TOTALS = """
            select count(*), coalesce(sum(x.total), 0), coalesce(sum(x.paid), 0)
            from bill b join registry_payer p on p.id = b.payer_id
            cross join lateral (select coalesce(sum(total), 0) as total, coalesce(sum(paid), 0) as paid from bill_balance
                                where payer_id = b.payer_id and month = b.month) x""";
    private static final String OLD_PAGE = """
            select b.id, b.payer_id, b.month, b.due_date, b.payer_region_code, p.code, p.name, p.kind, x.total, x.paid
            from bill b join registry_payer p on p.id = b.payer_id
            cross join lateral (select coalesce(sum(total), 0) as total, coalesce(sum(paid), 0) as paid from bill_balance
                                where payer_id = b.payer_id and month = b.month) x
            %s
            order by b.payer_region_code, b.payer_id
            limit :limit offset :offset""";
    @Autowired java.time.Clock clock;

    private double executionMs(String sql, MapSqlParameterSource params) {
        String plan = jdbc.sql("explain (analyze, format json) " + sql).paramSource(params).query(String.class).single();
        JsonNode root = JsonMapper.builder().build().readTree(plan);
        return root.get(0).get("Execution Time").asDouble() + root.get(0).get("Planning Time").asDouble();
    }

    private static double p95(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[(int) Math.ceil(sorted.length * 0.95) - 1];
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().split(" ")[0];
        } catch (java.io.IOException e) {
            return "?";
        }
    }
}
