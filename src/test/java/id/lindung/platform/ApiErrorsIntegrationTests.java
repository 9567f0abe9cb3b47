package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one error model of the API (docs/api-errors.md): every error of every REST controller is an RFC 9457
 * problem, {@code application/problem+json}, with a stable {@code code}; 400 malformed, 404 absent or out of
 * scope, 409 conflict with the current state, 422 refused by a rule, and never a 500 for bad input.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiErrorsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String VILLAGE = "64.02.05.2001";
    static final String NEIGHBOUR = "64.02.05.2002";
    /** A kelurahan of the same regency: it has no APBDes to take over a village official's share. */
    static final String KELURAHAN = "64.02.06.1001";
    static final String RUN = Long.toString(System.nanoTime() % 100000);

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    private final Map<String, Http> users = new HashMap<>();
    private final Map<String, String> vars = new HashMap<>();

    /** One request and the problem it must answer with. {@code ${name}} in path and body is a fixture value. */
    record Case(String controller, int status, String code, String user, String method, String path, String contentType,
                String body) {
        @Override
        public String toString() {
            return controller + ": " + (status == 0 ? "" : status + " " + code + " for ") + method + " " + path;
        }
    }

    static Case get(String controller, int status, String code, String user, String path) {
        return new Case(controller, status, code, user, "GET", path, null, null);
    }

    static Case post(String controller, int status, String code, String user, String path, String json) {
        return new Case(controller, status, code, user, "POST", path, "application/json", json);
    }

    static Case patch(String controller, int status, String code, String user, String path, String json) {
        return new Case(controller, status, code, user, "PATCH", path, "application/json", json);
    }

    static Case put(String controller, int status, String code, String user, String path, String json) {
        return new Case(controller, status, code, user, "PUT", path, "application/json", json);
    }

    static Case csv(String controller, int status, String code, String user, String path, String csv) {
        return new Case(controller, status, code, user, "POST", path, "text/csv", csv);
    }

    @BeforeAll
    void fixtures() {
        users.put("admin", Http.withToken(port, TestUsers.token(accounts, "errors-admin", Role.ADMIN, "ID")));
        users.put("dpmd", Http.withToken(port, TestUsers.token(accounts, "errors-dpmd", Role.DPMD, "64.02")));
        users.put("monitor", Http.withToken(port, TestUsers.token(accounts, "errors-monitor", Role.MONITOR, "64.02")));
        users.put("stranger", Http.withToken(port, TestUsers.token(accounts, "errors-stranger", Role.DPMD, "73.02")));
        users.put("anonymous", Http.anonymous(port));
        users.put("badtoken", Http.withToken(port, "ldg_not-a-token"));
        Http dpmd = users.get("dpmd");
        Http admin = users.get("admin");

        // a village official paid by the village, who cannot move to a kelurahan without naming a new payer
        LocalDate birth = LocalDate.of(1981, 3, 9);
        String official = """
                {"nik":"%s","name":"Joko Galat","sex":"L","birthDate":"1981-03-09","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM"],"segment":"PU","wage":2500000,"riskGroup":"VERY_LOW","payer":"APBDES","startDate":"2025-01-01"}"""
                .formatted(Niks.unique("64.02.05", "L", birth), VILLAGE);
        created(dpmd.postJson("/api/v1/workers", official));
        vars.put("official", official);
        vars.put("nik", JSON.readTree(official).get("nik").asString());

        // two likely duplicates, the flag already resolved once
        LocalDate twins = LocalDate.of(1977, 7, 21);
        for (String[] w : new String[][] {{"Ahmad Galat", VILLAGE}, {"Achmad Galat", NEIGHBOUR}}) {
            created(dpmd.postJson("/api/v1/workers", """
                    {"nik":"%s","name":"%s","sex":"L","birthDate":"1977-07-21","villageCode":"%s","category":"NELAYAN"}"""
                    .formatted(Niks.unique("64.02.05", "L", twins), w[0], w[1])));
        }
        String flag = JSON.readTree(dpmd.get("/api/v1/villages/" + VILLAGE + "/likely-duplicates?size=500").body())
                .get("items").get(0).get("id").asString();
        vars.put("flag", flag);
        ok(dpmd.postJson("/api/v1/likely-duplicates/" + flag, "{\"status\":\"DIFFERENT_PEOPLE\"}"));

        // an employer
        vars.put("employerName", "PT Galat " + RUN);
        vars.put("employer", JSON.readTree(created(dpmd.postJson("/api/v1/payers", employer(vars.get("employerName")))).body())
                .get("code").asString());
        vars.put("employer", encoded(vars.get("employer")));
        vars.put("otherEmployer", JSON.readTree(created(dpmd.postJson("/api/v1/payers", employer("CV Lain Galat " + RUN))).body())
                .get("code").asString());
        vars.put("otherEmployer", encoded(vars.get("otherEmployer")));

        // a payment, already reversed once
        String payment = "{\"payer\":\"APBDES:" + VILLAGE + "\",\"reference\":\"GALAT-" + RUN + "\",\"date\":\"2025-03-03\",\"amount\":10800}";
        vars.put("payment", payment);
        vars.put("reusedPayment", payment.replace("10800", "999"));
        vars.put("paymentId", JSON.readTree(created(dpmd.postJson("/api/v1/payments", payment)).body()).get("id").asString());
        var reversed = admin.postJson("/api/v1/payments/" + vars.get("paymentId") + "/reversal", "{\"reason\":\"salah input\"}");
        assertThat(reversed.statusCode()).as(reversed.body()).isEqualTo(204);

        // an import batch that failed validation (no usable header): it cannot be confirmed
        var batch = dpmd.upload("/api/v1/imports", "file", "galat.csv", "foo,bar\n1,2\n".getBytes(StandardCharsets.UTF_8), "unused");
        // a file with nothing to import is refused (422, issue 12 item 11), its batch kept for the rejection file
        assertThat(batch.statusCode()).as(batch.body()).isEqualTo(422);
        vars.put("batch", JSON.readTree(batch.body()).get("batch").asString());
    }

    static String encoded(String payerCode) {
        return java.net.URLEncoder.encode(payerCode, StandardCharsets.UTF_8).replace("+", "%20");
    }

    static String employer(String name) {
        return "{\"kind\":\"EMPLOYER\",\"name\":\"" + name + "\",\"regionCode\":\"" + VILLAGE + "\"}";
    }

    static Stream<Case> cases() {
        return Stream.of(
                // RegionApiController
                get("regions", 400, "INVALID_VALUE", "dpmd", "/api/v1/regions/64.02?year=last"),
                get("regions", 400, "INVALID_VALUE", "dpmd", "/api/v1/regions/64.02/children?page=one"),
                get("regions", 404, "NOT_FOUND", "dpmd", "/api/v1/regions/73.02"),
                get("regions", 404, "NOT_FOUND", "dpmd", "/api/v1/regions/not-a-code"),
                csv("regions", 400, "NEGATIVE", "admin", "/api/v1/workforce/imports",
                        "region_code,year,potential_workers,source\n11.01,2024,-1,BPS\n"),
                csv("regions", 403, "FORBIDDEN", "monitor", "/api/v1/workforce/imports",
                        "region_code,year,potential_workers,source\n64.02,2024,10,BPS\n"),
                // RegulationApiController: reads only; what it can answer besides 200 is a refused sign-in or method
                // a line break or tab in an API's query parameter is refused, never trimmed away (review of 6 December 2026)
                get("coverage", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/coverage?region=64.02&date=2026-01-01%0A"),
                get("coverage", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/coverage?region=64.02%0D"),
                // a search longer than any name or code (review of 6 December 2026: 3,000 characters ran and were audited)
                get("payers", 400, "TOO_LONG", "dpmd", "/api/v1/payers?q=" + "a".repeat(201)),
                get("workers", 400, "TOO_LONG", "dpmd", "/api/v1/workers?q=" + "a".repeat(201)),
                get("coverage", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/coverage/trend?region=64.02&from=%092026-01&to=2026-02"),
                get("regulations", 401, "UNAUTHENTICATED", "anonymous", "/api/v1/regulations"),
                get("regulations", 401, "TOKEN_INVALID", "badtoken", "/api/v1/regulations"),
                post("regulations", 405, "METHOD_NOT_ALLOWED", "admin", "/api/v1/regulations", "{}"),
                get("regulations", 404, "NOT_FOUND", "admin", "/api/v1/no-such-thing"),
                // QuoteApiController
                post("quotes", 400, "MALFORMED_BODY", "dpmd", "/api/v1/quotes/contribution", "{\"segment\": "),
                post("quotes", 400, "INVALID_INPUT", "dpmd", "/api/v1/quotes/contribution",
                        "{\"segment\":\"XX\",\"month\":\"2025-13\",\"programs\":[]}"),
                post("quotes", 400, "INVALID_VALUE", "dpmd", "/api/v1/quotes/contribution",
                        "{\"segment\":\"PU\",\"month\":\"2025-04\",\"wage\":\"banyak\",\"programs\":[\"JKM\"]}"),
                post("quotes", 400, "REQUIRED", "dpmd", "/api/v1/quotes/benefit",
                        "{\"case\":\"JKK_PARTIAL_DISABILITY\",\"date\":\"2025-06-01\",\"wage\":3000000}"),
                // a fact given out of its range is said so, not "required" (contract review of 6 December 2026)
                post("quotes", 400, "OUT_OF_RANGE", "dpmd", "/api/v1/quotes/benefit",
                        "{\"case\":\"JKK_PARTIAL_DISABILITY\",\"date\":\"2025-06-01\",\"wage\":3000000,\"percent\":150}"),
                post("quotes", 400, "OUT_OF_RANGE", "dpmd", "/api/v1/quotes/benefit",
                        "{\"case\":\"JKK_TEMPORARY_DISABILITY\",\"date\":\"2025-06-01\",\"wage\":3000000,\"months\":-1}"),
                // a percentage whose plain form would fill the heap, and one finer than a rate holds (both were 500s)
                post("quotes", 400, "OUT_OF_RANGE", "dpmd", "/api/v1/quotes/benefit",
                        "{\"case\":\"JKK_PARTIAL_DISABILITY\",\"date\":\"2025-06-01\",\"wage\":3000000,\"percent\":1e999999999}"),
                post("quotes", 400, "TOO_PRECISE", "dpmd", "/api/v1/quotes/benefit",
                        "{\"case\":\"JKK_PARTIAL_DISABILITY\",\"date\":\"2025-06-01\",\"wage\":3000000,\"percent\":1e-30}"),
                post("quotes", 400, "TOO_PRECISE", "dpmd", "/api/v1/quotes/benefit",
                        "{\"case\":\"JKK_PARTIAL_DISABILITY\",\"date\":\"2025-06-01\",\"wage\":3000000,\"percent\":33.333333333}"),
                post("quotes", 422, "BPU_JP_NOT_AVAILABLE", "dpmd", "/api/v1/quotes/contribution",
                        "{\"segment\":\"BPU\",\"month\":\"2025-04\",\"wage\":1000000,\"programs\":[\"JKK\",\"JKM\",\"JP\"]}"),
                post("quotes", 422, "PROGRAMME_NOT_YET_IN_FORCE", "dpmd", "/api/v1/quotes/contribution",
                        "{\"segment\":\"PU\",\"month\":\"1990-01\",\"wage\":1000000,\"risk\":\"VERY_LOW\",\"programs\":[\"JKK\"]}"),
                // WorkerApiController
                post("workers", 400, "INVALID_VALUE", "dpmd", "/api/v1/workers", "{\"category\":\"ASTRONOT\"}"),
                get("workers", 400, "INVALID_VALUE", "dpmd", "/api/v1/workers?category=ASTRONOT"),
                // a masked role cannot search by NIK at all (issue 12 item 1; was NIK_SEARCH_NEEDS_WHOLE_NIK for a prefix)
                get("workers", 400, "NIK_SEARCH_NOT_ALLOWED", "monitor", "/api/v1/workers?q=640205"),
                get("workers", 400, "NIK_SEARCH_NOT_ALLOWED", "monitor", "/api/v1/workers/export.csv?q=640205"),
                get("workers", 404, "NOT_FOUND", "stranger", "/api/v1/workers/${nik}"),
                get("workers", 404, "NOT_FOUND", "stranger", "/api/v1/workers/export.csv?region=" + VILLAGE),
                post("workers", 409, "NIK_ALREADY_REGISTERED", "dpmd", "/api/v1/workers", "${official}"),
                post("workers", 409, "STATUS_UNCHANGED", "dpmd", "/api/v1/workers/${nik}/status",
                        "{\"status\":\"ACTIVE\",\"reason\":\"tetap\",\"effectiveOn\":\"2025-08-01\"}"),
                post("workers", 422, "KELURAHAN_HAS_NO_APBDES", "dpmd", "/api/v1/workers/${nik}/transfer",
                        "{\"villageCode\":\"" + KELURAHAN + "\",\"effectiveOn\":\"2025-06-01\"}"),
                post("workers", 403, "FORBIDDEN", "monitor", "/api/v1/workers/${nik}/status",
                        "{\"status\":\"DECEASED\",\"reason\":\"x\",\"effectiveOn\":\"2025-08-01\"}"),
                // LikelyDuplicateApiController
                post("likely duplicates", 400, "INVALID_VALUE", "dpmd", "/api/v1/likely-duplicates/${flag}", "{\"status\":\"OPEN\"}"),
                post("likely duplicates", 400, "REQUIRED", "dpmd", "/api/v1/likely-duplicates/${flag}", "{}"),
                get("likely duplicates", 404, "NOT_FOUND", "stranger", "/api/v1/villages/" + VILLAGE + "/likely-duplicates"),
                post("likely duplicates", 409, "ALREADY_RESOLVED", "dpmd", "/api/v1/likely-duplicates/${flag}",
                        "{\"status\":\"SAME_PERSON\"}"),
                // PayerApiController
                post("payers", 400, "REQUIRED", "dpmd", "/api/v1/payers", "{\"kind\":\"EMPLOYER\",\"regionCode\":\"" + VILLAGE + "\"}"),
                get("payers", 400, "KIND_INVALID", "dpmd", "/api/v1/payers?kind=BANK"),
                get("payers", 404, "NOT_FOUND", "stranger", "/api/v1/payers/${employer}"),
                post("payers", 409, "PAYER_EXISTS", "dpmd", "/api/v1/payers", employer("pt  galat " + RUN)),
                patch("payers", 400, "PHONE_INVALID", "dpmd", "/api/v1/payers/${employer}", "{\"phone\":\"12\"}"),
                patch("payers", 409, "PAYER_EXISTS", "dpmd", "/api/v1/payers/${otherEmployer}", "{\"name\":\"${employerName}\"}"),
                get("payers", 422, "KIND_NOT_LISTED", "dpmd", "/api/v1/payers?kind=SELF"),
                // WorkerCategoryApiController
                post("worker categories", 400, "CODE_INVALID", "admin", "/api/v1/worker-categories",
                        "{\"code\":\"guru ngaji!\",\"nameId\":\"x\",\"nameEn\":\"x\"}"),
                post("worker categories", 403, "FORBIDDEN", "dpmd", "/api/v1/worker-categories",
                        "{\"code\":\"GURU_TPA\",\"nameId\":\"x\",\"nameEn\":\"x\"}"),
                put("worker categories", 403, "FORBIDDEN", "dpmd", "/api/v1/worker-categories/PETANI", "{\"nameId\":\"Tani\"}"),
                get("worker categories", 404, "NOT_FOUND", "dpmd", "/api/v1/worker-categories/ASTRONOT"),
                post("worker categories", 409, "CATEGORY_EXISTS", "admin", "/api/v1/worker-categories",
                        "{\"code\":\"PETANI\",\"nameId\":\"x\",\"nameEn\":\"x\"}"),
                // ImportApiController
                post("imports", 400, "MULTIPART_REQUIRED", "dpmd", "/api/v1/imports", "{}"),
                get("imports", 400, "INVALID_VALUE", "dpmd", "/api/v1/imports/first"),
                get("imports", 404, "NOT_FOUND", "dpmd", "/api/v1/imports/987654321"),
                get("imports", 404, "NOT_FOUND", "stranger", "/api/v1/imports/${batch}"),
                post("imports", 409, "BATCH_NOT_VALIDATED", "dpmd", "/api/v1/imports/${batch}/confirm", ""),
                post("imports", 403, "FORBIDDEN", "monitor", "/api/v1/imports/${batch}/confirm", ""),
                // BillingApiController
                post("billing", 400, "INVALID_MONTH", "admin", "/api/v1/billing/runs", "{\"month\":\"2025-13\"}"),
                post("billing", 400, "REQUIRED", "admin", "/api/v1/billing/runs", "{\"dryRun\":true}"),
                post("billing", 400, "INVALID_MONTH", "admin", "/api/v1/billing/runs", "{\"month\":\"2026-01\\u0000\"}"),
                post("billing", 400, "INVALID", "dpmd", "/api/v1/payments",
                        "{\"payer\":\"APBDES:" + VILLAGE + "\",\"reference\":\"BRI\\u0000-1\",\"date\":\"2025-02-20\",\"amount\":1000}"),
                post("billing", 400, "INVALID", "dpmd", "/api/v1/payments",
                        "{\"payer\":\"APBDES:" + VILLAGE + "\",\"reference\":\"\",\"date\":\"2025-02-20\",\"amount\":-5}"),
                get("billing", 400, "INVALID_VALUE", "dpmd", "/api/v1/workers/${nik}/protection?date=kemarin"),
                // Java's years run to 999,999,999: month arithmetic on them was a 500 (security review); a year ahead is the limit
                get("billing", 400, "OUT_OF_RANGE", "dpmd", "/api/v1/workers/${nik}/protection?date=%2B999999999-12-31"),
                get("billing", 400, "OUT_OF_RANGE", "dpmd", "/api/v1/workers/${nik}/protection?date=2999-01-01"),
                get("billing", 400, "OUT_OF_RANGE", "dpmd", "/api/v1/workers/${nik}/protection?date=1899-12-31"),
                get("billing", 400, "OUT_OF_RANGE", "dpmd", "/api/v1/bills?month=%2B999999999-12"),
                get("billing", 400, "OUT_OF_RANGE", "dpmd", "/api/v1/bills?month=-999999999-01"),
                // the public check takes NIK and birth date in a POST body (issue 11 item 4); the old GET only says so
                post("billing", 400, "REQUIRED", "anonymous", "/api/v1/public/protection", "{\"nik\":\"6402051708850001\"}"),
                post("billing", 400, "INVALID_VALUE", "anonymous", "/api/v1/public/protection",
                        "{\"nik\":\"6402051708850001\",\"birthDate\":\"17-08-1985\"}"),
                get("billing", 410, "PUBLIC_CHECK_MOVED", "anonymous", "/api/v1/public/protection?nik=6402051708850001&birthDate=1985-08-17"),
                get("billing", 404, "NOT_FOUND", "dpmd", "/api/v1/bills/987654321"),
                // an em space is no padding a name may carry: the filter is refused, not widened
                get("coverage", 400, "STATUS_INVALID", "dpmd", "/api/v1/coverage/desa-sadar?region=64.02&status=SADAR%E2%80%83"),
                get("billing", 404, "NOT_FOUND", "stranger", "/api/v1/workers/${nik}/protection"),
                post("billing", 409, "ALREADY_REVERSED", "admin", "/api/v1/payments/${paymentId}/reversal", "{\"reason\":\"lagi\"}"),
                post("billing", 409, "REFERENCE_REUSED", "dpmd", "/api/v1/payments", "${reusedPayment}"),
                post("billing", 422, "MONTH_TOO_FAR", "admin", "/api/v1/billing/runs", "{\"month\":\"2099-01\"}"),
                post("billing", 403, "FORBIDDEN", "monitor", "/api/v1/billing/runs", "{\"month\":\"2025-01\"}"),
                // AuditController (its API face)
                get("audit", 400, "INVALID_VALUE", "admin", "/api/v1/audit?from=yesterday"),
                get("audit", 400, "REGION_INVALID", "admin", "/api/v1/audit?region=x.y"),
                // a period that ends before it starts, and named filters that are no names, are refused, not answered with nothing
                get("audit", 400, "PERIOD_INVALID", "admin", "/api/v1/audit?from=2026-12-01&to=2026-01-01"),
                get("workers", 400, "INVALID_VALUE", "dpmd", "/api/v1/workers?status=xyz"),
                get("workers", 400, "INVALID_VALUE", "dpmd", "/api/v1/workers?status=act%C4%B1ve"),
                // a list's region filter that is no region code is one error everywhere, told apart from a region
                // outside the scope (404); the worker, payer and claim lists answered it as not found
                get("workers", 400, "REGION_INVALID", "dpmd", "/api/v1/workers?region=64.02."),
                get("workers", 404, "NOT_FOUND", "dpmd", "/api/v1/villages/xyz/workers"),
                get("payers", 400, "REGION_INVALID", "dpmd", "/api/v1/payers?region=64.02."),
                get("claims", 400, "REGION_INVALID", "dpmd", "/api/v1/claims?region=64.02."),
                get("billing", 400, "REGION_INVALID", "dpmd", "/tagihan/ekspor?region=64.02.&format=csv"),
                get("billing", 400, "INVALID_VALUE", "dpmd", "/tagihan/ekspor?status=pa%C4%B1d&format=csv"),
                get("workers", 404, "NOT_FOUND", "dpmd", "/api/v1/workers?region=71.06"),
                get("payers", 404, "NOT_FOUND", "dpmd", "/api/v1/payers?region=71.06"),
                get("claims", 404, "NOT_FOUND", "dpmd", "/api/v1/claims?region=71.06"),
                // a well-formed code inside the scope that is no region is not found either (it listed nothing with a 200)
                get("workers", 404, "NOT_FOUND", "dpmd", "/api/v1/workers?region=64.02.99"),
                get("workers", 404, "NOT_FOUND", "dpmd", "/api/v1/villages/64.02.03.2999/workers"),
                get("workers", 404, "NOT_FOUND", "dpmd", "/api/v1/villages/64.02.03.2999/likely-duplicates"),
                get("payers", 404, "NOT_FOUND", "dpmd", "/api/v1/payers?region=64.02.03.2999"),
                get("claims", 404, "NOT_FOUND", "dpmd", "/api/v1/claims?region=64.02.99"),
                get("billing", 404, "NOT_FOUND", "dpmd", "/tagihan/ekspor?month=2026-11&region=64.02.99&format=csv"),
                get("billing", 404, "NOT_FOUND", "dpmd", "/tagihan/ekspor?region=71.06&format=csv"),
                get("budget", 400, "REGION_INVALID", "dpmd", "/api/v1/budget-plans/regions/64.02.?year=2027"),
                post("budget", 400, "REGION_INVALID", "dpmd", "/api/v1/what-if", "{\"region\":\"64.02.\"}"),
                // a control character in a region or payer code of a body or an address is refused as in a query parameter,
                // never read without it: "64.02\u0000" and "ID\u0000" answered the what-if of 64.02 and of Indonesia (200)
                post("budget", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/what-if", "{\"region\":\"64.02\\u0000\"}"),
                post("budget", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/what-if", "{\"region\":\"ID\\u0000\"}"),
                post("budget", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/what-if", "{\"region\":\"64.02\\u001f\"}"),
                // strip() read U+001F as a space: "APBDES\u001f" was taken for APBDES (200)
                post("budget", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/what-if", "{\"region\":\"64.02\",\"vulnerablePayer\":\"APBDES\\u001f\"}"),
                post("budget", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/budget-plans",
                        "{\"payer\":\"APBDES:64.02.03.2007\\u001f\",\"year\":2027}"),
                post("budget", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/budget-plans",
                        "{\"payer\":\"APBDES:64.02.03.2007\\u0000\",\"year\":2027}"),
                get("budget", 400, "INVALID_CHARACTER", "dpmd", "/api/v1/budget-plans/regions/64.02%1F?year=2027"),
                get("audit", 403, "FORBIDDEN", "dpmd", "/api/v1/audit"),
                // a page address refused by the security rules to a script (a token, no wish for HTML): the problem, not
                // Spring Boot's own error JSON (docs/api-errors.md)
                get("audit", 403, "FORBIDDEN", "monitor", "/admin/tokens"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void everyErrorIsAProblemWithAStableCode(Case c) {
        HttpResponse<String> response = send(c);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(c.status());
        assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body()).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(c.status());
        assertThat(problem.get("code").asString()).as(response.body()).isEqualTo(c.code());
        assertThat(problem.get("detail").asString()).isNotBlank();
        assertThat(response.body()).doesNotContain("Exception", "\tat ", "trace");
        // one shape whoever refused it: the controllers' handler or Spring Security before them (401, 403 FORBIDDEN)
        // (review of 6 December 2026: Spring Security's bodies had no instance)
        List<String> members = new java.util.ArrayList<>();
        problem.propertyNames().forEach(members::add);
        // "type" left out means about:blank (RFC 9457 section 4.2.1), as Spring writes a ProblemDetail; a problem may add
        // its own members (errors, where, inForceFrom)
        assertThat(members).as(response.body()).containsAll(List.of("title", "status", "detail", "instance", "code"))
                .doesNotContain("type");
        assertThat(problem.get("title").asString()).isNotBlank();
        assertThat(problem.get("instance").asString()).as(response.body()).isEqualTo(URI.create(response.uri().toString()).getRawPath());
    }

    /** Odd but possible requests: whatever they answer, it is not a 500, and an error is a problem. */
    static Stream<Case> oddRequests() {
        return Stream.of(
                get("regions", 0, null, "dpmd", "/api/v1/regions/64.02/children?page=-1&size=-5"),
                get("regions", 0, null, "dpmd", "/api/v1/regions?q=%25%27%22&limit=-1"),
                get("regions", 0, null, "dpmd", "/api/v1/regions/64.02.05.2001/children"),
                get("regions", 0, null, "dpmd", "/api/v1/regions/64.02/ancestors?year=1"),
                csv("regions", 0, null, "admin", "/api/v1/workforce/imports", ""),
                csv("regions", 0, null, "admin", "/api/v1/workforce/imports", "\"unterminated\n1,2"),
                get("workers", 0, null, "dpmd", "/api/v1/workers?page=-3&size=0&status=NONSENSE&payer=%3A%3A"),
                get("workers", 0, null, "dpmd", "/api/v1/workers?region=not-a-region"),
                get("workers", 0, null, "dpmd", "/api/v1/workers/123"),
                get("workers", 0, null, "dpmd", "/api/v1/nik/abc"),
                post("workers", 0, null, "dpmd", "/api/v1/workers", "{}"),
                post("workers", 0, null, "dpmd", "/api/v1/workers", "[]"),
                post("workers", 0, null, "dpmd", "/api/v1/workers/${nik}/memberships", "{}"),
                post("workers", 0, null, "dpmd", "/api/v1/workers/${nik}/memberships/JKK/end", "{}"),
                post("workers", 0, null, "dpmd", "/api/v1/workers/${nik}/memberships/XYZ/end", "{}"),
                post("workers", 0, null, "dpmd", "/api/v1/workers/${nik}/transfer", "{}"),
                post("workers", 0, null, "dpmd", "/api/v1/workers/${nik}/status", "{}"),
                post("workers", 0, null, "dpmd", "/api/v1/workers/${nik}/status", "{\"status\":\"DECEASED\",\"effectiveOn\":\"2099-01-01\"}"),
                get("likely duplicates", 0, null, "dpmd", "/api/v1/villages/" + VILLAGE + "/likely-duplicates?page=-1&size=-1"),
                post("likely duplicates", 0, null, "dpmd", "/api/v1/likely-duplicates/987654321", "{\"status\":\"SAME_PERSON\"}"),
                get("payers", 0, null, "dpmd", "/api/v1/payers?page=-1&size=100000&region=x"),
                get("payers", 0, null, "dpmd", "/api/v1/payers/not-a-code"),
                post("payers", 0, null, "dpmd", "/api/v1/payers", "{}"),
                patch("payers", 0, null, "dpmd", "/api/v1/payers/${employer}", "{}"),
                post("imports", 0, null, "dpmd", "/api/v1/imports/987654321/confirm", ""),
                get("imports", 0, null, "dpmd", "/api/v1/imports/987654321/rejections.csv"),
                get("billing", 0, null, "dpmd", "/api/v1/bills?page=-1&size=-1&payer=garbage&month=2025-13"),
                get("billing", 0, null, "dpmd", "/api/v1/bills/abc/pdf"),
                get("billing", 0, null, "dpmd", "/api/v1/bills/987654321/xlsx"),
                post("billing", 0, null, "admin", "/api/v1/billing/runs", "{}"),
                post("billing", 0, null, "dpmd", "/api/v1/payments", "{}"),
                post("billing", 0, null, "dpmd", "/api/v1/payments",
                        "{\"payer\":\"APBDES:" + VILLAGE + "\",\"reference\":\"X-${paymentId}\",\"date\":\"2025-02-20\",\"amount\":1.234}"),
                csv("billing", 0, null, "dpmd", "/api/v1/payments/imports", "payer,reference\nx,y\n"),
                csv("billing", 0, null, "dpmd", "/api/v1/payments/imports", ""),
                post("billing", 0, null, "admin", "/api/v1/payments/987654321/reversal", "{\"reason\":\"x\"}"),
                post("billing", 0, null, "admin", "/api/v1/payments/${paymentId}/reversal", "{}"),
                get("billing", 0, null, "dpmd", "/api/v1/workers/123/protection?date=2025-01-01"),
                get("audit", 0, null, "admin", "/api/v1/audit?page=-1&size=-1&type=%27"),
                post("quotes", 0, null, "dpmd", "/api/v1/quotes/benefit", "{}"),
                post("quotes", 0, null, "dpmd", "/api/v1/quotes/benefit", "{\"case\":\"JP_OLD_AGE\",\"date\":\"2025-06-01\"}"),
                post("quotes", 0, null, "dpmd", "/api/v1/quotes/benefit", "{\"case\":\"JKM_DEATH\",\"date\":\"1900-01-01\"}"),
                post("quotes", 0, null, "dpmd", "/api/v1/quotes/contribution",
                        "{\"segment\":\"PU\",\"month\":\"2025-04\",\"wage\":1e400,\"programs\":[\"JKM\"]}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oddRequests")
    void badInputIsNeverA500(Case c) {
        HttpResponse<String> response = send(c);
        assertThat(response.statusCode()).as(response.body()).isLessThan(500);
        if (response.statusCode() >= 400) {
            assertThat(response.headers().firstValue("Content-Type").orElse("")).as(response.body())
                    .startsWith("application/problem+json");
            assertThat(JSON.readTree(response.body()).get("code").asString()).isNotBlank();
        }
    }

    @Test
    void malformedInputNamesTheFieldAndTheAcceptedValues() {
        var body = users.get("dpmd").postJson("/api/v1/likely-duplicates/" + vars.get("flag"), "{\"status\":\"OPEN\"}",
                "Accept-Language", "en");
        JsonNode error = JSON.readTree(body.body()).get("errors").get(0);
        assertThat(error.get("field").asString()).isEqualTo("status");
        assertThat(error.get("code").asString()).isEqualTo("INVALID_VALUE");
        assertThat(error.get("message").asString()).contains("OPEN", "SAME_PERSON", "DIFFERENT_PEOPLE").doesNotContain("Failed to read");

        var param = users.get("dpmd").get("/api/v1/workers?category=ASTRONOT");
        assertThat(JSON.readTree(param.body()).get("errors").get(0).get("field").asString()).isEqualTo("category");
        assertThat(param.body()).contains("PETANI");
    }

    @Test
    void anAddressTheFirewallRefusesIsAProblemDocumentUnderTheApi() {
        var rejected = users.get("dpmd").get("/api/v1/budget-plans/regions/64.0%25");
        assertThat(rejected.statusCode()).isEqualTo(400);
        assertThat(rejected.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(JSON.readTree(rejected.body()).get("code").asString()).isEqualTo("REQUEST_REJECTED");
    }

    @Test
    void aBodyOfTheWrongShapeIsDescribedWithoutJavaTypeOrTokenNames() {
        var array = users.get("dpmd").postJson("/api/v1/quotes/contribution", "[1,2]", "Accept-Language", "en");
        assertThat(array.statusCode()).isEqualTo(400);
        JsonNode problem = JSON.readTree(array.body());
        assertThat(problem.get("code").asString()).isEqualTo("MALFORMED_BODY");
        assertThat(problem.get("detail").asString()).contains("expected an object").doesNotContain("Request").doesNotContain("START_ARRAY");
        var list = users.get("dpmd").postJson("/api/v1/quotes/contribution", "{\"segment\":\"PU\",\"programs\":\"JKK\"}",
                "Accept-Language", "en");
        assertThat(list.statusCode()).isEqualTo(400);
        assertThat(list.body()).contains("expected a list").doesNotContainIgnoringCase("arraylist");
    }

    @Test
    void inputErrorsListEveryFieldWithItsCode() {
        var bad = users.get("dpmd").postJson("/api/v1/quotes/contribution", "{\"segment\":\"XX\",\"month\":\"2025-13\",\"programs\":[]}");
        JsonNode errors = JSON.readTree(bad.body()).get("errors");
        assertThat(errors).extracting(e -> e.get("field").asString() + ":" + e.get("code").asString())
                .contains("segment:UNKNOWN_VALUE", "month:INVALID_MONTH", "wage:REQUIRED", "programs:REQUIRED");
    }

    @Test
    void theDuplicateNikProblemKeepsWhereTheWorkerIsAndHowToAskForATransfer() {
        var dup = users.get("dpmd").postJson("/api/v1/workers", vars.get("official"));
        JsonNode problem = JSON.readTree(dup.body());
        assertThat(problem.get("where").get("villageCode").asString()).isEqualTo(VILLAGE);
        assertThat(problem.get("transfer").get("href").asString()).isEqualTo("/api/v1/workers/" + vars.get("nik") + "/transfer");
    }

    /**
     * A write to the API with no credentials is a 401 like a read, whether or not the client holds a session that is
     * not signed in (the CSRF filter answered 403 "CSRF token" before sign-in was asked for); a signed-in browser
     * without its CSRF token is still refused, and neither changes anything.
     */
    @Test
    void anApiWriteWithoutCredentialsIsUnauthenticatedWhileASignedInBrowserStillNeedsItsCsrfToken() {
        String regulation = """
                {"kind":"PERBUP","regionCode":"64.02","number":"CSRF/401/2026","title":"Tanpa kredensial",
                 "signedOn":"2026-01-05","inForceFrom":"2026-01-05"}""";
        Http notSignedIn = Http.browser(port);
        assertThat(notSignedIn.get("/login", "text/html").statusCode()).isEqualTo(200);
        for (Http client : new Http[] {users.get("anonymous"), notSignedIn}) {
            for (String[] write : new String[][] {{"/api/v1/local-regulations", regulation},
                                                    {"/api/v1/payers", employer("Tanpa Kredensial")}}) {
                var response = client.postJson(write[0], write[1]);
                assertThat(response.statusCode()).as(write[0] + ": " + response.body()).isEqualTo(401);
                assertThat(JSON.readTree(response.body()).get("code").asString()).isEqualTo("UNAUTHENTICATED");
            }
        }
        Http signedIn = Http.browser(port);
        TestUsers.token(accounts, "errors-csrf", Role.DPMD, "64.02");
        signedIn.login("errors-csrf", TestUsers.PASSWORD);
        var refused = signedIn.postJson("/api/v1/local-regulations", regulation);
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
        // the missing token is what is refused, not the role: a DPMD officer may enter regulations (review6)
        assertThat(JSON.readTree(refused.body()).get("detail").asString())
                .isEqualTo("Token keamanan formulir tidak ada atau sudah kedaluwarsa: muat ulang halaman, lalu kirim lagi.");
        var list = users.get("dpmd").get("/api/v1/local-regulations?region=64.02");
        assertThat(list.body()).doesNotContain("CSRF/401/2026");
        assertThat(users.get("admin").get("/api/v1/payers?q=Tanpa%20Kredensial").body()).doesNotContain("Tanpa Kredensial");
    }

    /** The public check is rate-limited per address, and other tests use it too: its 404 may already be a 429. */
    @Test
    void thePublicCheckAnswersWithProblemsUpToItsRateLimit() {
        Http anonymous = users.get("anonymous");
        String unknown = "{\"nik\":\"6402051708850001\",\"birthDate\":\"1985-08-17\"}";
        for (int i = 0; i < 12; i++) {
            var response = anonymous.postJson("/api/v1/public/protection", unknown);
            assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            JsonNode problem = JSON.readTree(response.body());
            if (response.statusCode() == 429) {
                assertThat(problem.get("code").asString()).isEqualTo("TOO_MANY_REQUESTS");
                assertThat(problem.get("detail").asString()).isEqualTo("Terlalu banyak permintaan; coba lagi dalam 1 menit");
                assertThat(response.headers().firstValue("Retry-After")).contains("60");
                return;
            }
            assertThat(response.statusCode()).isEqualTo(404);
            assertThat(problem.get("code").asString()).isEqualTo("NOT_FOUND");
            assertThat(problem.get("detail").asString()).isEqualTo("Tidak ada peserta dengan NIK dan tanggal lahir itu");
        }
        throw new AssertionError("the public check was never limited");
    }

    @Test
    void pagesKeepAnsweringWithPages() {
        Http browser = Http.browser(port);
        TestUsers.token(accounts, "errors-page", Role.DPMD, "64.02");
        browser.login("errors-page", TestUsers.PASSWORD);
        for (String path : new String[] {"/tagihan/987654321", "/impor/pekerja/987654321", "/pekerja?category=ASTRONOT",
                "/tagihan?month=%2B999999999-12", "/tagihan?month=-999999999-01"}) {
            var page = browser.get(path, "text/html,application/xhtml+xml,*/*;q=0.8");
            assertThat(page.statusCode()).as(path).isIn(400, 404);
            assertThat(page.headers().firstValue("Content-Type").orElse("")).as(path).startsWith("text/html");
        }
    }

    /**
     * A request refused as a whole fails again however often it is sent: its page says which value was refused and
     * why, never "something went wrong, please try again" (that is for the server's own faults).
     */
    @Test
    void aRefusedPageRequestSaysWhichValueAndDoesNotAskForARetry() {
        Http browser = Http.browser(port);
        TestUsers.token(accounts, "errors-page-words", Role.DPMD, "64.02");
        browser.login("errors-page-words", TestUsers.PASSWORD);
        String html = "text/html,application/xhtml+xml,*/*;q=0.8";

        var month = browser.get("/tagihan?month=%2B999999999-12", html);
        assertThat(month.statusCode()).isEqualTo(400);
        // the month and the range refused, as the English page names them (the Indonesian page said only "out of range")
        assertThat(month.body()).contains("Permintaan tidak dapat diproses", "month",
                "Nilai 999999999-12 di luar rentang 1900-01 sampai 9999-12.", "OUT_OF_RANGE").doesNotContain("Silakan coba lagi");
        // the language link asks for the same page again, not for /error
        assertThat(month.body()).contains("href=\"/tagihan?month=%2B999999999-12&amp;lang=en\"").doesNotContain("href=\"/error");

        var unreadable = browser.get("/tagihan?month=abc", html);
        assertThat(unreadable.statusCode()).isEqualTo(400);
        assertThat(unreadable.body()).contains("month", "INVALID_MONTH").doesNotContain("Silakan coba lagi");

        var category = browser.get("/pekerja?category=ASTRONOT", html);
        assertThat(category.statusCode()).isEqualTo(400);
        assertThat(category.body()).contains("category", "INVALID_VALUE");

        var address = browser.get("/pekerja/%25", html);
        assertThat(address.statusCode()).isEqualTo(400);
        assertThat(address.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(address.body()).contains("Alamat yang diminta berisi karakter", "href=\"/?lang=en\"")
                .doesNotContain("Silakan coba lagi");

        var notFound = browser.get("/tagihan/987654321", html);
        assertThat(notFound.statusCode()).isEqualTo(404);
        assertThat(notFound.body()).contains("tidak ditemukan").doesNotContain("Permintaan tidak dapat diproses");

        var english = browser.get("/tagihan?month=%2B999999999-12&lang=en", html);
        assertThat(english.body()).contains("The request cannot be processed", "The value 999999999-12 is outside 1900-01 to 9999-12.");

        // a control character in a page's parameter or form field: the guard refused it again on the error page's own
        // dispatch, and the 400 came with no body at all
        var nul = browser.get("/pekerja?lang=id&q=a%00b", html);
        assertThat(nul.statusCode()).isEqualTo(400);
        // the parameter by its label in the page's language, not its name in the address
        assertThat(nul.body()).contains("Permintaan tidak dapat diproses", "Pencarian: ", "INVALID_CHARACTER", "karakter kendali");
        String form = browser.get("/pembayaran").body();
        var posted = browser.postForm("/pembayaran", java.util.Map.of("payer", "APBDES:64.02.03.2007", "reference", "A\u0001B",
                "date", "2026-12-01", "amount", "1000", "_csrf", Http.csrfOf(form)), html);
        assertThat(posted.statusCode()).isEqualTo(400);
        assertThat(posted.body()).contains("Permintaan tidak dapat diproses", "Referensi: ", "INVALID_CHARACTER").doesNotContain("reference: ");
        assertThat(browser.get("/pekerja?lang=en&q=a%00b", html).body()).contains("Search: ", "INVALID_CHARACTER");
    }

    private HttpResponse<String> send(Case c) {
        Http http = users.get(c.user());
        String path = fill(c.path());
        return switch (c.method()) {
            case "GET" -> http.get(path);
            case "PATCH" -> http.patchJson(path, fill(c.body()));
            case "PUT" -> http.putJson(path, fill(c.body()));
            default -> http.post(path, c.contentType(), fill(c.body()).getBytes(StandardCharsets.UTF_8));
        };
    }

    private String fill(String text) {
        if (text == null) {
            return "";
        }
        Matcher m = Pattern.compile("\\$\\{(\\w+)}").matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, Matcher.quoteReplacement(vars.get(m.group(1))));
        }
        return m.appendTail(out).toString();
    }

    private static HttpResponse<String> created(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return response;
    }

    private static void ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    }
}
