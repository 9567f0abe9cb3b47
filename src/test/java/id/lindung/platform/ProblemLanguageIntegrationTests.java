package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An API problem's {@code detail} and {@code message}s follow Accept-Language: Indonesian unless the client asks for
 * English (they were English only); the codes, fields and status never change with the language.
 */
@IntegrationTest
class ProblemLanguageIntegrationTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String BAD_QUOTE = "{\"segment\":\"XX\",\"month\":\"2025-13\",\"wage\":2000000,\"programs\":[\"JKM\"]}";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    private JsonNode send(String method, String path, String body, String language) throws Exception {
        HttpResponse<String> response = answer(method, path, body, language);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        return JSON.readTree(response.body());
    }

    private HttpResponse<String> answer(String method, String path, String body, String language) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + TestUsers.token(accounts, "problem-language", Role.DPMD, "64.02"))
                .header("Content-Type", "application/json")
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (language != null) {
            request.header("Accept-Language", language);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * A quote's warnings were English on an Indonesian answer ("wage 100 is below 1000000 rupiah, ..."): they follow the
     * request's language as problems do, the wage and the usual least named in the sentence; the code never changes.
     */
    @Test
    void aWarningIsIndonesianByDefaultAndEnglishWhenTheClientAsksForEnglish() throws Exception {
        String lowWage = "{\"segment\":\"PU\",\"month\":\"2025-04\",\"wage\":100,\"risk\":\"VERY_LOW\",\"programs\":[\"JKK\",\"JKM\"]}";
        for (String indonesian : new String[] {null, "id"}) {
            HttpResponse<String> response = answer("POST", "/api/v1/quotes/contribution", lowWage, indonesian);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode warning = JSON.readTree(response.body()).get("warnings").get(0);
            assertThat(warning.get("code").asString()).isEqualTo("WAGE_BELOW_USUAL_MINIMUM");
            assertThat(warning.get("field").asString()).isEqualTo("wage");
            assertThat(warning.get("message").asString()).as(indonesian).isEqualTo("Upah Rp 100 di bawah Rp 1.000.000, lebih rendah dari "
                    + "upah yang biasa dilaporkan; periksa apakah itu upah sebulan, bukan angka dalam ribuan.");
        }
        JsonNode english = JSON.readTree(answer("POST", "/api/v1/quotes/contribution", lowWage, "en").body()).get("warnings").get(0);
        assertThat(english.get("code").asString()).isEqualTo("WAGE_BELOW_USUAL_MINIMUM");
        assertThat(english.get("message").asString()).startsWith("wage 100 is below 1000000 rupiah, less than anyone is usually reported at");
    }

    /**
     * A benefit quote's rejections were English on an Indonesian answer ("the JKM scholarship needs 3 years of
     * membership; ..."): they follow the request's language as warnings do, with the values of the English sentence;
     * the code never changes.
     */
    @Test
    void aBenefitRejectionIsIndonesianByDefaultAndEnglishWhenTheClientAsksForEnglish() throws Exception {
        String shortMembership = "{\"case\":\"JKM_DEATH\",\"date\":\"2025-05-10\",\"segment\":\"BPU\",\"wage\":1000000,"
                + "\"membershipStart\":\"2024-01-01\",\"children\":2}";
        for (String indonesian : new String[] {null, "id"}) {
            HttpResponse<String> response = answer("POST", "/api/v1/quotes/benefit", shortMembership, indonesian);
            assertThat(response.statusCode()).isEqualTo(200);
            JsonNode rejection = JSON.readTree(response.body()).get("rejections").get(0);
            assertThat(rejection.get("code").asString()).isEqualTo("SCHOLARSHIP_MEMBERSHIP_TOO_SHORT");
            assertThat(rejection.get("message").asString()).as(indonesian)
                    .isEqualTo("SCHOLARSHIP_MAX: Beasiswa JKM memerlukan kepesertaan paling sedikit 3 tahun; kepesertaan dimulai 2024-01-01.");
        }
        JsonNode english = JSON.readTree(answer("POST", "/api/v1/quotes/benefit", shortMembership, "en").body()).get("rejections").get(0);
        assertThat(english.get("code").asString()).isEqualTo("SCHOLARSHIP_MEMBERSHIP_TOO_SHORT");
        assertThat(english.get("message").asString()).isEqualTo("SCHOLARSHIP_MAX: the JKM scholarship needs 3 years of membership; membership started 2024-01-01");
    }

    @Test
    void anInputProblemIsIndonesianByDefaultAndEnglishWhenTheClientAsksForEnglish() throws Exception {
        for (String indonesian : new String[] {null, "id", "id-ID,id;q=0.9,en;q=0.5", "fr"}) {
            JsonNode problem = send("POST", "/api/v1/quotes/contribution", BAD_QUOTE, indonesian);
            assertThat(problem.get("status").asInt()).isEqualTo(400);
            assertThat(problem.get("code").asString()).isEqualTo("INVALID_INPUT");
            JsonNode month = problem.get("errors").get(1);
            assertThat(month.get("field").asString()).isEqualTo("month");
            assertThat(month.get("code").asString()).isEqualTo("INVALID_MONTH");
            assertThat(month.get("message").asString()).as(indonesian).isEqualTo("Bulan '2025-13' tidak sah; tulis sebagai YYYY-MM.");
            assertThat(problem.get("errors").get(0).get("message").asString()).isEqualTo("Nilai 'XX' tidak ada dalam pilihan. Pilihan: PU, BPU.");
            assertThat(problem.get("detail").asString()).isEqualTo("segment: Nilai 'XX' tidak ada dalam pilihan. Pilihan: PU, BPU. (dan 1 masalah lain)");
        }
        // a value of the wrong kind says in Indonesian what kind of value the field takes (the audit trail, which only an
        // auditor or an administrator may read: any other role is refused before its parameters are read)
        JsonNode date = JSON.readTree(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/audit?from=kemarin"))
                .header("Authorization", "Bearer " + TestUsers.token(accounts, "problem-language-auditor", Role.AUDITOR, "64.02"))
                .GET().build(), HttpResponse.BodyHandlers.ofString()).body());
        assertThat(date.get("code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(date.get("errors").get(0).get("message").asString()).isEqualTo("Nilai 'kemarin' tidak sah untuk isian ini. Seharusnya tanggal YYYY-MM-DD.");
        for (String english : new String[] {"en", "en-US,en;q=0.9", "fr, en;q=0.8, id;q=0.5"}) {
            JsonNode problem = send("POST", "/api/v1/quotes/contribution", BAD_QUOTE, english);
            assertThat(problem.get("code").asString()).isEqualTo("INVALID_INPUT");
            assertThat(problem.get("errors").get(1).get("code").asString()).isEqualTo("INVALID_MONTH");
            assertThat(problem.get("errors").get(1).get("message").asString()).as(english).isEqualTo("month '2025-13' is not YYYY-MM");
            assertThat(problem.get("detail").asString()).startsWith("segment: segment 'XX' is not one of [PU, BPU]");
        }
    }

    /**
     * The Indonesian sentence is chosen by how many values the English one names, and places them by position: an audit
     * period named its start first where the sentence expects its end ("Tanggal berakhir 2026-12-01 sebelum tanggal mulai
     * 2026-01-01", false), and the what-if's "perangkatPerDesa is 0 to 100" read as "Jumlah orang 0 melebihi 100".
     */
    @Test
    void aSentencePlacesEachValueWhereItsMeaningIs() throws Exception {
        HttpRequest audit = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/audit?from=2026-12-01&to=2026-01-01"))
                .header("Authorization", "Bearer " + TestUsers.token(accounts, "problem-language-admin", Role.ADMIN, "ID")).GET().build();
        JsonNode period = JSON.readTree(HttpClient.newHttpClient().send(audit, HttpResponse.BodyHandlers.ofString()).body());
        assertThat(period.get("code").asString()).isEqualTo("PERIOD_INVALID");
        assertThat(period.get("errors").get(0).get("message").asString())
                .isEqualTo("Tanggal berakhir 2026-01-01 sebelum tanggal mulai 2026-12-01.");
        JsonNode tooMany = send("POST", "/api/v1/what-if", "{\"region\":\"64.02\",\"perangkatPerDesa\":101}", null);
        assertThat(tooMany.get("errors").get(0).get("code").asString()).isEqualTo("COUNT_TOO_LARGE");
        assertThat(tooMany.get("errors").get(0).get("message").asString()).isEqualTo("Jumlah orang paling banyak 100.");
        JsonNode negative = send("POST", "/api/v1/what-if", "{\"region\":\"64.02\",\"vulnerablePerDesa\":-3}", null);
        assertThat(negative.get("errors").get(0).get("code").asString()).isEqualTo("NEGATIVE_COUNT");
        assertThat(negative.get("errors").get(0).get("message").asString()).isEqualTo("Jumlah orang tidak boleh negatif: -3.");
    }

    @Test
    void aNotFoundIsIndonesianByDefaultAndEnglishWhenTheClientAsksForEnglish() throws Exception {
        JsonNode indonesian = send("GET", "/api/v1/regions/99", null, null);
        assertThat(indonesian.get("status").asInt()).isEqualTo(404);
        assertThat(indonesian.get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(indonesian.get("detail").asString()).isEqualTo("Wilayah 99 tidak ditemukan, atau di luar wilayah Anda.");
        JsonNode english = send("GET", "/api/v1/regions/99", null, "en");
        assertThat(english.get("code").asString()).isEqualTo("NOT_FOUND");
        assertThat(english.get("detail").asString()).isEqualTo("Region 99 not found");
        // the public check's own sentence, in both languages
        String unknown = "{\"nik\":\"6402051708850009\",\"birthDate\":\"1985-08-17\"}";
        JsonNode publicEnglish = send("POST", "/api/v1/public/protection", unknown, "en");
        if (publicEnglish.get("status").asInt() == 404) {
            assertThat(publicEnglish.get("detail").asString()).isEqualTo("No participant with that NIK and birth date");
        }
    }

    /**
     * A refusal for the caller's role read "Peran Anda tidak diizinkan melakukan ini. Nilai: ADMIN, BPJS_OFFICER." in
     * Indonesian, as if those were the roles refused: the sentence names who may (a DPMD reversing a payment, changing a
     * worker category); the English sentence, the code and the status never change.
     */
    @Test
    void aRefusalForTheRoleNamesWhoMayInIndonesianAndIsUnchangedInEnglish() throws Exception {
        String[][] refusals = {
                {"POST", "/api/v1/payments/987654321/reversal", "{\"reason\":\"salah catat\"}",
                        "Hanya ADMIN dan BPJS_OFFICER yang boleh membatalkan pembayaran.", "Only ADMIN and BPJS_OFFICER may reverse a payment"},
                {"PUT", "/api/v1/worker-categories/KEPALA_DESA", "{\"nameId\":\"Kepala desa\"}",
                        "Hanya ADMIN yang boleh mengubah kategori pekerja.", "Only ADMIN may change worker categories"}};
        for (String[] refusal : refusals) {
            for (String indonesian : new String[] {null, "id"}) {
                JsonNode problem = send(refusal[0], refusal[1], refusal[2], indonesian);
                assertThat(problem.get("status").asInt()).isEqualTo(403);
                assertThat(problem.get("code").asString()).isEqualTo("FORBIDDEN");
                assertThat(problem.get("detail").asString()).as(refusal[1]).isEqualTo(refusal[3]);
            }
            JsonNode english = send(refusal[0], refusal[1], refusal[2], "en");
            assertThat(english.get("status").asInt()).isEqualTo(403);
            assertThat(english.get("code").asString()).isEqualTo("FORBIDDEN");
            assertThat(english.get("detail").asString()).isEqualTo(refusal[4]);
        }
    }

    /**
     * A 401 or 403 written by the security filters, before the language step of a controller's answer, was English to
     * everyone ("Refused: Access Denied" to a read-only role's write, "Sign in, or send an API token ..." with no token):
     * it follows the rule of every other problem, Indonesian by default, English with Accept-Language: en, ?lang=en or
     * the language cookie; the code and status never change.
     */
    @Test
    void aRefusalOfTheSecurityFiltersFollowsTheLanguageOfEveryOtherProblem() throws Exception {
        String auditor = "Bearer " + TestUsers.token(accounts, "problem-language-auditor", Role.AUDITOR, "64.02");
        String[][] refusals = {
                {auditor, "/api/v1/payers", "403", "FORBIDDEN", "Peran AUDITOR tidak diizinkan melakukan ini.", "Role AUDITOR may not do this"},
                {null, "/api/v1/payers", "401", "UNAUTHENTICATED", "Masuk dahulu, atau kirim token API: Authorization: Bearer <token>.",
                        "Sign in, or send an API token: Authorization: Bearer <token>"},
                {"Bearer no-such-token", "/api/v1/payers", "401", "TOKEN_INVALID", "Token API salah atau sudah dicabut.",
                        "Invalid or revoked API token"}};
        for (String[] refusal : refusals) {
            String[][] asks = {{null, null, refusal[4]}, {"Accept-Language", "id", refusal[4]}, {"Accept-Language", "en", refusal[5]},
                    {"Cookie", "lindung-lang=en", refusal[5]}, {"Cookie", "lindung-lang=id", refusal[4]}, {"?", "lang=en", refusal[5]}};
            for (String[] ask : asks) {
                String path = refusal[1] + ("?".equals(ask[0]) ? "?" + ask[1] : "");
                HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{}"));
                if (refusal[0] != null) {
                    request.header("Authorization", refusal[0]);
                }
                if (ask[0] != null && !"?".equals(ask[0])) {
                    request.header(ask[0], ask[1]);
                }
                HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
                assertThat(response.statusCode()).as(path + " " + ask[1]).isEqualTo(Integer.parseInt(refusal[2]));
                assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
                JsonNode problem = JSON.readTree(response.body());
                assertThat(problem.get("code").asString()).isEqualTo(refusal[3]);
                assertThat(problem.get("detail").asString()).as(refusal[3] + " " + ask[0] + " " + ask[1]).isEqualTo(ask[2]);
            }
        }
    }
}
