package id.lindung.registry;

import id.lindung.support.Categories;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerImports;
import id.lindung.platform.InvalidInputException;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.LockWaits;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class PayerRegisterIntegrationTests {

    static final String VILLAGE = "64.02.03.2003";
    static final String OTHER_VILLAGE = "64.02.03.2004";
    static final String FAR_VILLAGE = "73.02.01.2004";
    /** Names unique to this run, in case the database outlives it (an external PostgreSQL). */
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate BIRTH = LocalDate.of(1979, 3, 14);

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired PayerRegister register;
    @Autowired WorkerImports imports;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired javax.sql.DataSource dataSource;

    private Http api(String username, Role role, String scope) {
        return Http.withToken(port, TestUsers.token(accounts, username, role, scope));
    }

    private static String path(String code) {
        return "/api/v1/payers/" + URLEncoder.encode(code, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static String employer(String name, String region) {
        return """
                {"kind": "EMPLOYER", "name": "%s", "regionCode": "%s", "contactPerson": "Bu Rina", "phone": "0812 5555 0101",
                 "email": "rina@example.co.id"}""".formatted(name, region);
    }

    private long payers() {
        return jdbc.sql("select count(*) from payer").query(Long.class).single();
    }

    private String payerOfTerms(String nik) {
        return jdbc.sql("""
                select string_agg(distinct p.code, ';') from membership_term t join worker w on w.id = t.worker_id
                join payer p on p.id = t.worker_payer_id where w.nik = ?""").param(nik).query(String.class).single();
    }

    private Worker registerPu(Actor actor, String village, String payer) {
        String nik = Niks.unique(village.substring(0, 8), "L", BIRTH);
        return CurrentActor.runAs(actor, () -> workers.register(new Workers.Registration(nik, "Andi Saputra", "L", BIRTH, village,
                null, null, Categories.of("BURUH"), false, null, List.of(Programme.JKK, Programme.JKM), Segment.PU,
                new BigDecimal("3000000"), RiskGroup.LOW, payer, LocalDate.of(2025, 2, 1))));
    }

    // ---------------------------------------------------------------- government payers

    @Test
    void everyDesaRegencyCityAndProvinceHasItsGovernmentPayerNamedAfterIt() {
        long regionsWithout = jdbc.sql("""
                select count(*) from region r
                where r.active and (r.level in ('PROVINCE', 'REGENCY') or r.kind = 'DESA')
                  and not exists (select 1 from payer p where p.region_code = r.code
                                  and p.code = case r.level when 'VILLAGE' then 'APBDES:' else 'APBD:' end || r.code)""")
                .query(Long.class).single();
        assertThat(regionsWithout).isZero();
        long apbdOfDistrictOrVillage = jdbc.sql("""
                select count(*) from payer p join region r on r.code = p.region_code
                where p.kind = 'APBD' and r.level not in ('PROVINCE', 'REGENCY')""").query(Long.class).single();
        assertThat(apbdOfDistrictOrVillage).isZero();
        Map<String, String> names = new java.util.HashMap<>();
        jdbc.sql("select code, name from payer where code in ('APBD:64', 'APBD:64.02', 'APBD:64.72', 'APBDES:11.01.01.2001')")
                .query((rs, n) -> names.put(rs.getString(1), rs.getString(2))).list();
        assertThat(names).containsEntry("APBD:64", "Pemerintah Provinsi Kalimantan Timur")
                .containsEntry("APBD:64.02", "Pemerintah Kabupaten Kutai Kartanegara")
                .containsEntry("APBD:64.72", "Pemerintah Kota Samarinda")
                .containsEntry("APBDES:11.01.01.2001", "Pemerintah Desa Keude Bakongan");
    }

    @Test
    void theDatabaseKeysEmployerNamesAsPayerRefDoes() {
        for (String name : List.of("CV Maju Jaya", "  koperasi  tani/nelayan; unit 2 ", "PT\u00A0Sumber\tAir 100%?#", "a\\b")) {
            String db = jdbc.sql("select payer_name_key(?)").param(name).query(String.class).single();
            assertThat(db).as(name).isEqualTo(PayerCode.nameKey(name));
        }
    }

    // ---------------------------------------------------------------- employers are per region

    @Test
    void sameNamedEmployersInTwoVillagesAreTwoPayersAndEachVillageSeesOnlyItsOwn() {
        String name = "CV Maju Jaya " + RUN;
        Http here = api("payer-op-a", Role.VILLAGE_OPERATOR, VILLAGE);
        Http there = api("payer-op-b", Role.VILLAGE_OPERATOR, OTHER_VILLAGE);
        HttpResponse<String> a = here.postJson("/api/v1/payers", employer(name, VILLAGE));
        HttpResponse<String> b = there.postJson("/api/v1/payers", employer(name, OTHER_VILLAGE));
        assertThat(a.statusCode()).as(a.body()).isEqualTo(201);
        assertThat(b.statusCode()).as(b.body()).isEqualTo(201);
        String codeA = json(a).get("code").asString();
        String codeB = json(b).get("code").asString();
        assertThat(codeA).isEqualTo("EMPLOYER:" + VILLAGE + ":" + PayerCode.nameKey(name));
        assertThat(codeB).isEqualTo("EMPLOYER:" + OTHER_VILLAGE + ":" + PayerCode.nameKey(name));
        assertThat(a.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).contains("/api/v1/payers/EMPLOYER"));

        JsonNode listed = json(here.get("/api/v1/payers?kind=EMPLOYER&q=" + URLEncoder.encode(name, StandardCharsets.UTF_8)));
        assertThat(listed.get("total").asLong()).isOne();
        assertThat(listed.get("items").get(0).get("code").asString()).isEqualTo(codeA);
        assertThat(here.get(path(codeB)).statusCode()).isEqualTo(404);
        assertThat(there.get(path(codeA)).statusCode()).isEqualTo(404);
        assertThat(json(here.get(path(codeA))).get("regionName").asString()).isNotBlank();

        // registration names the employer by name: each village's worker gets its own village's employer
        Worker w1 = registerPu(TestUsers.actor("payer-op-a", Role.VILLAGE_OPERATOR, VILLAGE), VILLAGE, "EMPLOYER:" + name);
        Worker w2 = registerPu(TestUsers.actor("payer-op-b", Role.VILLAGE_OPERATOR, OTHER_VILLAGE), OTHER_VILLAGE, "EMPLOYER:" + name);
        assertThat(payerOfTerms(w1.nik())).isEqualTo(codeA);
        assertThat(payerOfTerms(w2.nik())).isEqualTo(codeB);
    }

    @Test
    void registrationCreatesANamedEmployerInTheWorkersVillageAndNeverUsesOneOfAnotherRegion() {
        Actor dpmd = TestUsers.actor("payer-dpmd-reg", Role.DPMD, "64.02");
        String name = "UD Sinar " + RUN;
        long before = payers();
        Worker first = registerPu(dpmd, VILLAGE, "EMPLOYER:" + name);
        String code = "EMPLOYER:" + VILLAGE + ":" + PayerCode.nameKey(name);
        assertThat(payerOfTerms(first.nik())).isEqualTo(code);
        assertThat(payers()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'payer' and action = 'CREATE' and entity_id = ?")
                .param(code).query(Long.class).single()).isOne();
        Worker second = registerPu(dpmd, VILLAGE, "employer:" + name.toLowerCase());
        assertThat(payerOfTerms(second.nik())).isEqualTo(code);
        assertThat(payers()).isEqualTo(before + 1);

        // an employer of the regency is named by its full code, from any village of the regency, never from outside it
        Payer plantation = CurrentActor.runAs(dpmd, () -> register.create(new PayerRegister.NewPayer(PayerKind.EMPLOYER,
                "PT Sawit " + RUN, "64.02", null)));
        Worker third = registerPu(dpmd, OTHER_VILLAGE, plantation.code());
        assertThat(payerOfTerms(third.nik())).isEqualTo(plantation.code());
        Actor admin = TestUsers.actor("payer-admin", Role.ADMIN, "ID");
        assertThatThrownBy(() -> registerPu(admin, FAR_VILLAGE, plantation.code()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.code()).isEqualTo("PAYER_INVALID")));
    }

    @Test
    void anImportNamingAnEmployerResolvesItInEachRowsVillageEvenAfterARename() {
        Actor dpmd = TestUsers.actor("payer-dpmd-imp", Role.DPMD, "64.02");
        String name = "Koperasi Tani " + RUN;
        String nik1 = Niks.unique("64.02.03", "L", BIRTH);
        String nik2 = Niks.unique("64.02.03", "L", BIRTH);
        ImportBatch batch = importRows(dpmd, row(nik1, VILLAGE, "EMPLOYER:" + name), row(nik2, OTHER_VILLAGE, "EMPLOYER:" + name));
        assertThat(batch.status()).isEqualTo("IMPORTED");
        String codeA = "EMPLOYER:" + VILLAGE + ":" + PayerCode.nameKey(name);
        assertThat(payerOfTerms(nik1)).isEqualTo(codeA);
        assertThat(payerOfTerms(nik2)).isEqualTo("EMPLOYER:" + OTHER_VILLAGE + ":" + PayerCode.nameKey(name));

        // renamed, the employer keeps its code and is found by its new name in its village, by import and registration
        String renamed = "Koperasi Tani Makmur " + RUN;
        CurrentActor.runAs(dpmd, () -> register.update(codeA, new PayerRegister.Changes(renamed, null, null, null, null)));
        long before = payers();
        String nik3 = Niks.unique("64.02.03", "L", BIRTH);
        assertThat(importRows(dpmd, row(nik3, VILLAGE, "EMPLOYER:" + renamed)).status()).isEqualTo("IMPORTED");
        assertThat(payerOfTerms(nik3)).isEqualTo(codeA);
        assertThat(payerOfTerms(registerPu(dpmd, VILLAGE, "EMPLOYER:" + renamed).nik())).isEqualTo(codeA);
        assertThat(payers()).isEqualTo(before);
    }

    private static String row(String nik, String village, String payer) {
        return nik + ",Budi Santoso,L," + BIRTH + "," + village + ",BURUH,PU,3000000,LOW,JKK;JKM," + payer + ",2025-02-01\n";
    }

    private ImportBatch importRows(Actor actor, String... rows) {
        String csv = "nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date\n" + String.join("", rows);
        return CurrentActor.runAs(actor, () -> imports.upload("pembayar.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new WorkerImports.Options(null, null, true)));
    }

    // ---------------------------------------------------------------- scope and roles

    @Test
    void everyEndpointIsScopedToTheCallersRegionAndOnlyWritersChangeAnything() {
        String name = "PT Scope " + RUN;
        Http operator = api("payer-op-scope", Role.VILLAGE_OPERATOR, VILLAGE);
        String code = json(operator.postJson("/api/v1/payers", employer(name, VILLAGE))).get("code").asString();
        long before = payers();
        for (Role readOnly : List.of(Role.MONITOR, Role.AUDITOR)) {
            Http reader = api("payer-" + readOnly.name().toLowerCase(), readOnly, "64.02");
            assertThat(reader.get("/api/v1/payers?region=" + VILLAGE).statusCode()).isEqualTo(200);
            JsonNode seen = json(reader.get(path(code)));
            assertThat(seen.get("contactPerson").asString()).isEqualTo("Bu Rina");
            assertThat(seen.get("phone").isNull()).as("a masked role sees no phone").isTrue();
            assertThat(seen.get("email").isNull()).isTrue();
            assertThat(reader.postJson("/api/v1/payers", employer("PT Lain " + RUN, VILLAGE)).statusCode()).isEqualTo(403);
            assertThat(reader.patchJson(path(code), "{\"contactPerson\": \"X\"}").statusCode()).isEqualTo(403);
            assertThat(reader.patchJson(path("APBDES:" + VILLAGE), "{\"phone\": \"0811111111\"}").statusCode()).isEqualTo(403);
        }
        Http stranger = api("payer-op-far", Role.VILLAGE_OPERATOR, FAR_VILLAGE);
        assertThat(stranger.get(path(code)).statusCode()).isEqualTo(404);
        assertThat(stranger.get(path("APBD:64.02")).statusCode()).isEqualTo(404);
        assertThat(stranger.get("/api/v1/payers?region=64.02").statusCode()).isEqualTo(404);
        assertThat(stranger.patchJson(path(code), "{\"contactPerson\": \"X\"}").statusCode()).isEqualTo(404);
        assertThat(stranger.postJson("/api/v1/payers", employer("PT Jauh " + RUN, VILLAGE)).statusCode()).isEqualTo(404);
        JsonNode all = json(stranger.get("/api/v1/payers?size=500"));
        assertThat(all.get("items")).allSatisfy(p -> assertThat(p.get("regionCode").asString()).startsWith(FAR_VILLAGE));
        // the village operator does not see its regency's payer either: it is above the village
        assertThat(operator.get(path("APBD:64.02")).statusCode()).isEqualTo(404);
        assertThat(payers()).isEqualTo(before);
        assertThat(jdbc.sql("select contact_person from payer where code = ?").param(code).query(String.class).single()).isEqualTo("Bu Rina");
    }

    @Test
    void selfPayersAreNotInTheRegister() {
        Actor operator = TestUsers.actor("payer-op-self", Role.VILLAGE_OPERATOR, VILLAGE);
        String nik = Niks.unique("64.02.03", "P", BIRTH);
        CurrentActor.runAs(operator, () -> workers.register(new Workers.Registration(nik, "Siti Rahma", "P", BIRTH, VILLAGE, null,
                null, Categories.of("PETANI"), false, null, List.of(Programme.JKK, Programme.JKM), Segment.BPU,
                new BigDecimal("1000000"), null, "SELF", LocalDate.of(2025, 2, 1))));
        Http api = api("payer-op-self", Role.VILLAGE_OPERATOR, VILLAGE);
        assertThat(api.get(path("SELF:" + nik)).statusCode()).isEqualTo(404);
        JsonNode all = json(api.get("/api/v1/payers?size=500"));
        assertThat(all.get("items")).noneSatisfy(p -> assertThat(p.get("kind").asString()).isEqualTo("SELF"));
        assertThat(all.toString()).doesNotContain(nik);
        assertThat(json(api.get("/api/v1/payers?kind=SELF")).get("errors").get(0).get("code").asString()).isEqualTo("KIND_NOT_LISTED");
    }

    // ---------------------------------------------------------------- changes

    @Test
    void aContactChangeIsAuditedAndAGovernmentNameStaysFixed() {
        Http operator = api("payer-op-contact", Role.VILLAGE_OPERATOR, VILLAGE);
        String code = "APBDES:" + VILLAGE;
        String name = jdbc.sql("select name from payer where code = ?").param(code).query(String.class).single();
        HttpResponse<String> changed = operator.patchJson(path(code),
                "{\"contactPerson\": \"Pak Sekdes " + RUN + "\", \"phone\": \"+62 812-3456-7890\", \"email\": \"desa@example.go.id\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed).get("phone").asString()).isEqualTo("+62 812-3456-7890");
        assertThat(json(changed).get("name").asString()).isEqualTo(name);
        JsonNode audited = JSON.readTree(jdbc.sql("""
                select jsonb_build_object('before', before_state, 'after', after_state, 'region', region_code)::text
                from audit_event where entity_type = 'payer' and action = 'UPDATE' and entity_id = ?
                order by id desc limit 1""").param(code).query(String.class).single());
        assertThat(audited.get("after").get("contactPerson").asString()).isEqualTo("Pak Sekdes " + RUN);
        assertThat(audited.get("region").asString()).isEqualTo(VILLAGE);

        long audits = jdbc.sql("select count(*) from audit_event where entity_type = 'payer'").query(Long.class).single();
        HttpResponse<String> renamed = operator.patchJson(path(code), "{\"name\": \"Desa Baru\", \"contactPerson\": \"Orang Lain\"}");
        assertThat(renamed.statusCode()).isEqualTo(400);
        assertThat(json(renamed).get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(json(renamed).get("errors").get(0).get("code").asString()).isEqualTo("NAME_FIXED");
        JsonNode unchanged = json(operator.get(path(code)));
        assertThat(unchanged.get("name").asString()).isEqualTo(name);
        assertThat(unchanged.get("contactPerson").asString()).isEqualTo("Pak Sekdes " + RUN);
        assertThat(operator.patchJson(path(code), "{\"phone\": \"\"}").statusCode()).isEqualTo(200);
        assertThat(json(operator.get(path(code))).get("phone").isNull()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'payer'").query(Long.class).single())
                .isEqualTo(audits + 1);
    }

    @Test
    void badInputIsRefusedWithTheFieldAndTheReasonAndChangesNothing() {
        Http dpmd = api("payer-dpmd-bad", Role.DPMD, "64.02");
        String taken = json(dpmd.postJson("/api/v1/payers", employer("CV Ganda " + RUN, VILLAGE))).get("code").asString();
        long before = payers();
        long audits = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        Map<String, String[]> cases = new java.util.LinkedHashMap<>();
        cases.put("{\"kind\": \"APBD\", \"name\": \"Pemda\", \"regionCode\": \"64.02\"}", new String[] {"kind", "KIND_NOT_REGISTRABLE"});
        cases.put("{\"kind\": \"SELF\", \"name\": \"Saya\", \"regionCode\": \"64.02\"}", new String[] {"kind", "KIND_NOT_REGISTRABLE"});
        cases.put("{\"kind\": \"BANK\", \"name\": \"Bank\", \"regionCode\": \"64.02\"}", new String[] {"kind", "KIND_INVALID"});
        cases.put("{\"name\": \"Tanpa Jenis\", \"regionCode\": \"64.02\"}", new String[] {"kind", "REQUIRED"});
        cases.put("{\"kind\": \"EMPLOYER\", \"regionCode\": \"64.02\"}", new String[] {"name", "REQUIRED"});
        cases.put("{\"kind\": \"EMPLOYER\", \"name\": \"PT A: Cabang\", \"regionCode\": \"64.02\"}", new String[] {"name", "NAME_INVALID"});
        cases.put("{\"kind\": \"DONOR\", \"name\": \"" + "x".repeat(121) + "\", \"regionCode\": \"64.02\"}", new String[] {"name", "TOO_LONG"});
        cases.put("{\"kind\": \"EMPLOYER\", \"name\": \"PT Tanpa Wilayah\"}", new String[] {"regionCode", "REQUIRED"});
        cases.put("{\"kind\": \"EMPLOYER\", \"name\": \"PT B\", \"regionCode\": \"64-02\"}", new String[] {"regionCode", "REGION_INVALID"});
        cases.put("{\"kind\": \"EMPLOYER\", \"name\": \"PT B\", \"regionCode\": \"64.02.99.9999\"}", new String[] {"regionCode", "REGION_UNKNOWN"});
        cases.put(employer("PT C " + RUN, VILLAGE).replace("0812 5555 0101", "call me"), new String[] {"phone", "PHONE_INVALID"});
        cases.put(employer("PT C " + RUN, VILLAGE).replace("rina@example.co.id", "rina at example"), new String[] {"email", "EMAIL_INVALID"});
        cases.forEach((body, expected) -> {
            HttpResponse<String> r = dpmd.postJson("/api/v1/payers", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).get("errors")).as(body).anySatisfy(e -> {
                assertThat(e.get("field").asString()).isEqualTo(expected[0]);
                assertThat(e.get("code").asString()).isEqualTo(expected[1]);
            });
        });
        HttpResponse<String> exists = dpmd.postJson("/api/v1/payers", employer("cv  ganda " + RUN.toLowerCase(), VILLAGE));
        assertThat(exists.statusCode()).isEqualTo(409);
        assertThat(json(exists).get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(json(exists).get("errors").get(0).get("code").asString()).isEqualTo("PAYER_EXISTS");
        // the English sentence names the payer registered under that name (the Indonesian one is the code's sentence)
        assertThat(json(dpmd.postJson("/api/v1/payers", employer("cv ganda " + RUN, VILLAGE), "Accept-Language", "en"))
                .get("detail").asString()).contains(taken);

        Map<String, String[]> changes = Map.of(
                "{\"phone\": \"12\"}", new String[] {"phone", "PHONE_INVALID"},
                "{\"email\": \"x@\", \"contactPerson\": \"Valid\"}", new String[] {"email", "EMAIL_INVALID"},
                "{\"name\": \" \"}", new String[] {"name", "REQUIRED"},
                "{\"address\": \"" + "a".repeat(301) + "\"}", new String[] {"address", "TOO_LONG"});
        changes.forEach((body, expected) -> {
            HttpResponse<String> r = dpmd.patchJson(path(taken), body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).get("errors").get(0).get("field").asString()).isEqualTo(expected[0]);
            assertThat(json(r).get("errors").get(0).get("code").asString()).isEqualTo(expected[1]);
        });
        String other = json(dpmd.postJson("/api/v1/payers", employer("CV Lain " + RUN, VILLAGE))).get("code").asString();
        HttpResponse<String> clash = dpmd.patchJson(path(other), "{\"name\": \"CV Ganda " + RUN + "\"}");
        assertThat(clash.statusCode()).isEqualTo(409);
        assertThat(json(clash).get("errors").get(0).get("code").asString()).isEqualTo("PAYER_EXISTS");
        assertThat(json(dpmd.get(path(taken))).get("contactPerson").asString()).isEqualTo("Bu Rina");
        assertThat(json(dpmd.get(path(other))).get("name").asString()).isEqualTo("CV Lain " + RUN);
        assertThat(payers()).isEqualTo(before + 1);
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(audits + 1);
        assertThat(json(dpmd.get("/api/v1/payers?kind=BANK")).get("errors").get(0).get("code").asString()).isEqualTo("KIND_INVALID");
    }

    @Test
    void aRenameToANameAnotherRenameTakesMeanwhileIsPayerExistsAsOneAfterTheOtherNotAServerError() throws Exception {
        Http dpmd = api("payer-dpmd-race", Role.DPMD, "64.02");
        String first = json(dpmd.postJson("/api/v1/payers", employer("CV Pertama " + RUN, VILLAGE))).get("code").asString();
        String second = json(dpmd.postJson("/api/v1/payers", employer("CV Kedua " + RUN, VILLAGE))).get("code").asString();
        String wanted = "CV Bersama " + RUN;
        long audits = jdbc.sql("select count(*) from audit_event where entity_type = 'payer'").query(Long.class).single();
        // another officer's rename of the first employer to the same name, not yet committed; the second rename reaches
        // the name's key, which the first holds, and waits for it
        @SuppressWarnings("unchecked")
        HttpResponse<String> r = (HttpResponse<String>) LockWaits.afterCommitOf(dataSource, jdbc,
                held -> LockWaits.execute(held, "update payer set name = ? where code = ?", wanted, first),
                "update payer set name", () -> dpmd.patchJson(path(second), "{\"name\": \"" + wanted + "\"}"));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(409);
        assertThat(json(r).get("code").asString()).isEqualTo("PAYER_EXISTS");
        assertThat(json(r).get("errors").get(0).get("field").asString()).isEqualTo("name");
        assertThat(json(dpmd.get(path(second))).get("name").asString()).isEqualTo("CV Kedua " + RUN);
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'payer'").query(Long.class).single())
                .isEqualTo(audits);
    }
}
