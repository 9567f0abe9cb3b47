package id.lindung.quote;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class QuoteApiIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    Http api() {
        return Http.withToken(port, TestUsers.token(accounts, "quote.operator", Role.VILLAGE_OPERATOR, "64.02.03.2007"));
    }

    @Test
    void contributionQuoteIsTheSameDocumentAsTheCli() {
        var response = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"PU","month":"2025-04","wage":2000000,"risk":"VERY_LOW","programs":["JKK","JKM","JHT","JP"]}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("total").asLong()).isEqualTo(184_800);
        assertThat(doc.get("lines").get(3).get("program").asString()).isEqualTo("JP");
        assertThat(doc.get("lines").get(3).get("references").get(0).has("verified")).isTrue();
    }

    /**
     * RULES.md sets a wage earner's wage no floor (§1.4: it may lie below the UMK where a law allows), so a PU wage of
     * Rp 100 is quoted, not refused, but the quote says it is below the least anyone is usually reported at (the least
     * BPU income, Rp 1,000,000) with WAGE_BELOW_USUAL_MINIMUM on the wage; a usual wage, and a BPU income, carry none.
     */
    @Test
    void aWageEarnersWageFarBelowAnyUsualWageIsQuotedWithAWarningNotRefused() {
        var low = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"PU","month":"2026-01","wage":100,"risk":"VERY_LOW","programs":["JKK","JKM"]}""");
        assertThat(low.statusCode()).as(low.body()).isEqualTo(200);
        JsonNode warning = JSON.readTree(low.body()).get("warnings").get(0);
        assertThat(warning.get("field").asString()).isEqualTo("wage");
        assertThat(warning.get("code").asString()).isEqualTo("WAGE_BELOW_USUAL_MINIMUM");
        // in the answer's language, Indonesian by default: the wage and the usual least as rupiah
        assertThat(warning.get("message").asString()).contains("Rp 100 ", "Rp 1.000.000");
        var usual = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"PU","month":"2026-01","wage":1000000,"risk":"VERY_LOW","programs":["JKK","JKM"]}""");
        assertThat(JSON.readTree(usual.body()).get("warnings").size()).isZero();
        var bpu = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"BPU","month":"2026-01","wage":1000000,"programs":["JKK","JKM"]}""");
        assertThat(JSON.readTree(bpu.body()).get("warnings").size()).isZero();
    }

    @Test
    void benefitQuoteUsesCamelCaseFields() {
        var response = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JKM_DEATH","date":"2025-05-10","segment":"BPU","wage":1000000,"membershipStart":"2024-01-01","children":2}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("case").asString()).isEqualTo("JKM_DEATH");
        assertThat(doc.get("total").asLong()).isEqualTo(42_000_000);
        assertThat(doc.get("rejections").get(0).get("code").asString()).isEqualTo("SCHOLARSHIP_MEMBERSHIP_TOO_SHORT");
        var jkp = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JKP","date":"2025-06-01","wage":8000000,"contributionMonths24":18}""");
        assertThat(JSON.readTree(jkp.body()).get("total").asLong()).isEqualTo(18_000_000);
    }

    @Test
    void rejectedRequestsAnswer422WithTheirCodeAndBadInput400WithEveryField() {
        var bpuJp = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"BPU","month":"2025-04","wage":1000000,"programs":["JKK","JKM","JP"]}""");
        assertThat(bpuJp.statusCode()).isEqualTo(422);
        assertThat(JSON.readTree(bpuJp.body()).get("code").asString()).isEqualTo("BPU_JP_NOT_AVAILABLE");
        var bad = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"XX","month":"2025-13","programs":[]}""");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("segment", "month", "wage", "programs");
    }

    @Test
    void impossibleInputsAnswer422WithTheirCode() {
        var jp = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JP_OLD_AGE","date":"2026-01-15","contributionMonths":240,"averageWage":6000000}""");
        assertThat(jp.statusCode()).as(jp.body()).isEqualTo(422);
        assertThat(JSON.readTree(jp.body()).get("code").asString()).isEqualTo("JP_MONTHS_IMPOSSIBLE");
        var huge = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"PU","month":"2025-04","wage":1e20,"risk":"LOW","programs":["JKK"]}""");
        assertThat(huge.statusCode()).as(huge.body()).isEqualTo(422);
        assertThat(JSON.readTree(huge.body()).get("code").asString()).isEqualTo("AMOUNT_TOO_LARGE");
        var overflow = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"PU","month":"2025-04","wage":1e400,"risk":"LOW","programs":["JKK"]}""");
        assertThat(overflow.statusCode()).as(overflow.body()).isEqualTo(422);
        assertThat(overflow.body()).contains("AMOUNT_TOO_LARGE", "1E+400").hasSizeLessThan(600);
        var twice = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"PU","month":"2025-04","wage":2000000,"risk":"LOW","programs":["JKK","JKK"]}""");
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
        assertThat(JSON.readTree(twice.body()).get("errors").get(0).get("code").asString()).isEqualTo("PROGRAM_DUPLICATE");
        var early = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JKP","date":"2020-06-01","wage":8000000,"contributionMonths24":18}""");
        assertThat(early.statusCode()).as(early.body()).isEqualTo(422);
        JsonNode problem = JSON.readTree(early.body());
        assertThat(problem.get("code").asString()).isEqualTo("PROGRAMME_NOT_YET_IN_FORCE");
        assertThat(problem.get("programme").asString()).isEqualTo("JKP");
        assertThat(problem.get("inForceFrom").asString()).isEqualTo("2021-02-02");
        var consecutive = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JKP","date":"2025-06-01","wage":8000000,"contributionMonths24":12,"consecutiveMonths":13}""");
        assertThat(consecutive.statusCode()).as(consecutive.body()).isEqualTo(422);
        assertThat(JSON.readTree(consecutive.body()).get("code").asString()).isEqualTo("JKP_CONSECUTIVE_MONTHS_IMPOSSIBLE");
        var below = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JKP","date":"2025-06-01","wage":8000000,"contributionMonths24":12,"consecutiveMonths":5}""");
        assertThat(below.statusCode()).as(below.body()).isEqualTo(200);
        assertThat(JSON.readTree(below.body()).get("rejections").get(0).get("code").asString())
                .isEqualTo("JKP_CONSECUTIVE_MONTHS_BELOW_MINIMUM");
    }

    /** Facts missing, negative, fractional, or beyond any working life: each a 4xx naming its field, never a 500. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "consecutiveMonths|OUT_OF_RANGE|{'case':'JKP','date':'2025-06-01','wage':8000000,'contributionMonths24':18,'consecutiveMonths':-1}",
            "birthDate|REQUIRED|{'case':'JHT_PAYOUT','date':'2025-08-01','reason':'AGE_56','contributionStart':'2019-01','contributionMonths':10,'wage':2500000}",
            "employmentEnd|REQUIRED|{'case':'JHT_PAYOUT','date':'2025-08-01','reason':'RESIGNATION','contributionStart':'2019-01','contributionMonths':10,'wage':2500000}",
            "contributionMonths|OUT_OF_RANGE|{'case':'JHT_PAYOUT','date':'2025-08-01','reason':'DEATH','contributionStart':'2019-01','contributionMonths':-5,'wage':2500000}",
            "contributionMonths|REQUIRED|{'case':'JHT_PAYOUT','date':'2025-08-01','reason':'DEATH','contributionStart':'2019-01','monthlyWages':[]}",
            "contributionMonths|MONTHS_MISMATCH|{'case':'JHT_PAYOUT','date':'2025-08-01','reason':'DEATH','contributionStart':'2019-01','monthlyWages':[1000000,2000000],'contributionMonths':3}",
            "date|OUT_OF_RANGE|{'case':'JHT_PAYOUT','date':'2600-01-01','reason':'DEATH','contributionStart':'2016-01','contributionMonths':12,'wage':1000000}",
            "date|OUT_OF_RANGE|{'case':'JHT_PAYOUT','date':'+999999999-12-31','reason':'DEATH','contributionStart':'2016-01','contributionMonths':2147483647,'wage':1000000}",
            "months|OUT_OF_RANGE|{'case':'JKK_TEMPORARY_DISABILITY','date':'2025-06-01','wage':2000000,'months':2147483647}",
            "date|OUT_OF_RANGE|{'case':'JKM_DEATH','date':'+99999-12-31'}",
            "children|INVALID_VALUE|{'case':'JKM_DEATH','date':'2025-06-01','children':1.9}",
            "months|INVALID_VALUE|{'case':'JKK_TEMPORARY_DISABILITY','date':'2025-06-01','wage':2000000,'months':12.9}",
    })
    void badBenefitFactsAre400WithTheirField(String field, String code, String body) {
        var response = api().postJson("/api/v1/quotes/benefit", body.replace('\'', '"'));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"" + field + "\"", "\"" + code + "\"");
        if (code.equals("INVALID_VALUE")) {
            assertThat(response.body()).as("1.9 is a number, not a whole one").contains("Seharusnya bilangan bulat");
        }
    }

    /**
     * A negative count of JKP contribution months is out of range, named by its field and value, as a negative
     * consecutiveMonths is: until the audit of 7 December 2026 it answered that contributionMonths24 "is required".
     */
    @Test
    void aNegativeContributionMonths24IsOutOfRangeNotRequired() {
        var response = api().postJson("/api/v1/quotes/benefit",
                "{\"case\":\"JKP\",\"date\":\"2025-06-01\",\"wage\":8000000,\"contributionMonths24\":-1}", "Accept-Language", "en");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"field\":\"contributionMonths24\"", "\"code\":\"OUT_OF_RANGE\"",
                "contributionMonths24 -1 is out of range").doesNotContain("required");
        assertThat(api().postJson("/api/v1/quotes/benefit",
                "{\"case\":\"JKP\",\"date\":\"2025-06-01\",\"wage\":8000000,\"contributionMonths24\":-1}").body())
                .contains("Jumlah bulan iuran dalam 24 bulan terakhir (contributionMonths24) harus 0 atau lebih, bukan -1.");
    }

    /**
     * A negative longest run of JKP contribution months is told in Indonesian with its value and bound in place, as a
     * negative contributionMonths24 is (aae640b): until the audit of 7 December 2026 it got the general sentence followed
     * by "Nilai: -1, 0.".
     */
    @Test
    void aNegativeConsecutiveMonthsIsOutOfRangeInASentenceThatPlacesItsValues() {
        String body = "{\"case\":\"JKP\",\"date\":\"2025-06-01\",\"wage\":8000000,\"contributionMonths24\":18,\"consecutiveMonths\":-1}";
        var indonesian = api().postJson("/api/v1/quotes/benefit", body);
        assertThat(indonesian.statusCode()).as(indonesian.body()).isEqualTo(400);
        assertThat(indonesian.body()).contains("\"field\":\"consecutiveMonths\"", "\"code\":\"OUT_OF_RANGE\"",
                "Jumlah bulan iuran berturut-turut terpanjang (consecutiveMonths) harus 0 atau lebih, bukan -1.")
                .doesNotContain("Nilai:");
        assertThat(api().postJson("/api/v1/quotes/benefit", body, "Accept-Language", "en").body())
                .contains("consecutiveMonths -1 is out of range: the longest run of contribution months is 0 or more");
    }

    @Test
    void aBpuBenefitIsRefusedOnADeclaredIncomeTheContributionQuoteRefuses() {
        var death = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JKK_DEATH","date":"2025-05-01","segment":"BPU","wage":50000000}""");
        assertThat(death.statusCode()).as(death.body()).isEqualTo(422);
        assertThat(JSON.readTree(death.body()).get("code").asString()).isEqualTo("BPU_INCOME_OUT_OF_RANGE");
        var month = api().postJson("/api/v1/quotes/contribution", """
                {"segment":"PU","month":"+10000-01","wage":2000000,"risk":"LOW","programs":["JKK"]}""");
        assertThat(month.statusCode()).as(month.body()).isEqualTo(400);
        assertThat(month.body()).contains("OUT_OF_RANGE");
    }

    @Test
    void aRefusalByAnUnverifiedValueIsFlaggedAsUnverified() {
        // before PP 82/2019 the JKM scholarship's five years of membership is flagged unverified in the data
        var response = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JKM_DEATH","date":"2019-12-01","segment":"PU","membershipStart":"2015-08-01","children":2}""");
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("rejections").get(0).get("code").asString()).isEqualTo("SCHOLARSHIP_MEMBERSHIP_TOO_SHORT");
        assertThat(doc.get("unverified").toString()).contains("scholarship.jkm.minMembershipYears");
    }

    @Test
    void jhtPayoutHasTheSameDocumentShapeAsTheOtherCases() {
        var response = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JHT_PAYOUT","date":"2016-07-10","reason":"RESIGNATION","employmentEnd":"2016-05-31",
                 "contributionStart":"2015-11","contributionMonths":4,"wage":3000000}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.get("eligible").asBoolean()).isTrue();
        assertThat(doc.get("total").asLong()).isEqualTo(706_236);
        assertThat(doc.has("components") && doc.has("rejections") && doc.has("unverified")).isTrue();
        var early = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JHT_PAYOUT","date":"2016-06-15","reason":"RESIGNATION","employmentEnd":"2016-05-31",
                 "contributionStart":"2015-11","contributionMonths":4,"wage":3000000}""");
        assertThat(JSON.readTree(early.body()).get("rejections").get(0).get("code").asString()).isEqualTo("JHT_WAITING_PERIOD_NOT_OVER");
    }

    /**
     * RULES.md 4.5: below 180 contribution months (every case before July 2030) JP at pension age is a lump sum of the
     * contributions plus returns; the API and the page quote it as a claim from facts does, the returns rate unverified,
     * in the same document fields as before.
     */
    @Test
    void belowOneHundredEightyMonthsTheBenefitQuoteIsTheJpLumpSumWithItsReturnsFlaggedUnverified() {
        var response = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JP_OLD_AGE","date":"2026-12-01","contributionMonths":120,"averageWage":4000000,"contributionStart":"2016-01"}""");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        assertThat(doc.propertyNames()).containsExactly("case", "date", "eligible", "components", "rejections", "total", "unverified");
        assertThat(doc.get("eligible").asBoolean()).isTrue();
        assertThat(doc.get("rejections")).isEmpty();
        assertThat(doc.get("components").get(0).get("code").asString()).isEqualTo("JP_CONTRIBUTIONS");
        assertThat(doc.get("components").get(0).get("amount").asLong()).isEqualTo(14_400_000);
        JsonNode returns = doc.get("components").get(1);
        assertThat(returns.get("code").asString()).isEqualTo("JP_RETURNS");
        assertThat(returns.get("amount").asLong()).isZero();
        JsonNode rate = null;
        for (JsonNode r : returns.get("references")) {
            if (r.hasNonNull("parameter") && r.get("parameter").asString().equals("jp.returnRate")) {
                rate = r;
            }
        }
        assertThat(rate).as(returns.toString()).isNotNull();
        assertThat(rate.get("verified").asBoolean()).isFalse();
        assertThat(rate.get("note").asString()).contains("hasil pengembangan belum diverifikasi");
        assertThat(doc.get("total").asLong()).isEqualTo(14_400_000);
        assertThat(doc.get("unverified").toString()).contains("jp.returnRate");
        // with a birth date the pension age is checked: the demo worker is 52 in December 2026
        var young = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JP_OLD_AGE","date":"2026-12-01","contributionMonths":120,"averageWage":4000000,"birthDate":"1974-09-14"}""");
        assertThat(young.statusCode()).as(young.body()).isEqualTo(200);
        assertThat(JSON.readTree(young.body()).get("rejections").get(0).get("code").asString()).isEqualTo("PENSION_AGE_NOT_REACHED");
        var badStart = api().postJson("/api/v1/quotes/benefit", """
                {"case":"JP_OLD_AGE","date":"2026-12-01","contributionMonths":12,"averageWage":4000000,"contributionStart":"2016-13"}""");
        assertThat(badStart.statusCode()).as(badStart.body()).isEqualTo(400);
        assertThat(badStart.body()).contains("\"contributionStart\"", "\"INVALID_MONTH\"");

        // the page: the components named and the unverified returns said in words, in Indonesian and in English
        Http browser = TestUsers.browser(port, accounts, "quote.jp-lump-sum", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        String csrf = Http.csrfOf(browser.get("/simulasi").body());
        Map<String, String> form = Map.of("case", "JP_OLD_AGE", "date", "2026-12-01", "contributionMonths", "120",
                "averageWage", "4.000.000", "contributionStart", "2016-01", "_csrf", csrf);
        String id = browser.postForm("/simulasi/manfaat", form).body();
        assertThat(id).contains("Iuran JP (pemberi kerja dan pekerja), dibayar kembali sekaligus", "Hasil pengembangan iuran JP",
                "14.400.000", "Hasil pengembangan belum diverifikasi", "Berhak").doesNotContain("PENSION_MONTHS_BELOW_MINIMUM", "??");
        String en = browser.postForm("/simulasi/manfaat?lang=en", form).body();
        assertThat(en).contains("JP contributions (employer and worker), paid back at once", "Returns on the JP contributions",
                "Returns not verified").doesNotContain("??");
        String early = browser.postForm("/simulasi/manfaat?lang=id", Map.of("case", "JP_OLD_AGE", "date", "2026-12-01",
                "contributionMonths", "120", "averageWage", "4000000", "birthDate", "1974-09-14", "_csrf", csrf)).body();
        assertThat(early).contains("Lahir 1974-09-14: usia pensiun", "PENSION_AGE_NOT_REACHED").doesNotContain("pada tanggal ini.");
    }

    @Test
    void quotesNeedSignIn() {
        assertThat(Http.anonymous(port).get("/api/v1/regulations").statusCode()).isEqualTo(401);
        // without a token a POST is refused before it reaches the controller (401 or 403 for the missing CSRF token)
        assertThat(Http.anonymous(port).postJson("/api/v1/quotes/contribution", "{}").statusCode()).isIn(401, 403);
        assertThat(Http.withToken(port, "ldg_not-a-token").postJson("/api/v1/quotes/contribution", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void regulationsListEveryParameterWithDatesReferencesAndVerification() {
        var response = api().get("/api/v1/regulations");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode doc = JSON.readTree(response.body());
        JsonNode cap = null;
        for (JsonNode p : doc.get("parameters")) {
            if (p.get("id").asString().equals("pu.jp.wageCap")) {
                cap = p;
            }
        }
        assertThat(cap).isNotNull();
        assertThat(cap.get("unit").asString()).isEqualTo("RUPIAH");
        assertThat(cap.get("values").toString()).contains("\"from\":\"2025-03-01\"", "\"value\":\"10547400\"", "\"verified\":false");
    }

    /**
     * The API speaks the caller's language as the pages do (Indonesian first, English on ?lang=en) and keeps its field
     * names: the data's description, note and citation words in that language.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            /api/v1/regulations         | Upah bulanan tertinggi yang menjadi dasar iuran JP | Dikonfirmasi: surat BPJS B/77/022023 | PP 45/2015 Pasal 29; surat BPJS B/77/022023
            /api/v1/regulations?lang=id | Upah bulanan tertinggi yang menjadi dasar iuran JP | Dikonfirmasi: surat BPJS B/77/022023 | PP 45/2015 Pasal 29; surat BPJS B/77/022023
            /api/v1/regulations?lang=en | Highest monthly wage on which JP is paid           | Confirmed: BPJS letter B/77/022023   | PP 45/2015 Pasal 29; BPJS letter B/77/022023
            """)
    void regulationsAnswerInIndonesianByDefaultAndInEnglishOnLangEn(String path, String description, String noteStart,
                                                                    String regulation) {
        var response = api().get(path);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode cap = null;
        for (JsonNode p : JSON.readTree(response.body()).get("parameters")) {
            if (p.get("id").asString().equals("pu.jp.wageCap")) {
                cap = p;
            }
        }
        assertThat(cap).isNotNull();
        assertThat(cap.propertyNames()).containsExactly("id", "description", "unit", "condition", "verified", "values");
        assertThat(cap.get("description").asString()).isEqualTo(description);
        JsonNode confirmed = cap.get("values").get(8);
        assertThat(confirmed.get("from").asString()).isEqualTo("2022-03-01");
        assertThat(confirmed.propertyNames()).containsExactly("from", "until", "value", "unit", "regulation", "article",
                "sources", "verified", "note", "file");
        assertThat(confirmed.get("note").asString()).startsWith(noteStart);
        assertThat(confirmed.get("regulation").asString()).isEqualTo(regulation);
    }

    @Test
    void simulationAndRegulationPagesWorkForASignedInOperator() {
        TestUsers.token(accounts, "quote.page", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        Http browser = Http.browser(port);
        browser.login("quote.page", TestUsers.PASSWORD);
        var page = browser.get("/simulasi");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Simulasi iuran &amp; manfaat");
        String csrf = Http.csrfOf(page.body());
        var result = browser.postForm("/simulasi/iuran", Map.of("segment", "BPU", "month", "2025-04", "wage", "1000000",
                "programs", "JKK,JKM", "_csrf", csrf));
        assertThat(result.statusCode()).isEqualTo(200);
        assertThat(result.body()).contains("16.800");
        var twice = browser.postForm("/simulasi/iuran", Map.of("segment", "BPU", "month", "2025-04", "wage", "1000000",
                "programs", "JKK,JKK", "_csrf", csrf));
        assertThat(twice.body()).contains("lebih dari sekali").doesNotContain("16.800");
        var typed = browser.postForm("/simulasi/iuran", Map.of("segment", "BPU", "month", "2025-04", "wage", "Rp 1.000.000",
                "programs", "JKK,JKM", "_csrf", csrf));
        assertThat(typed.body()).as("a wage typed as on a receipt").contains("16.800").doesNotContain("quote-warning");
        var low = browser.postForm("/simulasi/iuran", Map.of("segment", "PU", "month", "2025-04", "wage", "100", "risk", "VERY_LOW",
                "programs", "JKK,JKM", "_csrf", csrf));
        assertThat(low.body()).as("a PU wage of Rp 100 is quoted, and questioned").contains("quote-warning", "periksa apakah itu upah sebulan");
        var unreadable = browser.postForm("/simulasi/iuran", Map.of("segment", "BPU", "month", "2025-04", "wage", "1.00.000",
                "programs", "JKK", "_csrf", csrf));
        assertThat(unreadable.statusCode()).isEqualTo(200);
        assertThat(unreadable.body()).contains("bukan angka").doesNotContain("16.800");
        // the page reads no exponent: 10^20 written in full
        var huge = browser.postForm("/simulasi/iuran", Map.of("segment", "BPU", "month", "2025-04", "wage", "100.000.000.000.000.000.000",
                "programs", "JKK", "_csrf", csrf));
        assertThat(huge.body()).contains("batas wajar").doesNotContain("AMOUNT_TOO_LARGE");
        var benefit = browser.postForm("/simulasi/manfaat", Map.of("case", "JKM_DEATH", "date", "2025-05-10", "_csrf", csrf));
        assertThat(benefit.body()).contains("42.000.000");
        var regulations = browser.get("/regulasi");
        assertThat(regulations.statusCode()).isEqualTo(200);
        assertThat(regulations.body()).contains("pu.jp.wageCap", "belum terverifikasi", "href=\"/regulasi/sumber\"")
                .containsPattern("<a href=\"https://[^\"]+\" target=\"_blank\" rel=\"noopener noreferrer\">S9</a>");
        var sources = browser.get("/regulasi/sumber");
        assertThat(sources.statusCode()).isEqualTo(200);
        assertThat(sources.body()).contains("Sumber data regulasi", "id=\"S29b\"", "Probis Kepesertaan");
        var english = browser.get("/simulasi?lang=en");
        assertThat(english.body()).contains("Contribution &amp; benefit quotes");
    }

    /**
     * The regulation data's descriptions, notes and citations are shown in Indonesian to an Indonesian reader, in English
     * on ?lang=en; the request that switches back from English already speaks Indonesian (its citations too).
     */
    @Test
    void regulationPageShowsTheDataDescriptionsAndNotesInTheReadersLanguage() {
        Http browser = TestUsers.browser(port, accounts, "quote.bilingual", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        String english = browser.get("/regulasi?lang=en").body();
        assertThat(english).contains("whose deferred JP is settled by the instalments", "UNVERIFIED: the cited sources give only the window",
                        "PP 44/2015 as amended by PP 82/2019")
                .doesNotContain("dilunasi dengan cicilan", "BELUM TERVERIFIKASI", "sebagaimana diubah dengan");
        String indonesian = browser.get("/regulasi?lang=id").body();
        assertThat(indonesian).contains("yang iuran JP tertundanya dilunasi dengan cicilan",
                        "BELUM TERVERIFIKASI: sumber yang dikutip hanya menyebut masa pelunasan", "PP 44/2015 sebagaimana diubah dengan PP 82/2019")
                .doesNotContain("whose deferred JP is settled by the instalments", "UNVERIFIED", "Lindung&#39;s reading",
                        "Lindung's reading", "Equal monthly instalments", "as amended by");
    }
}
