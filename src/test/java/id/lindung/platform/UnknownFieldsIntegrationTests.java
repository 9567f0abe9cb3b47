package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A JSON body under /api/v1 holds only the fields its endpoint reads (docs/api-errors.md, "Unknown fields"): a misspelt
 * or unknown field, at the top or inside a list, is 400 UNKNOWN_FIELD naming its path and the field most likely meant,
 * and nothing is recorded. Before, Spring Boot dropped it and recorded the rest (a worker registered with the default
 * programmes, a payment without its amount's intent). The bodies the issues spell out are still read, and a resource read
 * with GET can be sent back to its update endpoint with its read-only fields ignored.
 */
@IntegrationTest
class UnknownFieldsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** A village no other test writes to (Liang, Kota Bangun). */
    static final String VILLAGE = "64.02.08.2007";
    static final LocalDate BIRTH = LocalDate.of(1980, 3, 14);

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired JsonMapper application;

    private Http dpmd;
    private Http admin;

    @BeforeEach
    void users() {
        dpmd = Http.withToken(port, TestUsers.token(accounts, "unknown-fields-dpmd", Role.DPMD, "64.02"));
        admin = Http.withToken(port, TestUsers.token(accounts, "unknown-fields-admin", Role.ADMIN, "ID"));
    }

    private static String worker(String nik, String extra) {
        return """
                {"nik":"%s","name":"Uji Isian","sex":"L","birthDate":"1980-03-14","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM"],"segment":"PU","wage":2500000,"payer":"APBDES","startDate":"2025-01-01"%s}"""
                .formatted(nik, VILLAGE, extra);
    }

    private String registered() {
        String nik = Niks.unique("64.02.08", "L", BIRTH);
        HttpResponse<String> created = dpmd.postJson("/api/v1/workers", worker(nik, ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return nik;
    }

    private long workers(String nik) {
        return jdbc.sql("select count(*) from worker where nik = ?").param(nik).query(Long.class).single();
    }

    /** The one problem of an UNKNOWN_FIELD answer. */
    private static JsonNode unknownField(HttpResponse<String> response, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        JsonNode problem = JSON.readTree(response.body());
        assertThat(problem.get("code").asString()).isEqualTo("UNKNOWN_FIELD");
        assertThat(problem.get("errors")).hasSize(1);
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo(field);
        assertThat(problem.get("errors").get(0).get("code").asString()).isEqualTo("UNKNOWN_FIELD");
        return problem;
    }

    // ---------------------------------------------------------------- refused

    @Test
    void aWorkerWithMembershipsTheRegistrationHasNoFieldForIsRefusedAndNotRegistered() {
        // the registration's programmes are "programs", "segment", "wage", "payer" and "startDate": a client that sends
        // them as "memberships" used to get 201 and a worker with the default JKK and JKM only
        String nik = Niks.unique("64.02.08", "L", BIRTH);
        HttpResponse<String> response = dpmd.postJson("/api/v1/workers",
                worker(nik, ",\"memberships\":[{\"program\":\"JHT\",\"segment\":\"PU\"}]"));
        unknownField(response, "memberships");
        assertThat(workers(nik)).isZero();
    }

    @Test
    void aRegistrationUnderTheWorkerFilesColumnNamesIsReadAsTheSameRegistration() {
        // issue 4's file header is nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date:
        // a row sent as JSON under those names registers the worker with its risk group and start date, not a refusal
        String nik = Niks.unique("64.02.08", "L", BIRTH);
        HttpResponse<String> created = dpmd.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Uji Kolom","sex":"L","birth_date":"1980-03-14","village_code":"%s","category":"PERANGKAT_DESA",
                 "segment":"PU","wage":3000000,"risk":"HIGH","programs":["JKK","JKM"],"payer":"APBDES:%s","start_date":"2026-01-01",
                 "p3ke_decile":2}""".formatted(nik, VILLAGE, VILLAGE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(jdbc.sql("""
                select count(*) from membership_term t join worker w on w.id = t.worker_id
                where w.nik = ? and t.risk_group = 'HIGH' and t.valid_from = date '2026-01-01' and w.poverty_decile = 2""")
                .param(nik).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aMisspeltFieldIsRefusedWithTheFieldMeantInIndonesianAndEnglishAndNothingIsWritten() {
        String nik = Niks.unique("64.02.08", "L", BIRTH);
        String body = """
                {"nik":"%s","name":"Uji Isian","sex":"L","birthDate":"1980-03-14","villageCode":"%s","category":"NELAYAN",
                 "program":["JKK","JKM","JHT"]}""".formatted(nik, VILLAGE);
        JsonNode indonesian = unknownField(dpmd.postJson("/api/v1/workers", body), "program");
        assertThat(indonesian.get("detail").asString()).isEqualTo("program: Isian ini tidak dikenal oleh permintaan ini; tidak ada "
                + "yang dicatat. Apakah maksud Anda `programs`?");
        JsonNode english = unknownField(dpmd.postJson("/api/v1/workers", body, "Accept-Language", "en"), "program");
        assertThat(english.get("detail").asString()).contains("did you mean `programs`?").contains("nothing was recorded");
        assertThat(workers(nik)).isZero();
        // a name in other letters or snake_case is the same name: it is suggested
        assertThat(unknownField(dpmd.postJson("/api/v1/workers", body.replace("\"program\"", "\"programs\"")
                .replace("\"birthDate\"", "\"Birth-Date\""), "Accept-Language", "en"), "Birth-Date").get("detail").asString())
                .endsWith("did you mean `birthDate`?");
        assertThat(unknownField(dpmd.postJson("/api/v1/workers", body.replace("\"program\"", "\"Programs\""), "Accept-Language", "en"),
                "Programs").get("detail").asString()).endsWith("did you mean `programs`?");
        // nothing near: no suggestion
        assertThat(unknownField(dpmd.postJson("/api/v1/workers", body.replace("\"program\"", "\"admin\""), "Accept-Language", "en"),
                "admin").get("detail").asString()).doesNotContain("did you mean");
        assertThat(workers(nik)).isZero();
    }

    @Test
    void aFieldWrittenTwiceIsRefusedAtItsPathNotReadAsItsLastValue() {
        // {"wage":2500000,"wage":25000000}: which one was meant is not for Lindung to guess
        String nik = Niks.unique("64.02.08", "L", BIRTH);
        HttpResponse<String> twice = dpmd.postJson("/api/v1/workers", worker(nik, ",\"wage\":25000000"));
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
        JsonNode problem = JSON.readTree(twice.body());
        assertThat(problem.get("code").asString()).isEqualTo("DUPLICATE_FIELD");
        assertThat(problem.get("errors").get(0).get("field").asString()).isEqualTo("wage");
        assertThat(problem.get("detail").asString()).contains("ditulis lebih dari sekali");
        assertThat(workers(nik)).isZero();
        int year = TestClock.nextBusinessYear();
        HttpResponse<String> nested = dpmd.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"cohorts":[{"category":"NELAYAN","segment":"BPU","count":3,"count":30,"wage":1000000,
                 "programs":["JKK","JKM"]}]}""".formatted(VILLAGE, year), "Accept-Language", "en");
        assertThat(nested.statusCode()).as(nested.body()).isEqualTo(400);
        assertThat(JSON.readTree(nested.body()).get("errors").get(0).get("field").asString()).isEqualTo("cohorts[0].count");
        assertThat(JSON.readTree(nested.body()).get("detail").asString()).contains("written more than once");
    }

    @Test
    void aNestedUnknownFieldIsNamedByItsPathInTheList() {
        int year = TestClock.nextBusinessYear();
        long plans = jdbc.sql("select count(*) from budget_plan").query(Long.class).single();
        JsonNode cohort = unknownField(dpmd.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"cohorts":[{"category":"NELAYAN","segment":"BPU","count":3,"wage":1000000,"programs":["JKK","JKM"]},
                 {"category":"PETANI","segment":"BPU","count":2,"wage":1000000,"programme":["JKK","JKM"]}]}""".formatted(VILLAGE, year),
                "Accept-Language", "en"), "cohorts[1].programme");
        assertThat(cohort.get("detail").asString()).isEqualTo("cohorts[1].programme is not a field of this request; nothing was "
                + "recorded; did you mean `programs`?");
        assertThat(jdbc.sql("select count(*) from budget_plan").query(Long.class).single()).isEqualTo(plans);

        String nik = registered();
        long claims = jdbc.sql("select count(*) from claim_case").query(Long.class).single();
        unknownField(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKM_DEATH","incidentDate":"2025-06-01","submitIfIneligible":true,
                 "heirs":[{"name":"Siti Aminah","nik":"6402084101800001","relationship":"SPOUSE","bankAcount":"BRI 1234567890"}]}"""
                .formatted(nik)), "heirs[0].bankAcount");
        assertThat(jdbc.sql("select count(*) from claim_case").query(Long.class).single()).isEqualTo(claims);
    }

    @Test
    void aPaymentOrFinePaymentWithAnUnknownFieldIsRefusedAndNothingIsRecorded() {
        String reference = "UNKNOWN-FIELD-" + System.nanoTime();
        JsonNode payment = unknownField(dpmd.postJson("/api/v1/payments", """
                {"payer":"APBDES:%s","reference":"%s","date":"2025-02-02","ammount":1000,"channel":"BANK"}"""
                .formatted(VILLAGE, reference), "Accept-Language", "en"), "ammount");
        assertThat(payment.get("detail").asString()).endsWith("did you mean `amount`?");
        // the fine payment has no purpose: it is one by its address; "purpose" belongs to a reconciliation file's row
        unknownField(dpmd.postJson("/api/v1/fine-payments", """
                {"payer":"APBDES:%s","reference":"%s","date":"2025-02-02","amount":1000,"purpose":"denda"}"""
                .formatted(VILLAGE, reference)), "purpose");
        assertThat(jdbc.sql("select (select count(*) from payment where reference = :r) + (select count(*) from fine_payment where reference = :r)")
                .param("r", reference).query(Long.class).single()).isZero();
    }

    // ---------------------------------------------------------------- the issues' bodies, still read

    @Test
    void issue3QuoteBodiesAreRead() {
        ok(dpmd.postJson("/api/v1/quotes/contribution", """
                {"segment":"PU","month":"2025-04","wage":2000000,"risk":"VERY_LOW","programs":["JKK","JKM","JHT","JP"]}"""), 200);
        for (String body : new String[] {
                "{\"case\":\"JKM_DEATH\",\"date\":\"2025-05-10\",\"segment\":\"BPU\",\"wage\":1000000,\"membershipStart\":\"2024-01-01\",\"children\":2}",
                "{\"case\":\"JKK_PARTIAL_DISABILITY\",\"date\":\"2025-05-10\",\"segment\":\"PU\",\"wage\":3000000,\"percent\":10}",
                "{\"case\":\"JKK_TEMPORARY_DISABILITY\",\"date\":\"2025-05-10\",\"segment\":\"PU\",\"wage\":3000000,\"months\":3}",
                "{\"case\":\"JP_OLD_AGE\",\"date\":\"2026-01-15\",\"contributionMonths\":120,\"averageWage\":6000000}",
                "{\"case\":\"JKP\",\"date\":\"2025-06-01\",\"wage\":8000000,\"contributionMonths24\":18}"}) {
            ok(dpmd.postJson("/api/v1/quotes/benefit", body), 200);
        }
    }

    @Test
    void issue5PaymentBodyIsRead() {
        // {"payer","reference","date","amount","channel"}: recorded (within the room above what is owed)
        ok(dpmd.postJson("/api/v1/payments", """
                {"payer":"APBDES:%s","reference":"ISSUE5-%d","date":"2025-02-02","amount":1000,"channel":"BANK"}"""
                .formatted(VILLAGE, System.nanoTime())), 201);
        // the same names on a fine payment (the session note of 7 December 2026)
        HttpResponse<String> fine = dpmd.postJson("/api/v1/fine-payments", """
                {"payer":"APBDES:%s","reference":"ISSUE5-F-%d","date":"2025-02-02","amount":1000,"channel":"BANK"}"""
                .formatted(VILLAGE, System.nanoTime()));
        assertThat(fine.statusCode()).as(fine.body()).isEqualTo(422);
        assertThat(JSON.readTree(fine.body()).get("code").asString()).isEqualTo("FINE_ABOVE_OUTSTANDING");
    }

    @Test
    void issue9And11BillingRunBodyIsRead() {
        // {"month"} (and "backfill", "dryRun"): read, and refused by the rule that reads the month
        HttpResponse<String> run = dpmd.postJson("/api/v1/billing/runs", "{\"month\":\"2099-01\",\"backfill\":false,\"dryRun\":true}");
        assertThat(run.statusCode()).as(run.body()).isEqualTo(422);
        assertThat(JSON.readTree(run.body()).get("code").asString()).isEqualTo("MONTH_TOO_FAR");
    }

    @Test
    void issue11PublicCheckBodyIsRead() {
        String nik = registered();
        HttpResponse<String> check = Http.anonymous(port).postJson("/api/v1/public/protection",
                "{\"nik\":\"" + nik + "\",\"birthDate\":\"1980-03-14\"}");
        assertThat(check.body()).doesNotContain("UNKNOWN_FIELD");
        assertThat(check.statusCode()).as(check.body()).isIn(200, 429);
    }

    @Test
    void issue13ClaimBodiesAreRead() {
        String nik = registered();
        String open = """
                {"nik":"%s","case":"JKM_DEATH","incidentDate":"2025-06-01","reportedOn":"2025-06-03","facts":{"wage":2500000},
                 "children":[{"name":"Anak Satu","birthDate":"2012-03-01","schoolLevel":"SD"}],
                 "heirs":[{"name":"Siti Aminah","nik":"6402084101800001","relationship":"SPOUSE","bankAccount":"BRI 1234567890"}],
                 "claimedCosts":{"medical":0,"transport":0},"percent":null,"months":null,"submitIfIneligible":true}""".formatted(nik);
        ok(dpmd.postJson("/api/v1/claims/preview", open), 200);
        HttpResponse<String> created = ok(dpmd.postJson("/api/v1/claims", open), 201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        // {"to","reason","payment":{"reference","date","amount","heir"}}: read, refused as a transition a new case cannot make
        Http bpjs = Http.withToken(port, TestUsers.token(accounts, "unknown-fields-bpjs", Role.BPJS_OFFICER, "64.02"));
        HttpResponse<String> paid = bpjs.postJson("/api/v1/claims/" + id + "/transitions", """
                {"to":"PAID","reason":"uji","payment":{"reference":"TRF-1","date":"2025-06-10","amount":42000000,"heir":"6402084101800001"}}""");
        assertThat(paid.statusCode()).as(paid.body()).isEqualTo(409);
        assertThat(paid.body()).doesNotContain("UNKNOWN_FIELD");
    }

    @Test
    void issue15BudgetBodiesAreRead() {
        HttpResponse<String> plan = ok(dpmd.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"referenceDate":"%d-01-01","cohorts":[{"category":"RT_RW","segment":"BPU","count":24,
                 "wage":1000000,"programs":["JKK","JKM"],"monthFrom":"03"}]}"""
                .formatted(VILLAGE, TestClock.nextBusinessYear(), TestClock.nextBusinessYear())), 201);
        long id = JSON.readTree(plan.body()).get("id").asLong();
        ok(dpmd.postJson("/api/v1/budget-plans/" + id + "/prioritise",
                "{\"budget\":1000000,\"order\":[\"P3KE_DECILE\",\"CATEGORY\",\"OLDEST\"],\"candidates\":\"UNPROTECTED_IN_AREA\"}"), 200);
    }

    // ---------------------------------------------------------------- a representation sent back

    @Test
    void aPayerReadWithGetCanBeSentBackToItsPatch() {
        HttpResponse<String> created = ok(dpmd.postJson("/api/v1/payers",
                "{\"kind\":\"EMPLOYER\",\"name\":\"CV Isian " + System.nanoTime() % 100000 + "\",\"regionCode\":\"" + VILLAGE + "\"}"), 201);
        String path = "/api/v1/payers/" + URLEncoder.encode(JSON.readTree(created.body()).get("code").asString(), StandardCharsets.UTF_8)
                .replace("+", "%20");
        ObjectNode payer = (ObjectNode) JSON.readTree(ok(dpmd.get(path), 200).body());
        payer.put("contactPerson", "Bu Ani");
        JsonNode changed = JSON.readTree(ok(dpmd.patchJson(path, JSON.writeValueAsString(payer)), 200).body());
        assertThat(changed.get("contactPerson").asString()).isEqualTo("Bu Ani");
        unknownField(dpmd.patchJson(path, "{\"contact\":\"Bu Ani\"}"), "contact");
    }

    @Test
    void aBudgetPlanReadWithGetCanBeSentBackToItsPut() {
        HttpResponse<String> plan = ok(dpmd.postJson("/api/v1/budget-plans", """
                {"payer":"APBDES:%s","year":%d,"cohorts":[{"category":"NELAYAN","segment":"BPU","count":3,"wage":1000000,"programs":["JKK","JKM"]}]}"""
                .formatted(VILLAGE, TestClock.nextBusinessYear())), 201);
        long id = JSON.readTree(plan.body()).get("id").asLong();
        ObjectNode read = (ObjectNode) JSON.readTree(ok(dpmd.get("/api/v1/budget-plans/" + id), 200).body());
        read.put("name", "Nelayan dua kali");
        ((ObjectNode) read.get("cohorts").get(0)).put("count", 6);
        JsonNode edited = JSON.readTree(ok(dpmd.putJson("/api/v1/budget-plans/" + id, JSON.writeValueAsString(read)), 200).body());
        assertThat(edited.get("name").asString()).isEqualTo("Nelayan dua kali");
        assertThat(edited.get("cohorts").get(0).get("count").asLong()).isEqualTo(6);
        // the named list as the plan shows it (an object) keeps the list; a word other than KEEP or REMOVE is still refused
        read.putObject("namedList").put("fileName", "daftar.csv");
        ok(dpmd.putJson("/api/v1/budget-plans/" + id, JSON.writeValueAsString(read)), 200);
        read.put("namedList", "MAYBE");
        assertThat(dpmd.putJson("/api/v1/budget-plans/" + id, JSON.writeValueAsString(read)).body()).contains("UNKNOWN_LIST_CHOICE");
        read.put("namedList", "KEEP");
        read.put("cohort", "x");
        unknownField(dpmd.putJson("/api/v1/budget-plans/" + id, JSON.writeValueAsString(read)), "cohort");
    }

    @Test
    void aCategoryRankingAndAWorkerCategoryReadWithGetCanBeSentBack() {
        String rank = "/api/v1/budget-payers/APBDES:" + VILLAGE + "/category-rank";
        ObjectNode ranking = (ObjectNode) JSON.readTree(ok(dpmd.get(rank), 200).body());
        JsonNode set = JSON.readTree(ok(dpmd.putJson(rank, JSON.writeValueAsString(ranking)), 200).body());
        assertThat(set.get("categoryRank")).isEqualTo(ranking.get("categoryRank"));
        // the category sent back as read: the same fields, nothing changed
        String category = ok(admin.get("/api/v1/worker-categories/NELAYAN"), 200).body();
        assertThat(JSON.readTree(ok(admin.putJson("/api/v1/worker-categories/NELAYAN", category), 200).body()))
                .isEqualTo(JSON.readTree(category));
    }

    /** A claim's request or a plan's figures stored by an older version, with a field since renamed, is still read. */
    @Test
    void storedJsonIsReadByTheApplicationsMapperWhichStaysLenient() {
        record Stored(String nik) {}
        assertThat(application.readValue("{\"nik\":\"6402031409740001\",\"renamedSince\":1}", Stored.class).nik())
                .isEqualTo("6402031409740001");
    }

    private static HttpResponse<String> ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }
}
