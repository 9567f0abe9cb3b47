package id.lindung.claim;

import static id.lindung.claim.ClaimWorkflowIntegrationTests.codes;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.expect;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.json;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Payments;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Claims against billing: protection on the incident date at the edges of a BPU grace period and lapse (billing's
 * published status, end to end), the contributions billed for the months after a death reversed by the next billing
 * run, and a JP old-age case paid as a lump sum of the JP contributions billing settled (RULES.md 4.5: JP began in July
 * 2015, so nobody has the 180 months of a monthly pension before July 2030). Regency 71.05; today is 2 December 2026.
 */
@IntegrationTest
class ClaimBillingIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired TestClock clock;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired RegulationCatalog catalog;

    /** The JP old-age cases' village (Mokobang), billed and paid on its own. */
    static final String JP_VILLAGE = "71.05.01.2008";

    private final Actor dpmdActor = TestUsers.actor("claims-billing-dpmd", Role.DPMD, "71.05");
    private final Actor villageBilling = TestUsers.actor("claims-billing-dpmd", Role.DPMD, JP_VILLAGE);
    private Http dpmd;

    @BeforeEach
    void setUp() {
        clock.fixAt(Instant.parse("2026-12-02T03:00:00Z"));
        dpmd = Http.withToken(port, TestUsers.token(accounts, "claims-billing-dpmd", Role.DPMD, "71.05"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void bill(YearMonth month) {
        CurrentActor.runAs(dpmdActor, () -> runs.run(month, dpmdActor, true));
    }

    private LocalDate due(String payer, YearMonth month) {
        return jdbc.sql("select b.due_date from bill b join payer p on p.id = b.payer_id where p.code = ? and b.month = ?")
                .params(payer, Date.valueOf(month.atDay(1))).query(Date.class).single().toLocalDate();
    }

    /** The preview in English, whose decisions name the protection status (Indonesian answers say the page's sentence). */
    private JsonNode preview(String nik, LocalDate incident) {
        return json(expect(dpmd.postJson("/api/v1/claims/preview", """
                {"nik":"%s","case":"JKK_MEDICAL","incidentDate":"%s","reportedOn":"%s","claimedCosts":{"medical":1000000}}"""
                .formatted(nik, incident, incident), "Accept-Language", "en"), 200));
    }

    private static String protection(JsonNode c) {
        for (JsonNode d : c.get("decisions")) {
            if (d.get("code").asString().equals("NOT_PROTECTED_ON_INCIDENT_DATE")) {
                return (d.get("passed").asBoolean() ? "passed " : "failed ") + d.get("message").asString();
            }
        }
        return "absent";
    }

    @Test
    void aBpuIsProtectedOnTheLastDayOfGraceAndNotTheDayAfterNorOnceTheMembershipEnded() {
        String nik = ClaimWorkflowIntegrationTests.worker(dpmd, "71.05.01.2006", "NELAYAN", "[\"JKK\",\"JKM\"]", "BPU", "1000000",
                "SELF", "2026-07-01");
        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
            bill(m);
        }
        LocalDate julyDue = due("SELF:" + nik, YearMonth.of(2026, 7));
        assertThat(protection(preview(nik, julyDue))).startsWith("passed").contains("IN_GRACE");
        JsonNode lapsed = preview(nik, julyDue.plusDays(1));
        assertThat(protection(lapsed)).startsWith("failed").contains("LAPSED");
        assertThat(lapsed.get("eligible").asBoolean()).isFalse();
        assertThat(lapsed.get("total").decimalValue()).isEqualByComparingTo("0");
        // four billed months past due and unpaid: more than three, the membership ended
        LocalDate octoberDue = due("SELF:" + nik, YearMonth.of(2026, 10));
        assertThat(protection(preview(nik, octoberDue))).startsWith("failed").contains("LAPSED");
        assertThat(protection(preview(nik, octoberDue.plusDays(1)))).startsWith("failed").contains("ENDED");
        // opening it is refused with the code, and nothing is stored
        assertThat(codes(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKK_MEDICAL","incidentDate":"%s","reportedOn":"%s","claimedCosts":{"medical":1000000}}"""
                .formatted(nik, julyDue.plusDays(1), julyDue.plusDays(1))), 422))).containsExactly("NOT_PROTECTED_ON_INCIDENT_DATE@incidentDate");
        // protected on the due date: the case opens, with the care as claimed
        JsonNode opened = json(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKK_MEDICAL","incidentDate":"%s","reportedOn":"%s","claimedCosts":{"medical":1000000}}"""
                .formatted(nik, julyDue, julyDue)), 201));
        assertThat(opened.get("total").decimalValue()).isEqualByComparingTo("1000000");
    }

    private Map<String, BigDecimal> billedByMonth(String nik) {
        Map<String, BigDecimal> months = new LinkedHashMap<>();
        jdbc.sql("""
                select to_char(l.month, 'YYYY-MM'), sum(l.amount) from bill_line l join worker w on w.id = l.worker_id
                where w.nik = ? group by l.month order by l.month""").param(nik)
                .query((rs, n) -> months.put(rs.getString(1), rs.getBigDecimal(2).stripTrailingZeros())).list();
        return months;
    }

    @Test
    void theNextBillingRunReversesTheMonthsBilledAfterTheMonthOfDeath() {
        String nik = ClaimWorkflowIntegrationTests.worker(dpmd, "71.05.01.2005", "KEPALA_DESA", "[\"JKK\",\"JKM\"]", "PU", "2000000",
                "APBDES", "2026-01-01");
        for (YearMonth m = YearMonth.of(2026, 10); !m.isAfter(YearMonth.of(2026, 12)); m = m.plusMonths(1)) {
            bill(m);
        }
        Map<String, BigDecimal> before = billedByMonth(nik);
        assertThat(before).containsOnlyKeys("2026-10", "2026-11", "2026-12");
        assertThat(before.values()).allMatch(v -> v.signum() > 0);

        String heir = ClaimWorkflowIntegrationTests.heirNik("P", "1970-01-01");
        expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKM_DEATH","incidentDate":"2026-10-15",
                 "heirs":[{"name":"Istri Kepala Desa","nik":"%s","relationship":"SPOUSE"}]}""".formatted(nik, heir)), 201);
        // the next run (December again, as the scheduler or the office would run it)
        bill(YearMonth.of(2026, 12));

        Map<String, BigDecimal> after = billedByMonth(nik);
        // October, the month of death, stays billed: the official was protected in it
        assertThat(after.get("2026-10")).isEqualByComparingTo(before.get("2026-10"));
        assertThat(after.get("2026-11")).isEqualByComparingTo("0");
        assertThat(after.get("2026-12")).isEqualByComparingTo("0");
        assertThat(jdbc.sql("""
                select count(*) from bill_line l join worker w on w.id = l.worker_id
                where w.nik = ? and l.kind = 'REVERSAL' and l.month = date '2026-11-01'""").param(nik).query(Long.class).single())
                .isPositive();
        // a further run adds nothing
        bill(YearMonth.of(2026, 12));
        assertThat(billedByMonth(nik)).isEqualTo(after);
    }

    /** A village official on Rp 3,000,000 with JKK, JKM, JHT and JP from July 2026, paid by the village (APBDES). */
    private String official(String born) {
        return official(born, JP_VILLAGE);
    }

    private String official(String born, String village) {
        String nik = Niks.unique(village.substring(0, 8), "L", LocalDate.parse(born));
        expect(dpmd.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Sekretaris Desa Mokobang","sex":"L","birthDate":"%s","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM","JHT","JP"],"segment":"PU","wage":3000000,"payer":"APBDES","startDate":"2026-07-01"}"""
                .formatted(nik, born, village)), 201);
        return nik;
    }

    /**
     * Bills July to November 2026 in the village only (the other cases' workers of the regency are not billed for these
     * months), and the village pays July to September for its officials, nothing after: allocation settles those months
     * whole.
     */
    private void billJulyToNovemberPayJulyToSeptember(String village, Actor actor, String reference) {
        for (YearMonth m = YearMonth.of(2026, 7); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(actor, () -> runs.run(month, actor, true));
        }
        BigDecimal julyToSeptember = jdbc.sql("""
                select sum(l.amount) from bill_line l join payer p on p.id = l.payer_id
                where p.code = ? and l.month between '2026-07-01' and '2026-09-01'""").param("APBDES:" + village)
                .query(BigDecimal.class).single();
        CurrentActor.runAs(actor, () -> payments.record(new Payments.PaymentRequest("APBDES:" + village,
                reference, LocalDate.of(2026, 10, 20), julyToSeptember, "BANK"), actor));
    }

    private BigDecimal billedJp(String nik, YearMonth from, YearMonth to) {
        return jdbc.sql("""
                select coalesce(sum(l.amount), 0) from bill_line l join worker w on w.id = l.worker_id
                where w.nik = ? and l.program = 'JP' and l.month between ? and ?""")
                .params(nik, Date.valueOf(from.atDay(1)), Date.valueOf(to.atDay(1))).query(BigDecimal.class).single();
    }

    @Test
    void belowOneHundredEightyMonthsTheOldAgeCaseIsALumpSumOfTheJpContributionsPaidPlusUnverifiedReturns() {
        String nik = official("1966-03-20");
        billJulyToNovemberPayJulyToSeptember(JP_VILLAGE, villageBilling, "JP-LUMP-SUM-" + nik);
        assertThat(billedJp(nik, YearMonth.of(2026, 7), YearMonth.of(2026, 9))).isEqualByComparingTo("270000");

        // 5 months of JP terms, fewer than 180; born 1966, pension age 59 reached on 20 March 2025
        JsonNode opened = json(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JP_OLD_AGE","incidentDate":"2026-12-01"}""".formatted(nik)), 201));
        assertThat(opened.get("status").asString()).isEqualTo("SUBMITTED");
        assertThat(opened.get("eligible").asBoolean()).isTrue();
        // both shares of the months paid, 3% x 3,000,000 x 3 (October and November are billed but unpaid)
        assertThat(component(opened, "JP_CONTRIBUTIONS").get("amount").decimalValue()).isEqualByComparingTo("270000");
        JsonNode returns = component(opened, "JP_RETURNS");
        assertThat(returns.get("amount").decimalValue()).isEqualByComparingTo("0");
        assertThat(opened.get("total").decimalValue()).isEqualByComparingTo("270000");
        JsonNode rate = reference(returns, "jp.returnRate");
        assertThat(rate.get("verified").asBoolean()).isFalse();
        assertThat(rate.get("note").asString()).contains("hasil pengembangan belum diverifikasi");

        // the stored benefit carries its regulation version and the unverified parameter, read back as stored
        long id = opened.get("id").asLong();
        assertThat(opened.get("regulationVersion").asString()).isEqualTo(catalog.version());
        assertThat(jdbc.sql("select regulation_version from claim_case where id = ?").param(id).query(String.class).single())
                .isEqualTo(catalog.version());
        assertThat(jdbc.sql("""
                select count(*) from claim_component k, jsonb_array_elements(k.refs) r
                where k.case_id = ? and k.code = 'JP_RETURNS' and k.replaced_at is null
                  and r ->> 'parameter' = 'jp.returnRate' and (r ->> 'verified')::boolean = false""").param(id)
                .query(Long.class).single()).isEqualTo(1);
        JsonNode read = json(expect(dpmd.get("/api/v1/claims/" + id), 200));
        assertThat(read.get("total").decimalValue()).isEqualByComparingTo("270000");
        assertThat(reference(component(read, "JP_RETURNS"), "jp.returnRate").get("verified").asBoolean()).isFalse();
        // the case page says so in words
        assertThat(TestUsers.browser(port, accounts, "claims-billing-dpmd", Role.DPMD, "71.05").get("/klaim/" + id).body())
                .contains("Hasil pengembangan belum diverifikasi");
    }

    /**
     * The JP lump sum counts only the months recorded in Lindung, and says so; contributions paid before Lindung's history
     * are given as facts from their first month and come before the months Lindung recorded; months given without their
     * first month are refused by field, never passed over for Lindung's shorter history.
     */
    @Test
    void theJpLumpSumCountsTheMonthsRecordedInLindungSaysSoAndTakesEarlierMonthsAsFacts() throws Exception {
        // a village of its own, billed and paid on its own: July to September paid, October and November not
        String village = "71.05.01.2009";
        String nik = official("1965-04-11", village);
        billJulyToNovemberPayJulyToSeptember(village, TestUsers.actor("claims-billing-dpmd", Role.DPMD, village), "JP-FACTS-" + nik);
        BigDecimal recorded = billedJp(nik, YearMonth.of(2026, 7), YearMonth.of(2026, 9));
        assertThat(recorded).isEqualByComparingTo("270000");

        String lindungOnly = """
                {"nik":"%s","case":"JP_OLD_AGE","incidentDate":"2026-12-01"}""".formatted(nik);
        JsonNode fromLindung = json(expect(dpmd.postJson("/api/v1/claims/preview", lindungOnly), 200));
        assertThat(component(fromLindung, "JP_CONTRIBUTIONS").get("amount").decimalValue()).isEqualByComparingTo("270000");
        assertThat(fromLindung.get("jpContributionsBasis").get("source").asString()).isEqualTo("LINDUNG");
        // the note in the client's language, Indonesian by default, as the case page says it
        assertThat(fromLindung.get("jpContributionsBasis").get("note").asString()).contains("tercatat di Lindung");
        assertThat(json(expect(dpmd.postJson("/api/v1/claims/preview", lindungOnly, "Accept-Language", "en"), 200))
                .get("jpContributionsBasis").get("note").asString()).contains("recorded in Lindung");

        // ten months of 2016 paid before Lindung's history, given as facts: 10 x 3% x 3,000,000, then Lindung's months
        JsonNode withFacts = json(expect(dpmd.postJson("/api/v1/claims/preview", """
                {"nik":"%s","case":"JP_OLD_AGE","incidentDate":"2026-12-01",
                 "facts":{"contributionStart":"2016-01","contributionMonths":10,"averageWage":3000000}}""".formatted(nik)), 200));
        assertThat(component(withFacts, "JP_CONTRIBUTIONS").get("amount").decimalValue()).isEqualByComparingTo("1170000");
        assertThat(withFacts.get("jpContributionsBasis").get("source").asString()).isEqualTo("FACTS");

        // months without their first month: told what is missing, by field, not paid back as Lindung's 3 months
        assertThat(codes(expect(dpmd.postJson("/api/v1/claims/preview", """
                {"nik":"%s","case":"JP_OLD_AGE","incidentDate":"2026-12-01","facts":{"contributionMonths":120,"averageWage":3000000}}"""
                .formatted(nik)), 422))).containsExactly("JP_CONTRIBUTION_START_REQUIRED@facts.contributionStart");

        // the new-case form takes the first month as a fact too, and its preview says where the contributions come from
        Http browser = TestUsers.browser(port, accounts, "claims-billing-dpmd", Role.DPMD, "71.05");
        String publicId = jdbc.sql("select public_id::text from worker where nik = ?").param(nik).query(String.class).single();
        String form = browser.get("/klaim/baru?pekerja=" + publicId).body();
        assertThat(form).contains("name=\"contributionStart\"");
        Map<String, String> fields = new LinkedHashMap<>(Map.of("_csrf", Http.csrfOf(form), "worker", publicId,
                "case", "JP_OLD_AGE", "incidentDate", "2026-12-01", "reportedOn", "2026-12-01", "contributionMonths", "10",
                "averageWage", "3.000.000", "contributionStart", "2016-01"));
        String previewed = browser.postForm("/klaim/baru/pratinjau", fields).body();
        assertThat(previewed).contains("Rp 1.170.000").contains("ditambah iuran JP yang tercatat di Lindung");
        fields.remove("contributionStart");
        assertThat(browser.postForm("/klaim/baru/pratinjau", fields).body()).contains("Bulan iuran pertama: Isi bulan iuran pertama");
        JsonNode opened = json(expect(dpmd.postJson("/api/v1/claims", lindungOnly), 201));
        assertThat(browser.get("/klaim/" + opened.get("id").asLong()).body()).contains("iuran JP yang tercatat di Lindung");
        assertThat(browser.get("/klaim/" + opened.get("id").asLong() + "?lang=en").body()).contains("only those recorded in Lindung");
        // and so does the case file
        assertThat(ClaimPagesUiTests.pdfText(dpmd.getBytes("/api/v1/claims/" + opened.get("id").asLong() + "/pdf").body()))
                .contains("iuran JP yang tercatat di Lindung");
    }

    @Test
    void anOldAgeCaseBeforeThePensionAgeIsRefusedWithItsCodeAndStoresNothing() {
        // born 1975: 51 on 1 December 2026, the pension age then is 59
        String nik = official("1975-06-05");
        assertThat(codes(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JP_OLD_AGE","incidentDate":"2026-12-01"}""".formatted(nik)), 422)))
                .containsExactly("PENSION_AGE_NOT_REACHED@case");
        assertThat(jdbc.sql("select count(*) from claim_case c join worker w on w.id = c.worker_id where w.nik = ?").param(nik)
                .query(Long.class).single()).isZero();
    }

    @Test
    void moreContributionMonthsThanSinceJpBeganAreStillRefused() {
        String nik = official("1960-01-10");
        assertThat(codes(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JP_OLD_AGE","incidentDate":"2026-12-01","facts":{"contributionMonths":200,"averageWage":3000000}}"""
                .formatted(nik)), 422))).containsExactly("JP_MONTHS_IMPOSSIBLE@case");
    }

    private static JsonNode component(JsonNode claim, String code) {
        for (JsonNode c : claim.get("components")) {
            if (c.get("code").asString().equals(code)) {
                return c;
            }
        }
        throw new AssertionError("no component " + code + " in " + claim.get("components"));
    }

    private static JsonNode reference(JsonNode component, String parameter) {
        for (JsonNode r : component.get("references")) {
            if (r.hasNonNull("parameter") && r.get("parameter").asString().equals(parameter)) {
                return r;
            }
        }
        throw new AssertionError("no reference " + parameter + " in " + component.get("references"));
    }
}
