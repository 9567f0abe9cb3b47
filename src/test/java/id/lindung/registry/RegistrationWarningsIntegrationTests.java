package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Multipart;
import id.lindung.support.Niks;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A PU wage below the usual minimum on its start date (contribution.LowWage, Rp 1,000,000) is registered as typed and
 * warned, as the quotes warn: the API's {@code warnings} (code, field, message), a notice on the form's result page and a
 * warning line in the import's report, never a rejection. Regency 63.05 (Tapin) is used by no other test.
 */
@IntegrationTest
class RegistrationWarningsIntegrationTests {

    static final String VILLAGE = "63.05.01.2003";
    static final LocalDate BIRTH = LocalDate.of(1986, 5, 12);
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private Http api() {
        return RegistryFixture.api(port, accounts, "warn-dpmd", Role.DPMD, "63.05");
    }

    private static String registration(String nik, String sex, String wage) {
        return "{\"nik\":\"" + nik + "\",\"name\":\"Siti Aminah\",\"sex\":\"" + sex + "\",\"birthDate\":\"" + BIRTH + "\",\"villageCode\":\""
                + VILLAGE + "\",\"category\":\"PERANGKAT_DESA\",\"programs\":[\"JKK\",\"JKM\"],\"segment\":\"PU\",\"wage\":" + wage
                + ",\"riskGroup\":\"VERY_LOW\",\"payer\":\"APBDES\",\"startDate\":\"2025-03-01\"}";
    }

    private java.math.BigDecimal storedWage(String nik) {
        return jdbc.sql("select max(t.wage) from membership_term t join worker w on w.id = t.worker_id where w.nik = ?")
                .param(nik).query(java.math.BigDecimal.class).single();
    }

    @Test
    void theApiRegistersAPuWageOfOneHundredAsTypedAndWarnsAsTheQuoteDoes() throws Exception {
        String nik = Niks.unique("63.05.01", "P", BIRTH);
        var low = api().postJson("/api/v1/workers", registration(nik, "P", "100"));
        assertThat(low.statusCode()).as(low.body()).isEqualTo(201);
        JsonNode body = JSON.readTree(low.body());
        assertThat(body.get("villageCode").asString()).as("the worker's members as before").isEqualTo(VILLAGE);
        JsonNode warning = body.get("warnings").get(0);
        assertThat(warning.get("code").asString()).isEqualTo("WAGE_BELOW_USUAL_MINIMUM");
        assertThat(warning.get("field").asString()).isEqualTo("wage");
        // in the answer's language (Indonesian by default), the wage and the usual least named in the sentence
        assertThat(warning.get("message").asString()).startsWith("Upah Rp 100 di bawah Rp 1.000.000, lebih rendah dari upah yang biasa");
        assertThat(body.get("warnings").size()).isEqualTo(1);
        assertThat(storedWage(nik)).isEqualByComparingTo("100");

        // the quote of the same terms warns with the same shape
        var quote = api().postJson("/api/v1/quotes/contribution",
                "{\"segment\":\"PU\",\"month\":\"2025-03\",\"wage\":100,\"risk\":\"VERY_LOW\",\"programs\":[\"JKK\",\"JKM\"]}");
        JsonNode quoted = JSON.readTree(quote.body()).get("warnings").get(0);
        assertThat(quoted.get("code").asString()).isEqualTo(warning.get("code").asString());
        assertThat(quoted.get("field").asString()).isEqualTo(warning.get("field").asString());

        var usual = api().postJson("/api/v1/workers", registration(Niks.unique("63.05.01", "L", BIRTH), "L", "2500000"));
        assertThat(usual.statusCode()).as(usual.body()).isEqualTo(201);
        assertThat(JSON.readTree(usual.body()).get("warnings").isEmpty()).isTrue();
    }

    /** The new-worker form of a PU wage earner of the test's village with this wage. */
    private static Map<String, String> workerForm(String csrf, String nik, String wage) {
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", csrf);
        form.put("nik", nik);
        form.put("name", "Ahmad Fauzi");
        form.put("sex", "L");
        form.put("birthDate", BIRTH.toString());
        form.put("villageCode", VILLAGE);
        form.put("category", "PERANGKAT_DESA");
        form.put("programs", "JKK,JKM");
        form.put("wage", wage);
        form.put("startDate", "2025-03-01");
        return form;
    }

