package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerImports;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Worker categories are data: the shipped set keeps every former code and has the new groups, and a category an
 * administrator adds at run time is offered by the form, accepted by the API and the import and shown in exports.
 * Regency 65.01 (Malinau) is used by no other test.
 */
@IntegrationTest
class WorkerCategoriesIntegrationTests {

    static final String VILLAGE = "65.01.01.2005";
    static final LocalDate BIRTH = LocalDate.of(1979, 4, 12);
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Codes unique to this run, so a category added here is new in any database. */
    static final String RUN = String.valueOf(ThreadLocalRandom.current().nextInt(100_000, 1_000_000));
    static final Actor ADMIN = TestUsers.actor("cat-admin", Role.ADMIN, "ID");

    /** The codes of the former enum: existing rows, files and API clients carry them. */
    static final List<String> FORMER_CODES = List.of("KEPALA_DESA", "PERANGKAT_DESA", "BPD", "LKD", "RT_RW", "KADER",
            "PENDAMPING_DESA", "HONORER", "PENYELENGGARA_PEMILU", "PETANI", "NELAYAN", "BURUH", "PEDAGANG_UMKM", "OJEK",
            "OTHER_INFORMAL");

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired WorkerImports imports;
    @Autowired WorkerCategories categories;

    private Http admin() {
        return RegistryFixture.api(port, accounts, "cat-admin", Role.ADMIN, "ID");
    }

    private Http dpmd() {
        return RegistryFixture.api(port, accounts, "cat-dpmd", Role.DPMD, "65.01");
    }

    private static JsonNode json(String body) {
        return JSON.readTree(body);
    }

    private static String newCategory(String code, boolean apparatus, String opensid) {
        return """
                {"code":"%s","nameId":"Petugas uji %s","nameEn":"Test worker %s","villageApparatus":%s,
                 "opensidCodes":[%s],"note":"a category of the integration test"}""".formatted(code, code, code, apparatus, opensid);
    }

    @Test
    void theShippedSetKeepsEveryFormerCodeAndHasTheNewGroups() {
        var response = dpmd().get("/api/v1/worker-categories");
        assertThat(response.statusCode()).isEqualTo(200);
        List<String> codes = json(response.body()).valueStream().map(c -> c.get("code").asString()).toList();
        assertThat(codes).containsAll(FORMER_CODES)
                .contains("GURU_NGAJI", "MARBOT", "PEKERJA_KEAGAMAAN", "LINMAS", "PKTD", "KPPS", "PPS", "PPK", "BURUH_TANI");
        Map<String, JsonNode> byCode = new HashMap<>();
        json(response.body()).valueStream().forEach(c -> byCode.put(c.get("code").asString(), c));
        for (String apparatus : List.of("KEPALA_DESA", "PERANGKAT_DESA", "BPD", "LKD", "RT_RW", "KADER")) {
            assertThat(byCode.get(apparatus).get("villageApparatus").asBoolean()).as(apparatus).isTrue();
            assertThat(byCode.get(apparatus).get("defaultSegment").asString()).as(apparatus).isEqualTo("PU");
        }
        assertThat(byCode.get("KEPALA_DESA").get("defaultWageParameter").asString()).isEqualTo("village.defaultWage.kepalaDesa");
        assertThat(byCode.get("PETANI").get("defaultSegment").asString()).isEqualTo("BPU");
        // what RULES.md does not support is flagged in the data, with a note saying so
        assertThat(byCode.get("LINMAS").get("verified").asBoolean()).isFalse();
        assertThat(byCode.get("LINMAS").get("note").asString()).contains("UNVERIFIED");
        assertThat(byCode.get("BURUH_TANI").get("opensidCodes").valueStream().map(JsonNode::asInt).toList()).containsExactly(20);
        assertThat(byCode.get("PENYELENGGARA_PEMILU").get("active").asBoolean()).as("the old election-staff code still works").isTrue();
    }

