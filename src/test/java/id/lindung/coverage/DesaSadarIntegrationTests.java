package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Payments;
import id.lindung.billing.Protection;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Desa Sadar at its edge, through GET /api/v1/coverage/desa-sadar and GET /api/v1/coverage (each answer also equal to
 * the service's): a desa whose every official is
 * protected loses the status the day after a self-paying official's month falls due unpaid, shows as a near miss
 * naming that official (NIK masked for a monitor), and is Desa Sadar again once the month is paid inside its window.
 * Also the API's shape, its refusals and its scope. Desa Karang Anyar, 18.06.03.2001.
 */
@IntegrationTest
class DesaSadarIntegrationTests {

    static final String DESA = "18.06.03.2001";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired CoverageIndicators indicators;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired Protection protection;
    @Autowired UserAccounts accounts;

    final Actor dpmd = TestUsers.actor("desa-sadar-dpmd", Role.DPMD, "18.06.03");

    /** The desa as GET /api/v1/coverage/desa-sadar answers the district's DPMD: status and who is missing. */
    private DesaSadarVillages.Village village(LocalDate date) {
        JsonNode villages = get("/api/v1/coverage/desa-sadar?region=" + DESA + "&date=" + date).path("villages");
        assertThat(villages.size()).as("one desa").isOne();
        JsonNode v = villages.get(0);
        assertThat(v.path("code").asString()).isEqualTo(DESA);
        List<DesaSadarVillages.Missing> missing = new ArrayList<>();
        v.path("missing").forEach(m -> missing.add(new DesaSadarVillages.Missing(m.path("nik").asString(), m.path("name").asString(),
                m.path("category").asString())));
        DesaSadarVillages.Village service = CurrentActor.runAs(dpmd, () -> indicators.desaSadar(DESA, date, null)).villages().get(0);
        assertThat(v.path("status").asString()).as("the API and the service on " + date).isEqualTo(service.status().name());
        assertThat(missing).as("the API's missing on " + date).isEqualTo(service.missing());
        return service;
    }

    /** The desa's Desa Sadar count in GET /api/v1/coverage (desaSadar.villages of desaSadar.desa). */
    private long sadarCount(LocalDate date) {
        JsonNode desaSadar = get("/api/v1/coverage?region=" + DESA + "&date=" + date).path("desaSadar");
        assertThat(desaSadar.path("desa").asLong()).isOne();
        return desaSadar.path("villages").asLong();
    }

    private JsonNode get(String path) {
        var response = Http.withToken(port, TestUsers.token(accounts, "desa-sadar-dpmd", Role.DPMD, "18.06.03")).get(path);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private void pay(String payer, YearMonth month, LocalDate on) {
        BigDecimal owed = jdbc.sql("""
                select sum(l.amount) from bill_line l join payer p on p.id = l.payer_id where p.code = ? and l.month = ?""")
                .params(payer, Date.valueOf(month.atDay(1))).query(BigDecimal.class).single();
        CurrentActor.runAs(dpmd, () -> payments.record(new Payments.PaymentRequest(payer, "SADAR-" + month, on, owed, "BANK"), dpmd));
    }

    @Test
    void aDesaLosesTheStatusWhenAnOfficialLapsesAndRegainsItWhenThePaymentComesInsideTheWindow() {
        CoverageFixture fx = new CoverageFixture(jdbc);
        long village = fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Karang Anyar", DESA);
        long kades = fx.worker(DESA, "Kades Karang Anyar", "KEPALA_DESA", false, null);
        long sekdes = fx.worker(DESA, "Sekdes Karang Anyar", "PERANGKAT_DESA", false, null);
        long kaur = fx.worker(DESA, "Kaur Karang Anyar", "PERANGKAT_DESA", false, null);
        String kaurNik = fx.nik(kaur);
        String self = "SELF:" + kaurNik;
        long selfPayer = fx.payer(self, "SELF", "Peserta mandiri", DESA);
        for (long official : new long[] {kades, sekdes}) {
            fx.term(official, DESA, "JKK", "PU", village, village, LocalDate.of(2026, 6, 1));
            fx.term(official, DESA, "JKM", "PU", village, village, LocalDate.of(2026, 6, 1));
        }
        fx.term(kaur, DESA, "JKK", "BPU", null, selfPayer, LocalDate.of(2026, 7, 1));
        fx.term(kaur, DESA, "JKM", "BPU", null, selfPayer, LocalDate.of(2026, 7, 1));
        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 9)); m = m.plusMonths(1)) {
            pay(self, m, m.atDay(10));
        }

        assertThat(village(LocalDate.of(2026, 10, 15)).status()).isEqualTo(DesaSadarVillages.Status.SADAR);
        assertThat(sadarCount(LocalDate.of(2026, 10, 15))).isEqualTo(1);
        // October falls due on the 15th unpaid: the official lapses the next day, and the desa misses by one
        var lapsed = village(LocalDate.of(2026, 10, 16));
        assertThat(lapsed.status()).isEqualTo(DesaSadarVillages.Status.NEAR);
        assertThat(lapsed.missing()).extracting(DesaSadarVillages.Missing::name).containsExactly("Kaur Karang Anyar");
        assertThat(lapsed.missing()).extracting(DesaSadarVillages.Missing::nik).containsExactly(kaurNik);
        assertThat(sadarCount(LocalDate.of(2026, 10, 16))).isZero();
        assertThat(protection.ofWorker(kaur, LocalDate.of(2026, 10, 16), RegionScope.NATIONAL).programs())
                .allSatisfy(p -> assertThat(p.status()).hasToString("LAPSED"));

        // paid on 5 November, inside October's back-payment window: billing counts October as paid in time
        pay(self, YearMonth.of(2026, 10), LocalDate.of(2026, 11, 5));
        assertThat(village(LocalDate.of(2026, 10, 16)).status()).isEqualTo(DesaSadarVillages.Status.SADAR);
        assertThat(village(LocalDate.of(2026, 11, 15)).status()).isEqualTo(DesaSadarVillages.Status.SADAR);
        assertThat(sadarCount(LocalDate.of(2026, 10, 16))).isEqualTo(1);
        // November unpaid past its due date (15 November 2026 is a Sunday: due the next working day): a near miss again
        LocalDate novemberDue = jdbc.sql("select due_date from bill where payer_id = ? and month = date '2026-11-01'")
                .param(selfPayer).query(Date.class).single().toLocalDate();
        assertThat(village(novemberDue).status()).isEqualTo(DesaSadarVillages.Status.SADAR);
        assertThat(village(novemberDue.plusDays(1)).status()).isEqualTo(DesaSadarVillages.Status.NEAR);

        // a monitor sees the official's NIK masked; the filter keeps only near misses
        Http monitor = Http.withToken(port, TestUsers.token(accounts, "desa-sadar-monitor", Role.MONITOR, "18.06"));
        var response = monitor.get("/api/v1/coverage/desa-sadar?region=18.06.03&date=" + novemberDue.plusDays(1) + "&status=NEAR");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.body()).contains("\"code\":\"" + DESA + "\"", "\"status\":\"NEAR\"", "Kaur Karang Anyar",
                "\"nik\":\"" + kaurNik.substring(0, 6) + "********" + kaurNik.substring(14) + "\"", "\"category\":\"PERANGKAT_DESA\"")
                .doesNotContain(kaurNik).doesNotContain("\"status\":\"NO\"");
    }

    /** The fields issue 14 lists for GET /api/v1/coverage, each present under exactly that name. */
    private static void assertIssueFields(JsonNode c, String why) {
        assertThat(names(c)).as(why).containsSubsequence("region", "name", "date", "potential", "registered", "protected", "ratio",
                "bySegment", "byCategory", "byPayerKind", "apparatus", "desaSadar", "money");
        assertThat(names(c.path("bySegment"))).as(why).containsExactly("PU", "BPU");
        for (String split : new String[] {"bySegment", "byCategory", "byPayerKind"}) {
            c.path(split).forEach(count -> assertThat(names(count)).as(why + " " + split).containsExactly("registered", "protected"));
        }
        assertThat(names(c.path("byCategory"))).as(why).contains("KEPALA_DESA", "PERANGKAT_DESA", "BPD", "RT_RW");
        assertThat(names(c.path("byPayerKind"))).as(why).containsExactlyInAnyOrder("APBDES", "APBD", "EMPLOYER", "SELF", "DONOR");
        assertThat(names(c.path("apparatus"))).as(why).containsSubsequence("registered", "protected");
        assertThat(names(c.path("desaSadar"))).as(why).containsExactly("villages", "desa");
        assertThat(names(c.path("money"))).as(why).containsSubsequence("from", "to", "billed", "paid", "outstanding",
                "benefitsPaid", "lossRatio");
    }

    private static List<String> names(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.propertyNames().forEach(names::add);
        return names;
    }

    @Test
    void theApiAnswersTheIssuesShapeAndRefusesWhatIsOutsideTheScopeOrMalformed() {
        Http regency = Http.withToken(port, TestUsers.token(accounts, "coverage-api-dpmd", Role.DPMD, "18.06"));
        var own = regency.get("/api/v1/coverage?region=18.06&date=2026-11-01");
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        assertThat(own.body()).startsWith("{\"region\":\"18.06\",\"name\":").contains("\"date\":\"2026-11-01\"",
                "\"potential\":", "\"registered\":", "\"protected\":", "\"ratio\":", "\"bySegment\":{\"PU\":{\"registered\":",
                "\"BPU\":{", "\"byCategory\":{\"KEPALA_DESA\":{", "\"byPayerKind\":{\"APBDES\":{", "\"apparatus\":{\"registered\":",
                "\"desaSadar\":{\"villages\":", "\"desa\":", "\"money\":{\"from\":\"2026-01-01\",\"to\":\"2026-11-01\",\"billed\":",
                "\"paid\":", "\"outstanding\":", "\"benefitsPaid\":", "\"lossRatio\":", "\"benefitsSource\":\"CLAIMS\"");
        assertThat(regency.get("/api/v1/coverage?date=2026-11-01").body()).startsWith("{\"region\":\"18.06\"");
        // every field the issue names, with its name exactly, in each object; the desa-sadar list's fields exactly
        JsonNode object = JSON.readTree(own.body());
        assertIssueFields(object, "the object");
        JSON.readTree(regency.get("/api/v1/coverage/children?region=18.06&date=2026-11-01").body())
                .forEach(child -> assertIssueFields(child, "child " + child.path("region").asString()));
        JSON.readTree(regency.get("/api/v1/coverage/trend?region=18.06&from=2026-09&to=2026-11").body())
                .forEach(month -> assertIssueFields(month, "month " + month.path("date").asString()));
        JsonNode list = JSON.readTree(regency.get("/api/v1/coverage/desa-sadar?region=18.06.03&date=2026-11-01").body());
        assertThat(names(list)).contains("villages");
        assertThat(list.path("villages").size()).isPositive();
        // the rule's citation is the initiative's Indonesian name, with no English gloss in it (V187)
        assertThat(list.path("rule").toString()).contains("Desa Sadar Jaminan Sosial Ketenagakerjaan (prakarsa sejak 2017)")
                .doesNotContain("initiative");
        list.path("villages").forEach(v -> {
            assertThat(names(v)).as(v.toString()).containsSubsequence("code", "name", "status", "missing");
            assertThat(v.path("status").asString()).isIn("SADAR", "NEAR", "NO");
            v.path("missing").forEach(m -> assertThat(names(m)).containsExactly("nik", "name", "category"));
        });
        // ratio and lossRatio are there as null where their denominator is missing or zero: a region without a
        // potential workforce figure, a period with nothing paid
        JsonNode nothingPaid = JSON.readTree(regency.get("/api/v1/coverage?region=18.06.03&date=2026-11-01"
                + "&periodFrom=2016-01-01&periodTo=2016-01-31").body());
        assertThat(nothingPaid.path("potential").isNull()).as(nothingPaid.toString()).isTrue();
        assertThat(nothingPaid.has("ratio") && nothingPaid.get("ratio").isNull()).as("ratio null").isTrue();
        assertThat(new java.math.BigDecimal(nothingPaid.path("money").path("paid").asString()).signum()).isZero();
        assertThat(nothingPaid.path("money").has("lossRatio") && nothingPaid.path("money").get("lossRatio").isNull())
                .as("lossRatio null").isTrue();
        assertThat(regency.get("/api/v1/coverage/children?region=18.06&date=2026-11-01").body()).startsWith("[{\"region\":\"18.06.");
        var trend = regency.get("/api/v1/coverage/trend?region=18.06&from=2026-09&to=2026-11");
        assertThat(trend.statusCode()).as(trend.body()).isEqualTo(200);
        assertThat(trend.body()).contains("\"date\":\"2026-09-30\"", "\"date\":\"2026-10-31\"", "\"date\":\"2026-11-30\"");

        for (String other : new String[] {"ID", "18", "18.07", "19.01.01.2001"}) {
            assertThat(regency.get("/api/v1/coverage?region=" + other).statusCode()).as(other).isEqualTo(404);
            assertThat(regency.get("/api/v1/coverage/children?region=" + other).statusCode()).as(other).isEqualTo(404);
            assertThat(regency.get("/api/v1/coverage/trend?region=" + other + "&from=2026-01&to=2026-02").statusCode()).as(other).isEqualTo(404);
            assertThat(regency.get("/api/v1/coverage/desa-sadar?region=" + other).statusCode()).as(other).isEqualTo(404);
        }
        assertThat(regency.get("/api/v1/coverage?region=18.06&date=2026-13-01").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage?region=18..06").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage/trend?region=18.06&from=2026-9&to=2026-11").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage/trend?region=18.06&from=2020-01&to=2026-11").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage/desa-sadar?region=18.06&status=MAYBE").statusCode()).isEqualTo(400);
        assertThat(regency.get("/api/v1/coverage?region=18.06&periodFrom=2026-05-01&periodTo=2026-04-01").statusCode()).isEqualTo(400);
    }
}
