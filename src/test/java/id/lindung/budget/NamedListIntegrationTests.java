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
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class NamedListIntegrationTests {

    static final String DESA = "72.04.02.2007";
    static final String HEADER = "nik,name,sex,birth_date,category,segment,wage,programs,p3ke_decile";
    static final JsonMapper JSON = JsonMapper.builder().build();
    private static final AtomicInteger SERIAL = new AtomicInteger(7000 + (int) (System.nanoTime() % 1000));

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired NamedLists namedLists;
    @LocalServerPort int port;

    /** A NIK of a man of district 72.04.02 born on {@code birth} that no other test uses. */
    static String nik(LocalDate birth) {
        return "720402" + String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100)
                + String.format("%04d", SERIAL.getAndIncrement());
    }

    static String row(String nik, LocalDate birth, String category, String segment, String wage, String programs, String decile) {
        return nik + ",Orang " + nik.substring(12) + ",L," + birth + "," + category + "," + segment + "," + wage + "," + programs + ","
                + decile;
    }

    Http dpmd() {
        return Http.withToken(port, TestUsers.token(accounts, "list-dpmd", Role.DPMD, "72.04"));
    }

    static long plan(Http http, String desa, int year) {
        HttpResponse<String> created = http.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + desa + "\",\"year\":" + year + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body()).get("id").asLong();
    }

    static HttpResponse<String> upload(Http http, long plan, String csv) {
        return http.upload("/api/v1/budget-plans/" + plan + "/named-list", "file", "daftar.csv", csv.getBytes(StandardCharsets.UTF_8), "-");
    }

    @Test
    void aNamedListIsCostedAtEachPersonsOwnWageSegmentAndProgrammesAndRegistersNobody() {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Tompe", DESA);
        Http dpmd = dpmd();
        int year = TestClock.nextBusinessYear();
        long id = plan(dpmd, DESA, year);
        LocalDate b1 = LocalDate.of(1970, 4, 5);
        LocalDate b2 = LocalDate.of(1988, 9, 10);
        String fisher = nik(b1);
        String official = nik(b2);
        long workers = jdbc.sql("select count(*) from worker").query(Long.class).single();

        HttpResponse<String> r = upload(dpmd, id, HEADER + "\n"
                + row(fisher, b1, "NELAYAN", "BPU", "1000000", "JKK;JKM", "1") + "\n"
                + row(official, b2, "PERANGKAT_DESA", "PU", "3000000", "JKK;JKM;JHT;JP", "") + "\n");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        JsonNode plan = JSON.readTree(r.body());
        // BPU at Rp 1,000,000: JKK 1% + JKM Rp 6,800 = Rp 16,800 a month; PU at Rp 3,000,000 (below the JP cap), risk very
        // low: JKK 0.24% + JKM 0.30% + JHT 5.7% + JP 3% = Rp 277,200 a month; twelve months each, both shares by the village
        assertThat(new BigDecimal(plan.get("total").asString())).isEqualByComparingTo(BigDecimal.valueOf(12L * (16_800 + 277_200)));
        assertThat(plan.get("listPeople").asLong()).isEqualTo(2);
        assertThat(plan.get("people").asLong()).isEqualTo(2);
        assertThat(plan.get("namedList").get("fileName").asString()).isEqualTo("daftar.csv");
        assertThat(r.body()).contains("\"code\":\"NAMED_LIST\"");
        assertThat(jdbc.sql("select count(*) from worker").query(Long.class).single()).as("nobody registered").isEqualTo(workers);
        assertThat(jdbc.sql("select count(*) from worker where nik in (?, ?)").params(fisher, official).query(Long.class).single()).isZero();
        assertThat(dpmd.get("/api/v1/budget-plans/" + id).body()).contains("\"listPeople\":2");

        Http monitor = Http.withToken(port, TestUsers.token(accounts, "list-monitor", Role.MONITOR, "72.04"));
        HttpResponse<String> shown = monitor.get("/api/v1/budget-plans/" + id + "/named-list");
        assertThat(shown.statusCode()).isEqualTo(200);
        assertThat(shown.body()).contains("\"line\":2", "\"category\":\"NELAYAN\"", fisher.substring(0, 6) + "********")
                .doesNotContain(fisher, official);
        assertThat(dpmd.get("/api/v1/budget-plans/" + id + "/named-list").body()).contains(fisher, official);
        assertThat(monitor.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "x.csv", HEADER.getBytes(StandardCharsets.UTF_8), "-")
                .statusCode()).isEqualTo(403);

        Http elsewhere = Http.withToken(port, TestUsers.token(accounts, "list-kukar", Role.DPMD, "64.02"));
        assertThat(elsewhere.get("/api/v1/budget-plans/" + id + "/named-list").statusCode()).isEqualTo(404);
        assertThat(upload(elsewhere, id, HEADER + "\n" + row(nik(b1), b1, "NELAYAN", "BPU", "1000000", "JKK;JKM", "")).statusCode())
                .isEqualTo(404);

        Actor actor = TestUsers.actor("list-dpmd", Role.DPMD, "72.04");
        java.util.Map<String, Object> removed = CurrentActor.runAs(actor, () -> namedLists.remove(id, actor));
        assertThat(removed.get("total").toString()).isEqualTo("0");
        assertThat(removed.get("namedList")).isNull();
        assertThat(jdbc.sql("select count(*) from budget_list_person where plan_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aFileWithABadRowIsRefusedWholeNamingLineFieldAndCodeAndStoresNothing() {
        String desa = "72.04.03.2001"; // outside 72.04.02, whose FINAL plans PlanOverviewsIntegrationTests counts
        new BudgetFixture(jdbc).payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Kabonga", desa);
        Http dpmd = dpmd();
        long id = plan(dpmd, desa, TestClock.nextBusinessYear());
        LocalDate b = LocalDate.of(1980, 1, 2);
        String good = nik(b);
        String jpForBpu = nik(b);

        HttpResponse<String> r = upload(dpmd, id, HEADER + "\n"
                + row(good, b, "NELAYAN", "BPU", "1000000", "JKK;JKM", "") + "\n"
                + row(jpForBpu, b, "NELAYAN", "BPU", "1000000", "JKK;JKM;JP", "") + "\n"
                + row(good, b, "NELAYAN", "BPU", "1000000", "JKK;JKM", "") + "\n");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(r.body()).contains("{\"line\":3,\"field\":\"programs\",\"code\":\"PROGRAM_NOT_FOR_SEGMENT\"")
                .contains("{\"line\":4,\"field\":\"nik\",\"code\":\"DUPLICATE_IN_FILE\"");
        assertThat(jdbc.sql("select count(*) from budget_list where plan_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from budget_list_person where plan_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(dpmd.get("/api/v1/budget-plans/" + id).body()).contains("\"total\":0");

        dpmd.post("/api/v1/budget-plans/" + id + "/final", "application/json", new byte[0]);
        HttpResponse<String> finalPlan = upload(dpmd, id, HEADER + "\n" + row(good, b, "NELAYAN", "BPU", "1000000", "JKK;JKM", ""));
        assertThat(finalPlan.statusCode()).as(finalPlan.body()).isEqualTo(409);
        assertThat(finalPlan.body()).contains("PLAN_FINAL");
    }

    /**
     * A file named as a workbook that is none is refused as unreadable, as the worker import refuses it, and nothing is
     * stored: until 7 December 2026 the list was read as CSV whatever its name, so a renamed CSV was accepted (small4).
     */
    @Test
    void aFileNamedAsAWorkbookThatIsNoneIsUnreadableAndStoresNothing() {
        String desa = "72.04.03.2002";
        new BudgetFixture(jdbc).payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Sadar Baca", desa);
        Http dpmd = dpmd();
        long id = plan(dpmd, desa, TestClock.nextBusinessYear());
        LocalDate b = LocalDate.of(1981, 3, 4);
        byte[] csv = (HEADER + "\n" + row(nik(b), b, "NELAYAN", "BPU", "1000000", "JKK;JKM", "") + "\n").getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> r = dpmd.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "daftar.xlsx", csv, "-");

        assertThat(r.statusCode()).as(r.body()).isEqualTo(422);
        assertThat(r.body()).contains("FILE_UNREADABLE");
        assertThat(jdbc.sql("select count(*) from budget_list where plan_id = ?").param(id).query(Long.class).single()).isZero();
    }
}
