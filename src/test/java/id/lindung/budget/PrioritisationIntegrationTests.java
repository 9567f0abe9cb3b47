package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PrioritisationIntegrationTests {

    static final String DESA = "72.04.02.2005";
    static final String EMPTY_DESA = "72.04.02.2010";
    static final Actor DPMD = TestUsers.actor("prio-dpmd", Role.DPMD, "72.04");

    @Autowired JdbcClient jdbc;
    @Autowired BudgetPlans plans;
    @Autowired Prioritisation prioritisation;
    @Autowired UserAccounts accounts;
    @Autowired id.lindung.billing.BillingRuns runs;
    @Autowired id.lindung.support.TestClock clock;
    @LocalServerPort int port;

    @org.junit.jupiter.api.AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aFixedBudgetCoversTheMostVulnerableFirstNeverMoreThanItHoldsAndEnrollingTwiceCreatesMembershipsOnce() {
        BudgetFixture fx = new BudgetFixture(jdbc);
        fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Bambapula", DESA);
        long poorestOld = fx.worker(DESA, "Nelayan Tua", "NELAYAN", LocalDate.of(1950, 3, 1), 1);
        long poorestYoung = fx.worker(DESA, "Nelayan Muda", "NELAYAN", LocalDate.of(1990, 3, 1), 1);
        long poorTrader = fx.worker(DESA, "Pedagang Miskin", "PEDAGANG_UMKM", LocalDate.of(1940, 3, 1), 1);
        long decile2 = fx.worker(DESA, "Petani Desil 2", "PETANI", LocalDate.of(1960, 3, 1), 2);
        long unknown = fx.worker(DESA, "Petani Tanpa Desil", "PETANI", LocalDate.of(1930, 3, 1), null);
        int year = TestClock.nextBusinessYear();
        Map<String, Object> plan = CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + DESA, year, null, List.of(), null), DPMD));
        long id = ((Number) plan.get("id")).longValue();

        // JKK 1% of Rp 1,000,000 + JKM Rp 6,800 = Rp 16,800 a month, twelve months: Rp 201,600 each
        Map<String, Object> r = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, new Prioritisation.Request(
                new BigDecimal("700000"), null, List.of("NELAYAN", "PETANI", "PEDAGANG_UMKM"), null, null, null), DPMD));
        assertThat(names(r, "chosen")).containsExactly(nik(fx, poorestOld), nik(fx, poorestYoung), nik(fx, poorTrader));
        assertThat(names(r, "left")).containsExactly(nik(fx, decile2), nik(fx, unknown));
        assertThat(r.get("cost").toString()).isEqualTo("604800");
        assertThat(r.toString()).contains("budget exhausted at rank 4");
        assertThat(new BigDecimal(r.get("cost").toString())).isLessThanOrEqualTo(new BigDecimal("700000"));
        Map<String, Object> again = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, new Prioritisation.Request(
                new BigDecimal("700000"), null, List.of("NELAYAN", "PETANI", "PEDAGANG_UMKM"), null, null, null), DPMD));
        assertThat(again).isEqualTo(r);

        long before = terms(poorestOld, poorestYoung, poorTrader);
        // two enrolments at once give what one after the other gives: three enrolled, then none (a 500 until 6 December 2026)
        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        List<java.util.concurrent.Future<Map<String, Object>>> both;
        try {
            java.util.concurrent.Callable<Map<String, Object>> enrol = () -> CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
            both = pool.invokeAll(List.of(enrol, enrol));
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        List<Object> enrolled = both.stream().map(f -> {
            try {
                return f.get().get("enrolled");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(enrolled).containsExactlyInAnyOrder(3, 0);
        assertThat(terms(poorestOld, poorestYoung, poorTrader)).isEqualTo(before + 6);
        Map<String, Object> second = CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
        assertThat(second.get("enrolled")).isEqualTo(0);
        assertThat(second.get("alreadyEnrolled")).isEqualTo(3L);
        assertThat(terms(poorestOld, poorestYoung, poorTrader)).isEqualTo(before + 6);
        assertThat(jdbc.sql("select valid_from from membership_term where worker_id = ? and program = 'JKK'").param(poorestOld)
                .query(LocalDate.class).single()).isEqualTo(LocalDate.of(year, 1, 1));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'budget_plan' and entity_id = ? and action = 'ENROL'")
                .param(Long.toString(id)).query(Long.class).single()).isEqualTo(3); // the two at once and the one after

        Http monitor = Http.withToken(port, TestUsers.token(accounts, "prio-monitor", Role.MONITOR, "72.04"));
        HttpResponse<String> masked = monitor.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":700000}");
        assertThat(masked.statusCode()).as(masked.body()).isEqualTo(200);
        assertThat(masked.body()).contains("\"nik\":\"720402******").doesNotContain(nik(fx, decile2));
        assertThat(monitor.postJson("/api/v1/budget-plans/" + id + "/enrol", "{}").statusCode()).isEqualTo(403);

        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "prio-dpmd-api", Role.DPMD, "72.04"));
        HttpResponse<String> zero = dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":0}");
        assertThat(zero.statusCode()).isEqualTo(422);
        assertThat(zero.body()).contains("BUDGET_NOT_POSITIVE");
        Http elsewhere = Http.withToken(port, TestUsers.token(accounts, "prio-dpmd-kukar", Role.DPMD, "64.02"));
        assertThat(elsewhere.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":700000}").statusCode()).isEqualTo(404);
        assertThat(elsewhere.postJson("/api/v1/budget-plans/" + id + "/enrol", "{}").statusCode()).isEqualTo(404);
    }

    /**
     * "Registered but unprotected" (issue 15) includes an informal worker who stopped paying: a self-paying BPU member
     * whose JKK and JKM lapsed is a candidate, and enrolment moves the payment of those programmes to the plan's payer
     * from its start month. A member a government pays (the plan's payer or another: its debt to settle), a PU member
     * (the employer's), a member still in grace and one whose membership begins later are not candidates (contract
     * review of 6 December 2026: only workers with no membership at all were).
     */
    @Test
    void aBpuMemberWhoStoppedPayingIsACandidateAndEnrolmentMovesTheirPaymentToThePlansPayer() {
        clock.fixAt(java.time.Instant.parse("2026-11-10T03:00:00Z"));
        String desa = "72.04.02.2012";
        // billed by a run of this desa alone: the other tests' workers of the regency are not billed by this one
        Actor village = TestUsers.actor("prio-lapsed-desa", Role.DPMD, desa);
        BudgetFixture fx = new BudgetFixture(jdbc);
        long payer = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Stadong", desa);
        LocalDate longAgo = LocalDate.of(2025, 1, 1);
        long lapsed = fx.worker(desa, "Petani Berhenti Bayar", "PETANI", LocalDate.of(1970, 4, 1), 1);
        long self = fx.payer("SELF:" + fx.nik(lapsed), "SELF", "Petani Berhenti Bayar", desa);
        long paidByPlan = fx.worker(desa, "Nelayan Dibayar Desa", "NELAYAN", LocalDate.of(1971, 4, 1), 1);
        long official = fx.worker(desa, "Perangkat Menunggak", "PERANGKAT_DESA", LocalDate.of(1972, 4, 1), 1);
        long newMember = fx.worker(desa, "Pedagang Baru", "PEDAGANG_UMKM", LocalDate.of(1973, 4, 1), 1);
        long newSelf = fx.payer("SELF:" + fx.nik(newMember), "SELF", "Pedagang Baru", desa);
        long none = fx.worker(desa, "Buruh Belum Terdaftar", "BURUH", LocalDate.of(1974, 4, 1), 1);
        long takenOver = fx.worker(desa, "Buruh Diambil Kabupaten", "BURUH", LocalDate.of(1978, 4, 1), 1);
        long regencyPays = fx.worker(desa, "Petani Dibayar Kabupaten", "PETANI", LocalDate.of(1976, 4, 1), 1);
        long regency = jdbc.sql("select id from payer where code = 'APBD:72.04'").query(Long.class).optional()
                .orElseGet(() -> fx.payer("APBD:72.04", "APBD", "Pemerintah Kabupaten Toli-Toli", "72.04"));
        long resigning = fx.worker(desa, "Petani Akan Berhenti", "PETANI", LocalDate.of(1977, 4, 1), 1);
        long resigningSelf = fx.payer("SELF:" + fx.nik(resigning), "SELF", "Petani Akan Berhenti", desa);
        long fromJanuary = fx.worker(desa, "Ojek Mulai Januari", "OJEK", LocalDate.of(1975, 4, 1), 1);
        long januarySelf = fx.payer("SELF:" + fx.nik(fromJanuary), "SELF", "Ojek Mulai Januari", desa);
        for (String program : List.of("JKK", "JKM")) {
            fx.term(lapsed, desa, program, "BPU", "2500000", null, null, self, longAgo, null, null);
            // lapsed too, but an end is scheduled after the start month: enrolling would clash with it
            fx.term(resigning, desa, program, "BPU", "1000000", null, null, resigningSelf, longAgo, LocalDate.of(2027, 3, 1), "RESIGNED");
            fx.term(paidByPlan, desa, program, "BPU", "1000000", null, null, payer, longAgo, null, null);
            fx.term(official, desa, program, "PU", "2000000", "VERY_LOW", payer, payer, longAgo, null, null);
            fx.term(newMember, desa, program, "BPU", "1000000", null, null, newSelf, LocalDate.of(2026, 11, 1), null, null);
            fx.term(regencyPays, desa, program, "BPU", "1000000", null, null, regency, longAgo, null, null);
            fx.term(fromJanuary, desa, program, "BPU", "1000000", null, null, januarySelf, LocalDate.of(2027, 1, 1), null, null);
        }
        for (YearMonth m = YearMonth.of(2026, 9); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(village, () -> runs.run(month, village, true));
        }
        int year = 2027;
        Map<String, Object> plan = CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + desa, year, null, List.of(), null), DPMD));
        long id = ((Number) plan.get("id")).longValue();

        // the self-payer's September and October are past their due dates unpaid; the newcomer's November is not due yet;
        // a membership that begins in January is no lapse
        Map<String, Object> r = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, new Prioritisation.Request(
                new BigDecimal("100000000"), null, null, null, null, null), DPMD));
        assertThat(names(r, "chosen")).containsExactlyInAnyOrder(nik(fx, lapsed), nik(fx, none), nik(fx, takenOver));
        assertThat(r.get("candidateCount")).isEqualTo(3);
        // costed on the declared income of their own term: JKK 1 % of Rp 2,500,000 + JKM Rp 6,800, twelve months
        assertThat(cost(r, nik(fx, lapsed))).isEqualByComparingTo("381600");
        assertThat(cost(r, nik(fx, none))).isEqualByComparingTo("201600");
        // a plan whose start month has begun takes over nobody: its months are the self-payer's bills already
        Map<String, Object> past = CurrentActor.runAs(DPMD, () -> plans.create(new PlanRequest("APBDES:" + desa, 2025, null, List.of(), null), DPMD));
        Map<String, Object> pastRun = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(((Number) past.get("id")).longValue(),
                new Prioritisation.Request(new BigDecimal("100000000"), null, null, null, null, null), DPMD));
        assertThat(names(pastRun, "chosen")).contains(nik(fx, none)).doesNotContain(nik(fx, lapsed), nik(fx, resigning));

        // one who died after the prioritisation is passed over, not a refusal of the whole plan
        jdbc.sql("update worker set status = 'DECEASED' where id = ?").param(none).update();
        // and so is one whom another payer took on since: enrolment would have moved them to this plan's payer
        LocalDate december = LocalDate.of(2026, 12, 1);
        for (String program : List.of("JKK", "JKM")) {
            fx.term(takenOver, desa, program, "BPU", "1000000", null, null, regency, december, null, null);
        }
        Map<String, Object> first = CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
        assertThat(first.get("enrolled")).isEqualTo(1);
        assertThat(first.get("noLongerEligible")).isEqualTo(2L);
        assertThat(jdbc.sql("select distinct worker_payer_id from membership_term where worker_id = ?").param(takenOver)
                .query(Long.class).list()).as("the other payer's terms untouched").containsExactly(regency);
        LocalDate start = LocalDate.of(year, 1, 1);
        for (String program : List.of("JKK", "JKM")) {
            assertThat(jdbc.sql("""
                    select worker_payer_id from membership_term where worker_id = ? and program = ?
                      and valid_from <= ? and (valid_to is null or valid_to > ?)""")
                    .params(lapsed, program, java.sql.Date.valueOf(start), java.sql.Date.valueOf(start)).query(Long.class).single())
                    .as(program + " paid by the plan's payer from its start").isEqualTo(payer);
            assertThat(jdbc.sql("""
                    select wage from membership_term where worker_id = ? and program = ? and valid_from = ?""")
                    .params(lapsed, program, java.sql.Date.valueOf(start)).query(BigDecimal.class).single())
                    .as(program + ": only who pays changes, not the declared income").isEqualByComparingTo("2500000");
            assertThat(jdbc.sql("""
                    select worker_payer_id from membership_term where worker_id = ? and program = ? and valid_from = ?""")
                    .params(lapsed, program, java.sql.Date.valueOf(longAgo)).query(Long.class).single())
                    .as(program + " kept as it was before").isEqualTo(self);
        }
        Map<String, Object> again = CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
        assertThat(again.get("enrolled")).isEqualTo(0);
        assertThat(again.get("alreadyEnrolled")).isEqualTo(1L);
        assertThat(again.get("noLongerEligible")).as("the enrolled worker, now the plan's payer's, is no loss").isEqualTo(2L);
    }

    @SuppressWarnings("unchecked")
    static BigDecimal cost(Map<String, Object> r, String nik) {
        return ((List<Map<String, Object>>) r.get("chosen")).stream().filter(m -> nik.equals(m.get("nik")))
                .map(m -> new BigDecimal(m.get("cost").toString())).findFirst().orElseThrow();
    }

    @Test
    void absurdWagesAndBudgetsAreRefusedWithTheirFieldBeforeAnyArithmeticForEveryRole() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "prio-absurd-dpmd", Role.DPMD, "72.04"));
        long id = planWithoutWorkers(dpmd);
        String path = "/api/v1/budget-plans/" + id + "/prioritise";
        for (String wage : List.of("1e20", "1e9999999", "1000000000.01")) {
            long started = System.nanoTime();
            HttpResponse<String> r = dpmd.postJson(path, "{\"budget\":1000,\"wage\":" + wage + "}");
            assertThat(r.statusCode()).as(wage + ": " + r.body()).isEqualTo(422);
            assertThat(r.body()).contains("\"field\":\"wage\"", "\"code\":\"INVALID_AMOUNT\"");
            assertThat(System.nanoTime() - started).as(wage).isLessThan(3_000_000_000L);
        }
        for (String budget : List.of("1e20", "1e9999999")) {
            HttpResponse<String> r = dpmd.postJson(path, "{\"budget\":" + budget + "}");
            assertThat(r.statusCode()).as(budget + ": " + r.body()).isEqualTo(400);
            assertThat(r.body()).contains("\"field\":\"budget\"", "\"code\":\"INVALID_AMOUNT\"");
        }
        HttpResponse<String> whatIf = dpmd.postJson("/api/v1/what-if", "{\"vulnerablePerDesa\":1,\"vulnerableIncome\":1e9999999}");
        assertThat(whatIf.statusCode()).as(whatIf.body()).isEqualTo(422);
        assertThat(whatIf.body()).contains("\"field\":\"vulnerableIncome\"", "\"code\":\"INVALID_AMOUNT\"");

        Http monitor = signedIn("prio-absurd-monitor", Role.MONITOR);
        // the page reads a wage as written on a receipt (no exponent): 10^20 in full
        String wage = "100.000.000.000.000.000.000";
        HttpResponse<String> page = monitor.get("/anggaran/" + id + "/prioritas?budget=1000&wage=" + wage + "&lang=en", "text/html");
        assertThat(page.statusCode()).as("a read-only role's run is a GET").isEqualTo(200);
        assertThat(page.body()).contains("at most Rp 1,000,000,000 for a wage");
        // an address with only the budget shows the order and programmes the run used, not "none" and no programme
        HttpResponse<String> linked = monitor.get("/anggaran/" + id + "/prioritas?budget=1000&lang=en", "text/html");
        assertThat(linked.statusCode()).isEqualTo(200);
        assertThat(linked.body()).contains("<option value=\"P3KE_DECILE\" selected=\"selected\"",
                "<option value=\"CATEGORY\" selected=\"selected\"", "<option value=\"OLDEST\" selected=\"selected\"")
                .containsPattern("value=\"JKK\"[^>]*checked").containsPattern("value=\"JKM\"[^>]*checked");
    }

    @Test
    void aRunWithoutCandidatesSaysSoInsteadOfEveryoneCoveredAndTheRatioComesWithWhatItDivides() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "prio-none-dpmd", Role.DPMD, "72.04"));
        long id = planWithoutWorkers(dpmd);
        HttpResponse<String> api = dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":1000}");
        assertThat(api.statusCode()).as(api.body()).isEqualTo(200);
        assertThat(api.body()).contains("\"candidateCount\":0", "\"coveredPeople\":", "\"potentialWorkforce\":");

        Http monitor = signedIn("prio-none-monitor", Role.MONITOR);
        String page = monitor.get("/anggaran/" + id + "/prioritas?budget=1000&lang=en", "text/html").body();
        assertThat(page).contains("There are no candidates").doesNotContain("Every candidate is covered");
    }

    @Test
    void aCategoryRankLongerThanAHundredIsRefusedAtOnceAndEachUnknownCategoryIsReportedOnce() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "prio-rank-dpmd", Role.DPMD, "72.04"));
        long id = planWithoutWorkers(dpmd);
        String huge = "[" + String.join(",", java.util.Collections.nCopies(200_000, "\"X\"")) + "]";
        for (HttpResponse<String> r : List.of(
                dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":1000,\"categoryRank\":" + huge + "}"),
                dpmd.putJson("/api/v1/budget-payers/APBDES:" + EMPTY_DESA + "/category-rank", "{\"categoryRank\":" + huge + "}"))) {
            assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
            assertThat(r.body()).contains("\"code\":\"CATEGORY_RANK_TOO_LONG\"").hasSizeLessThan(2_000);
        }
        String repeated = "[\"NELAYAN\"," + String.join(",", java.util.Collections.nCopies(99, "\"X\"")) + "]";
        HttpResponse<String> unknown = dpmd.putJson("/api/v1/budget-payers/APBDES:" + EMPTY_DESA + "/category-rank",
                "{\"categoryRank\":" + repeated + "}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.body().split("\"field\":\"categoryRank\\[", -1)).as("one problem for the one unknown text").hasSize(2);
        assertThat(unknown.body()).contains("categoryRank[1]");
    }

    @Test
    void prioritisationsAndRankingsSentAtOnceGiveWhatOneAfterTheOtherGives() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "prio-parallel-dpmd", Role.DPMD, "72.04"));
        long id = planWithoutWorkers(dpmd);
        String ranked = "APBDES:" + jdbc.sql("select code from region where code like '72.04.03.%' and length(code) = 13 order by code desc"
                + " offset 1 limit 1").query(String.class).single();
        new BudgetFixture(jdbc).payer(ranked, "APBDES", "Pemerintah Desa Paralel", ranked.substring(7));
        List<java.util.concurrent.Callable<HttpResponse<String>>> calls = new java.util.ArrayList<>();
        for (int i = 0; i < 6; i++) {
            calls.add(() -> dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise", "{\"budget\":100000000}"));
            calls.add(() -> dpmd.putJson("/api/v1/budget-payers/" + ranked + "/category-rank",
                    "{\"categoryRank\":[\"NELAYAN\",\"PETANI\"]}"));
        }
        var pool = java.util.concurrent.Executors.newFixedThreadPool(12);
        try {
            // both deleted, then both inserted: 500s on budget_priority's and budget_category_rank's keys (attacker review)
            for (var f : pool.invokeAll(calls)) {
                HttpResponse<String> r = f.get();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdown();
        }
        assertThat(jdbc.sql("select count(*) from budget_priority where plan_id = ?").param(id).query(Long.class).single()).isOne();
        assertThat(dpmd.get("/api/v1/budget-payers/" + ranked + "/category-rank").body()).contains("\"setByPayer\":[\"NELAYAN\",\"PETANI\"]");
    }

    @Test
    void thePageReadsTheBudgetAsWrittenOnAReceiptAndGivesBackABudgetItCannotRead() {
        Http api = Http.withToken(port, TestUsers.token(accounts, "prio-typed-api", Role.DPMD, "72.04"));
        long id = planWithoutWorkers(api);
        Http dpmd = signedIn("prio-typed-dpmd", Role.DPMD);
        String path = "/anggaran/" + id + "/prioritas";
        String csrf = Http.csrfOf(dpmd.get(path).body());
        for (var typed : Map.of("Rp 1.500.000", "1500000", "2.500.000,00", "2500000").entrySet()) {
            HttpResponse<String> run = dpmd.postForm(path, Map.of("_csrf", csrf, "budget", typed.getKey()));
            assertThat(run.statusCode()).as(run.body()).isEqualTo(200);
            assertThat(keptBudget(id)).as(typed.getKey()).isEqualByComparingTo(typed.getValue());
        }
        BigDecimal kept = keptBudget(id);

        HttpResponse<String> unreadable = dpmd.postForm(path, Map.of("_csrf", csrf, "budget", "1.50.000"));
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body()).contains("value=\"1.50.000\"").contains("Bukan angka.");
        HttpResponse<String> finerThanASen = dpmd.postForm(path, Map.of("_csrf", csrf, "budget", "1.500.000,505"));
        assertThat(finerThanASen.statusCode()).isEqualTo(200);
        assertThat(finerThanASen.body()).contains("Tulis rupiah dengan paling banyak dua angka desimal");
        assertThat(keptBudget(id)).as("a refused run keeps the last one").isEqualByComparingTo(kept);
    }

    private BigDecimal keptBudget(long plan) {
        return jdbc.sql("select budget from budget_priority where plan_id = ?").param(plan).query(BigDecimal.class).single();
    }

    /** A plan of a desa without workers, where nobody is a candidate. */
    long planWithoutWorkers(Http dpmd) {
        new BudgetFixture(jdbc).payer("APBDES:" + EMPTY_DESA, "APBDES", "Pemerintah Desa Balaroa", EMPTY_DESA);
        return NamedListIntegrationTests.plan(dpmd, EMPTY_DESA, TestClock.nextBusinessYear());
    }

    /** A browser session of a new user of 72.04, signed in: the pages' GET runs. */
    Http signedIn(String user, Role role) {
        TestUsers.token(accounts, user, role, "72.04");
        Http browser = Http.browser(port);
        assertThat(browser.login(user, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        return browser;
    }

    @SuppressWarnings("unchecked")
    static List<Object> names(Map<String, Object> r, String key) {
        return ((List<Map<String, Object>>) r.get(key)).stream().map(m -> m.get("nik")).toList();
    }

    static String nik(BudgetFixture fx, long worker) {
        return fx.nik(worker);
    }

    long terms(long... workers) {
        long n = 0;
        for (long w : workers) {
            n += jdbc.sql("select count(*) from membership_term where worker_id = ?").param(w).query(Long.class).single();
        }
        return n;
    }
}