    @Test
    void onlyAnAdministratorAddsOrChangesACategoryAndEveryChangeIsAudited() {
        String code = "UJI_HAK_" + RUN;
        assertThat(dpmd().postJson("/api/v1/worker-categories", newCategory(code, false, "")).statusCode()).isEqualTo(403);
        assertThat(dpmd().putJson("/api/v1/worker-categories/PETANI", "{\"nameId\":\"Tani\"}").statusCode()).isEqualTo(403);

        var created = admin().postJson("/api/v1/worker-categories", newCategory(code, false, ""));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        assertThat(created.headers().firstValue("Location")).contains("/api/v1/worker-categories/" + code);
        assertThat(json(created.body()).get("defaultSegment").asString()).isEqualTo("BPU");

        var changed = admin().putJson("/api/v1/worker-categories/" + code, "{\"nameEn\":\"Renamed\",\"active\":false}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed.body()).get("nameId").asString()).as("left out: kept").isEqualTo("Petugas uji " + code);
        assertThat(json(changed.body()).get("active").asBoolean()).isFalse();

        assertThat(jdbc.sql("select action from audit_event where entity_type = 'worker_category' and entity_id = ? order by id")
                .param(code).query(String.class).list()).containsExactly("CREATE", "UPDATE");
        assertThat(jdbc.sql("""
                select after_state ->> 'nameEn' from audit_event where entity_type = 'worker_category' and entity_id = ?
                and action = 'UPDATE'""").param(code).query(String.class).single()).isEqualTo("Renamed");
    }

    @Test
    void refusedChangesNameTheirReason() {
        String code = "UJI_TOLAK_" + RUN;
        assertThat(problem(admin().postJson("/api/v1/worker-categories", newCategory("guru ngaji!", false, "")), 400))
                .isEqualTo("CODE_INVALID");
        assertThat(problem(admin().postJson("/api/v1/worker-categories", newCategory("PETANI", false, "")), 409))
                .isEqualTo("CATEGORY_EXISTS");
        assertThat(problem(admin().postJson("/api/v1/worker-categories", newCategory(code, false, "20")), 409))
                .as("OpenSID 20 maps to BURUH_TANI").isEqualTo("OPENSID_CODE_TAKEN");
        assertThat(problem(admin().postJson("/api/v1/worker-categories",
                "{\"code\":\"" + code + "\",\"nameId\":\"x\",\"nameEn\":\"x\",\"defaultWageParameter\":\"jkk.rate\"}"), 400))
                .isEqualTo("WAGE_PARAMETER_UNKNOWN");
        // an amount of the regulation data that is no default wage (the JKM lump sum, Rp 20 million)
        assertThat(problem(admin().postJson("/api/v1/worker-categories",
                "{\"code\":\"" + code + "\",\"nameId\":\"x\",\"nameEn\":\"x\",\"defaultWageParameter\":\"jkm.lumpSum\"}"), 400))
                .isEqualTo("WAGE_PARAMETER_UNKNOWN");
        assertThat(problem(admin().putJson("/api/v1/worker-categories/PETANI", "{\"code\":\"PEKEBUN\"}"), 400)).isEqualTo("CODE_FIXED");
        assertThat(admin().putJson("/api/v1/worker-categories/TIDAK_ADA_" + RUN, "{\"nameId\":\"x\"}").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from worker_category where code = ?").param(code).query(Long.class).single()).isZero();
    }

    /**
     * A category's names and note are free text shown on every worker page, list and export: a direction override and a
     * NUL-free escape sequence were stored as typed, a note's NUL reached the database, and names kept their spaces.
     */
    @Test
    void aCategorysNamesAndNoteObeyTheRulesForTextAndAreStoredNormalised() {
        String code = "UJI_TEKS_" + RUN;
        assertThat(admin().postJson("/api/v1/worker-categories", newCategory(code, false, "")).statusCode()).isEqualTo(201);
        for (String body : List.of("{\"nameId\":\"Petugas\\u202e uji\"}", "{\"nameEn\":\"Test\\u001b[31m\"}",
                "{\"note\":\"sumber\\u0000\"}", "{\"nameId\":\"Petugas\\u2066 uji\"}")) {
            var refused = admin().putJson("/api/v1/worker-categories/" + code, body);
            assertThat(problem(refused, 400)).as(body).isEqualTo("INVALID_CHARACTER");
        }
        var changed = admin().putJson("/api/v1/worker-categories/" + code,
                "{\"nameId\":\"  Petugas\\u200b   uji  baru \",\"note\":\" baris satu\\nbaris dua \"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(json(changed.body()).get("nameId").asString()).isEqualTo("Petugas uji baru");
        assertThat(jdbc.sql("select name_id || '|' || note from worker_category where code = ?").param(code).query(String.class).single())
                .isEqualTo("Petugas uji baru|baris satu\nbaris dua");
        assertThat(problem(admin().putJson("/api/v1/worker-categories/" + code, "{\"nameEn\":\"" + "x".repeat(101) + "\"}"), 400))
                .isEqualTo("TOO_LONG");
    }

    private static String problem(java.net.http.HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return json(response.body()).get("code").asString();
    }

    @Test
    void aCategoryAddedAtRunTimeIsOfferedByTheFormAndAcceptedByTheApiAndTheImportAndShownInExports() {
        String code = "UJI_APARAT_" + RUN;
        assertThat(admin().postJson("/api/v1/worker-categories", newCategory(code, true, "")).statusCode()).isEqualTo(201);

        // the form offers it, and registers a worker with it
        Http browser = RegistryFixture.browser(port, accounts, "cat-form", Role.DPMD, "65.01");
        String page = browser.get("/pekerja/baru").body();
        assertThat(page).contains("value=\"" + code + "\"").contains("Petugas uji " + code);
        String viaForm = Niks.unique("65.01.01", "L", BIRTH);
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Http.csrfOf(page));
        form.put("nik", viaForm);
        form.put("name", "Lukas Ding");
        form.put("sex", "L");
        form.put("birthDate", BIRTH.toString());
        form.put("villageCode", VILLAGE);
        form.put("category", code);
        form.put("programs", "JKK,JKM");
        form.put("startDate", "2025-03-01");
        var posted = browser.postForm("/pekerja/baru", form);
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(302);

        // the API, with the defaults its data gives: apparatus in a desa, so PU paid by the village
        String viaApi = Niks.unique("65.01.01", "P", BIRTH);
        var registered = dpmd().postJson("/api/v1/workers", """
                {"nik":"%s","name":"Maria Ulan","sex":"P","birthDate":"%s","villageCode":"%s","category":"%s",
                 "programs":["JKK","JKM"],"startDate":"2025-03-01"}""".formatted(viaApi, BIRTH, VILLAGE, code.toLowerCase()));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        assertThat(json(registered.body()).get("category").asString()).isEqualTo(code);
        assertThat(jdbc.sql("""
                select t.segment || '/' || p.code from membership_term t join worker w on w.id = t.worker_id
                join payer p on p.id = t.worker_payer_id where w.nik = ? and t.program = 'JKK'""").param(viaApi)
                .query(String.class).single()).isEqualTo("PU/APBDES:" + VILLAGE);

        // the import takes it, and still refuses a code that is no category, naming it
        String viaImport = Niks.unique("65.01.01", "L", BIRTH.plusDays(3));
        String unknown = Niks.unique("65.01.01", "L", BIRTH.plusDays(4));
        String csv = "nik,name,sex,birth_date,village_code,category\n"
                + viaImport + ",Yohanes Lawing,L," + BIRTH.plusDays(3) + "," + VILLAGE + "," + code + "\n"
                + unknown + ",Petrus Imang,L," + BIRTH.plusDays(4) + "," + VILLAGE + ",ASTRONOT_" + RUN + "\n";
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("kategori.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new WorkerImports.Options(null, LocalDate.of(2025, 3, 1), true)));
        assertThat(batch.workersCreated()).isEqualTo(1);
        assertThat(CurrentActor.runAs(ADMIN, () -> imports.rejections(batch.id(), 5)))
                .extracting(r -> r.code() + ":" + r.message().contains("ASTRONOT_" + RUN)).containsExactly("CATEGORY_UNKNOWN:true");

        // the export lists the three, filtered by the new category
        var export = dpmd().get("/api/v1/workers/export.csv?region=" + VILLAGE + "&category=" + code);
        assertThat(export.statusCode()).isEqualTo(200);
        assertThat(export.body()).contains(viaForm, viaApi, viaImport).contains("," + code + ",");
        assertThat(export.body().lines().skip(1).count()).isEqualTo(3);
    }

    @Test
    void aRetiredCategoryKeepsItsWorkersButTakesNoNewOnes() {
        String code = "UJI_PENSIUN_" + RUN;
        assertThat(admin().postJson("/api/v1/worker-categories", newCategory(code, false, "")).statusCode()).isEqualTo(201);
        String before = Niks.unique("65.01.01", "L", BIRTH.plusDays(10));
        var first = dpmd().postJson("/api/v1/workers", """
                {"nik":"%s","name":"Simon Lahang","sex":"L","birthDate":"%s","villageCode":"%s","category":"%s"}"""
                .formatted(before, BIRTH.plusDays(10), VILLAGE, code));
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(admin().putJson("/api/v1/worker-categories/" + code, "{\"active\":false}").statusCode()).isEqualTo(200);

        String after = Niks.unique("65.01.01", "L", BIRTH.plusDays(11));
        var refused = dpmd().postJson("/api/v1/workers", """
                {"nik":"%s","name":"Paulus Njau","sex":"L","birthDate":"%s","villageCode":"%s","category":"%s"}"""
                .formatted(after, BIRTH.plusDays(11), VILLAGE, code));
        assertThat(refused.body()).contains("CATEGORY_INACTIVE");
        assertThat(dpmd().get("/api/v1/workers/" + before).body()).contains("\"category\":\"" + code + "\"");
        assertThat(categories.active()).extracting(WorkerCategory::code).doesNotContain(code);
    }

    @Test
    void theDatabaseRefusesAnUnknownCodeAndKeepsCodesPermanent() {
        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DataAccessException.class, () -> jdbc.sql("""
                insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by)
                values (?, 'Galat', 'L', ?, ?, 'TIDAK_ADA', 'test')""")
                .params(Niks.unique("65.01.01", "L", BIRTH.plusDays(20)), BIRTH.plusDays(20), VILLAGE).update());
        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DataAccessException.class,
                () -> jdbc.sql("delete from worker_category where code = 'OJEK'").update());
        org.junit.jupiter.api.Assertions.assertThrows(org.springframework.dao.DataAccessException.class,
                () -> jdbc.sql("update worker_category set code = 'OJEK_ONLINE' where code = 'OJEK'").update());
    }

    @Test
    void thePageListsTheCategoriesAndOnlyAnAdministratorMayEditThem() {
        Http admin = RegistryFixture.browser(port, accounts, "cat-page-admin", Role.ADMIN, "ID");
        String list = admin.get("/pekerja/kategori").body();
        assertThat(list).contains("Kategori pekerja").contains("Guru ngaji").contains("/pekerja/kategori/GURU_NGAJI");

        String code = "UJI_HALAMAN_" + RUN;
        String form = admin.get("/pekerja/kategori/baru").body();
        Map<String, String> fields = new HashMap<>();
        fields.put("_csrf", Http.csrfOf(form));
        fields.put("code", code);
        fields.put("nameId", "Penjaga sekolah");
        fields.put("nameEn", "School caretaker");
        fields.put("defaultSegment", "BPU");
        fields.put("defaultWageParameter", "village.defaultWage.otherApparatus");
        fields.put("opensidCodes", "lima");
        fields.put("active", "on");
        var refused = admin.postForm("/pekerja/kategori", fields);
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Kode pekerjaan OpenSID harus angka");
        fields.put("opensidCodes", "");
        var saved = admin.postForm("/pekerja/kategori", fields);
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(302);
        assertThat(categories.find(code)).get().extracting(WorkerCategory::nameEn).isEqualTo("School caretaker");
        assertThat(admin.get("/pekerja/kategori?lang=en").body()).contains("Quran teacher (guru ngaji)").contains("School caretaker");

        Http operator = RegistryFixture.browser(port, accounts, "cat-page-op", Role.VILLAGE_OPERATOR, VILLAGE);
        assertThat(operator.get("/pekerja/kategori").body()).contains("Guru ngaji").doesNotContain("/pekerja/kategori/GURU_NGAJI");
        assertThat(operator.get("/pekerja/kategori/GURU_NGAJI").statusCode()).isEqualTo(403);
    }

    /**
     * A category's note, the tooltip of "belum terverifikasi", is in the page's language: the shipped notes have their
     * Indonesian text (V182), so an Indonesian page no longer shows the English one; a note given in one language only
     * shows in both, and an English note changed without its Indonesian text drops the old Indonesian one.
     */
    @Test
    void aCategorysNoteIsShownInThePagesLanguage() {
        Http browser = RegistryFixture.browser(port, accounts, "cat-note-page", Role.DPMD, "65.01");
        String indonesian = browser.get("/pekerja/kategori?lang=id").body();
        String english = browser.get("/pekerja/kategori?lang=en").body();
        String linmasId = "BELUM TERVERIFIKASI: sumber yang dikutip tidak menyebut bagaimana anggota Linmas didaftarkan";
        String linmasEn = "UNVERIFIED: the cited sources has no source on how Linmas members are registered";
        assertThat(indonesian).contains("title=\"" + linmasId).doesNotContain(linmasEn)
                .contains("title=\"BELUM TERVERIFIKASI: pekerja keagamaan informal");
        assertThat(english).contains("title=\"" + linmasEn).doesNotContain(linmasId);
        assertThat(indonesian).as("no shipped unverified category keeps an English tooltip on an Indonesian page")
                .doesNotContain("title=\"UNVERIFIED");

        String code = "UJI_CATATAN_" + RUN;
        assertThat(admin().postJson("/api/v1/worker-categories", newCategory(code, false, "")).statusCode()).isEqualTo(201);
        assertThat(browser.get("/pekerja/kategori?lang=id").body()).as("a note in one language shows in both").contains("title=\"a category of the integration test\"");
        var both = admin().putJson("/api/v1/worker-categories/" + code, "{\"noteId\":\"hanya uji\"}");
        assertThat(json(both.body()).get("noteId").asString()).isEqualTo("hanya uji");
        assertThat(browser.get("/pekerja/kategori?lang=id").body()).contains("title=\"hanya uji\"");
        assertThat(browser.get("/pekerja/kategori?lang=en").body()).contains("title=\"a category of the integration test\"");
        var changed = admin().putJson("/api/v1/worker-categories/" + code, "{\"note\":\"another source\"}");
        assertThat(json(changed.body()).get("noteId").isNull()).as("the Indonesian text of the old note is dropped").isTrue();
    }
}