    @Test
    void theFormRegistersAPuWageOfOneHundredAndItsResultPageSaysTheWageLooksWrong() {
        Http dpmd = RegistryFixture.browser(port, accounts, "warn-form", Role.DPMD, "63.05");
        String nik = Niks.unique("63.05.01", "L", BIRTH);
        var response = dpmd.postForm("/pekerja/baru", workerForm(Http.csrfOf(dpmd.get("/pekerja/baru").body()), nik, "100"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(302);
        String page = dpmd.get(java.net.URI.create(response.headers().firstValue("Location").orElseThrow()).getPath()).body();
        // the page names the wage and the usual least as the English page does, not only "lower than usual"
        assertThat(page).contains("Pekerja terdaftar.").contains("data-code=\"WAGE_BELOW_USUAL_MINIMUM\"")
                .contains("Upah Rp 100 di bawah Rp 1.000.000, lebih rendah dari upah yang biasa dilaporkan");
        assertThat(storedWage(nik)).isEqualByComparingTo("100");
    }

    /**
     * A refused value's text on the form names the limit, in Indonesian as in English: "Upah terlalu banyak digit."
     * dropped the 16 digits the English message names. Nothing is registered.
     */
    @Test
    void aRefusedWageOnTheFormNamesItsLimitInIndonesianAsInEnglish() {
        for (String language : new String[] {"id", "en"}) {
            Http dpmd = RegistryFixture.browser(port, accounts, "warn-form-" + language, Role.DPMD, "63.05");
            var response = dpmd.postForm("/pekerja/baru?lang=" + language, workerForm(Http.csrfOf(dpmd.get("/pekerja/baru?lang="
                    + language).body()), Niks.unique("63.05.01", "L", BIRTH), "12345678901234567"));
            assertThat(response.statusCode()).as(response.body()).isNotEqualTo(302);
            assertThat(response.body()).contains("id".equals(language) ? "Upah paling banyak 16 digit." : "A wage has at most 16 digits.");
        }
    }

    @Test
    void theImportImportsAPuWageOfOneHundredAndItsReportHasAWarningLineNotARejection() throws Exception {
        String low = Niks.unique("63.05.01", "P", BIRTH);
        String usual = Niks.unique("63.05.01", "L", BIRTH);
        String csv = "nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date\n"
                + low + ",Dewi Lestari,P," + BIRTH + "," + VILLAGE + ",PERANGKAT_DESA,PU,100,VERY_LOW,JKK;JKM,APBDES,2025-03-01\n"
                + usual + ",Budi Santoso,L," + BIRTH + "," + VILLAGE + ",PERANGKAT_DESA,PU,2500000,VERY_LOW,JKK;JKM,APBDES,2025-03-01\n";
        Multipart upload = Multipart.form().file("file", "warnings.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        var created = api().post("/api/v1/imports", upload.contentType(), upload.body());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode batch = JSON.readTree(created.body());
        assertThat(batch.get("validRows").asLong()).isEqualTo(2);
        assertThat(batch.get("rejectedRows").asLong()).isZero();
        JsonNode warning = batch.get("warnings").get(0);
        assertThat(warning.get("line").asLong()).isEqualTo(2);
        assertThat(warning.get("field").asString()).isEqualTo("wage");
        assertThat(warning.get("code").asString()).isEqualTo("WAGE_BELOW_USUAL_MINIMUM");
        assertThat(batch.get("warnings").size()).isEqualTo(1);

        long id = batch.get("id").asLong();
        JsonNode confirmed = JSON.readTree(api().post("/api/v1/imports/" + id + "/confirm", "application/json", new byte[0]).body());
        assertThat(confirmed.get("workersCreated").asLong()).isEqualTo(2);
        assertThat(confirmed.get("warnings").get(0).get("line").asLong()).isEqualTo(2);
        assertThat(storedWage(low)).isEqualByComparingTo("100");
        assertThat(api().get("/api/v1/imports/" + id + "/rejections.csv").body()).as("no rejected row")
                .doesNotContain("WAGE_BELOW_USUAL_MINIMUM").doesNotContain(low);

        Http page = RegistryFixture.browser(port, accounts, "warn-dpmd", Role.DPMD, "63.05");
        assertThat(page.get("/impor/pekerja/" + id).body()).contains("Baris dengan peringatan")
                .contains("data-code=\"WAGE_BELOW_USUAL_MINIMUM\"").doesNotContain("Baris yang ditolak");
    }
}
