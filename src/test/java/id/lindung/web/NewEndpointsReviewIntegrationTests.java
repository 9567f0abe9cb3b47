package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingJobs;
import id.lindung.budget.NamedLists;
import id.lindung.platform.InvalidInputException;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.LockWaits;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * The security review of 2 December 2026 (docs/security.md): the endpoints and pages added by the budget, coverage and
 * billing-job sessions probed as an attacker would, for scope by id guessing, masking for the read-only roles, writes by
 * read-only roles and hostile uploads. Each test failed before its fix or pins a rule the review found held.
 */
@IntegrationTest
class NewEndpointsReviewIntegrationTests {

    static final String DESA = "72.04.02.2007";
    static final String VILLAGE = "62.02.01.2008";
    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Pattern WHOLE_NIK = Pattern.compile("(?<![0-9])[0-9]{16}(?![0-9])");
    private static final AtomicInteger SERIAL = new AtomicInteger(5000 + (int) (System.nanoTime() % 1000));

    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingJobs jobs;
    @Autowired NamedLists namedLists;
    @Autowired DataSource dataSource;
    @LocalServerPort int port;

    Http api(String user, Role role, String scope) {
        return TestUsers.api(port, accounts, user, role, scope);
    }

    Http browser(String user, Role role, String scope) {
        return TestUsers.browser(port, accounts, user, role, scope);
    }

    static String nik(LocalDate birth) {
        return "720402" + String.format("%02d%02d%02d", birth.getDayOfMonth(), birth.getMonthValue(), birth.getYear() % 100)
                + String.format("%04d", SERIAL.getAndIncrement());
    }

    /** A draft plan of the desa's APBDes with a one-person named list; returns {plan id, the person's NIK}. */
    Object[] planWithList() {
        jdbc.sql("""
                insert into payer (code, kind, name, region_code) values (?, 'APBDES', 'Pemerintah Desa Tompe', ?)
                on conflict (code) do nothing""").params("APBDES:" + DESA, DESA).update();
        Http dpmd = api("rv-dpmd", Role.DPMD, "72.04");
        int year = TestClock.nextBusinessYear();
        HttpResponse<String> created = dpmd.postJson("/api/v1/budget-plans", "{\"payer\":\"APBDES:" + DESA + "\",\"year\":" + year + "}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = JSON.readTree(created.body()).get("id").asLong();
        LocalDate birth = LocalDate.of(1979, 3, 4);
        String nik = nik(birth);
        HttpResponse<String> up = dpmd.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "daftar.csv",
                ("nik,name,sex,birth_date,category,segment,wage,programs,p3ke_decile\n" + nik + ",Orang Review,L," + birth
                        + ",NELAYAN,BPU,1000000,JKK;JKM,1\n").getBytes(StandardCharsets.UTF_8), "-");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        return new Object[] {id, nik};
    }

    @Test
    void everyNewFormAndApiPostOfASignedInBrowserWithoutItsCsrfTokenIsRefusedAndChangesNothing() {
        Object[] p = planWithList();
        long id = (long) p[0];
        Http browser = browser("rv-csrf-dpmd", Role.DPMD, "72.04");
        String year = Integer.toString(TestClock.nextBusinessYear());
        java.util.Map<String, String> plan = java.util.Map.of("payer", "APBDES:" + DESA, "year", year);
        for (String path : List.of("/anggaran/baru", "/anggaran/pratinjau", "/anggaran/formulir", "/anggaran/" + id + "/ubah",
                "/anggaran/" + id + "/final", "/anggaran/" + id + "/prioritas", "/anggaran/" + id + "/daftarkan",
                "/anggaran/" + id + "/daftar-nama/hapus", "/cakupan/regulasi", "/api/v1/budget-plans/" + id + "/final",
                "/api/v1/budget-plans/" + id + "/enrol")) {
            assertThat(browser.postForm(path, plan).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(browser.postJson("/api/v1/budget-payers/APBDES:" + DESA + "/category-rank", "{}").statusCode()).isIn(403, 405);
        assertThat(browser.putJson("/api/v1/budget-payers/APBDES:" + DESA + "/category-rank", "{\"categoryRank\":[\"PETANI\"]}")
                .statusCode()).isEqualTo(403);
        assertThat(browser.delete("/api/v1/budget-plans/" + id + "/named-list").statusCode()).isEqualTo(403);
        assertThat(browser.upload("/anggaran/" + id + "/daftar-nama", "file", "x.csv", "nik\n".getBytes(StandardCharsets.UTF_8), "forged")
                .statusCode()).isEqualTo(403);
        assertThat(jdbc.sql("select status from budget_plan where id = ?").param(id).query(String.class).single()).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select people from budget_list where plan_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void anotherRegencysDpmdFindsNoPlanNamedListOrPayerRankingByGuessingTheirIds() {
        Object[] p = planWithList();
        long id = (long) p[0];
        Http other = api("rv-dpmd-other", Role.DPMD, "62.02");
        for (String path : List.of("/api/v1/budget-plans/" + id, "/api/v1/budget-plans/" + id + "/named-list",
                "/api/v1/budget-plans/" + id + "/pdf", "/api/v1/budget-plans/" + id + "/xlsx",
                "/api/v1/budget-payers/APBDES:" + DESA + "/category-rank", "/anggaran/" + id, "/anggaran/" + id + "/prioritas",
                "/anggaran/" + id + "/ubah", "/api/v1/budget-plans/compare?ids=" + id + "," + id)) {
            assertThat(other.get(path).statusCode()).as(path).isEqualTo(404);
        }
        assertThat(other.delete("/api/v1/budget-plans/" + id + "/named-list").statusCode()).isEqualTo(404);
        assertThat(other.putJson("/api/v1/budget-payers/APBDES:" + DESA + "/category-rank", "{\"categoryRank\":[\"PETANI\"]}")
                .statusCode()).isEqualTo(404);
        assertThat(other.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "x.csv", "nik\n".getBytes(StandardCharsets.UTF_8), "-")
                .statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select people from budget_list where plan_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);

        HttpResponse<String> mou = api("rv-dpmd", Role.DPMD, "72.04").postJson("/api/v1/local-regulations", """
                {"kind":"MOU","number":"RV-%d","title":"Kerja sama perlindungan","regionCode":"%s","signedOn":"2024-01-02",
                 "inForceFrom":"2024-01-02","counterparty":"BPJS Ketenagakerjaan Cabang Tolitoli"}""".formatted(System.nanoTime(), DESA));
        assertThat(mou.statusCode()).as(mou.body()).isEqualTo(201);
        long regulation = JSON.readTree(mou.body()).get("id").asLong();
        assertThat(other.get("/api/v1/local-regulations/" + regulation).statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/local-regulations/" + regulation + "/file").statusCode()).isEqualTo(404);
        assertThat(other.get("/api/v1/local-regulations").body()).doesNotContain("\"id\":" + regulation + ",");
    }

    @Test
    void readOnlyRolesSeeANamedListsPeopleMaskedAndCannotChangeTheListOrTheRanking() {
        Object[] p = planWithList();
        long id = (long) p[0];
        for (Role role : List.of(Role.MONITOR, Role.AUDITOR)) {
            Http api = api("rv-" + role.name().toLowerCase(), role, "72.04");
            for (String path : List.of("/api/v1/budget-plans/" + id + "/named-list", "/api/v1/budget-plans/" + id)) {
                HttpResponse<String> r = api.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).doesNotContain((String) p[1]).doesNotContainPattern(WHOLE_NIK);
            }
            Http page = browser("rv-page-" + role.name().toLowerCase(), role, "72.04");
            for (String path : List.of("/anggaran/" + id, "/anggaran/" + id + "/prioritas?candidates=IMPORTED_LIST&budget=100000000")) {
                HttpResponse<String> r = page.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).doesNotContain((String) p[1]);
            }
            assertThat(api.delete("/api/v1/budget-plans/" + id + "/named-list").statusCode()).isEqualTo(403);
            assertThat(api.putJson("/api/v1/budget-payers/APBDES:" + DESA + "/category-rank", "{\"categoryRank\":[\"PETANI\"]}")
                    .statusCode()).isEqualTo(403);
            assertThat(api.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "x.csv", "nik\n".getBytes(StandardCharsets.UTF_8), "-")
                    .statusCode()).isEqualTo(403);
        }
    }

    @Test
    void aNamedListKeepsOnlyTheLastSegmentOfTheUploadedFileName() {
        Object[] p = planWithList();
        long id = (long) p[0];
        Http dpmd = api("rv-dpmd", Role.DPMD, "72.04");
        LocalDate birth = LocalDate.of(1980, 5, 6);
        HttpResponse<String> up = dpmd.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "..\\..\\etc/daftar\u0007.csv",
                ("nik,name,sex,birth_date,category,segment,wage,programs,p3ke_decile\n" + nik(birth) + ",Orang Dua,L," + birth
                        + ",NELAYAN,BPU,1000000,JKK;JKM,1\n").getBytes(StandardCharsets.UTF_8), "-");
        assertThat(up.statusCode()).as(up.body()).isEqualTo(200);
        assertThat(jdbc.sql("select file_name from budget_list where plan_id = ?").param(id).query(String.class).single())
                .isEqualTo("daftar.csv");
    }

    @Test
    void aNamedListUploadedWhileItsPlanIsMarkedFinalLeavesTheApprovedFiguresAlone() throws Exception {
        Object[] p = planWithList();
        long id = (long) p[0];
        String approved = jdbc.sql("select result::text from budget_plan where id = ?").param(id).query(String.class).single();
        LocalDate birth = LocalDate.of(1981, 7, 8);
        byte[] csv = ("nik,name,sex,birth_date,category,segment,wage,programs,p3ke_decile\n" + nik(birth) + ",Orang Tiga,L," + birth
                + ",PETANI,BPU,2000000,JKK;JKM,2\n").getBytes(StandardCharsets.UTF_8);
        Actor dpmd = TestUsers.actor("rv-dpmd", Role.DPMD, "72.04");
        // the upload reaches the plan's row, which the approver's transaction holds, and waits there
        Object outcome = LockWaits.afterCommitOf(dataSource, jdbc,
                approver -> LockWaits.execute(approver, "update budget_plan set status = 'FINAL' where id = ?", id),
                "budget_plan", () -> namedLists.upload(id, "daftar.csv", new ByteArrayInputStream(csv), dpmd));
        assertThat(outcome).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) outcome).problems()).extracting(x -> x.code()).containsExactly("PLAN_FINAL");
        assertThat(jdbc.sql("select result::text from budget_plan where id = ?").param(id).query(String.class).single())
                .isEqualTo(approved);
        assertThat(jdbc.sql("select people from budget_list where plan_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void aNamedListThatIsACorruptOrExplodingSpreadsheetIsRefusedWithACodeNotA500() throws Exception {
        Object[] p = planWithList();
        long id = (long) p[0];
        Http dpmd = api("rv-dpmd", Role.DPMD, "72.04");
        byte[] corrupt = {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
        HttpResponse<String> r = dpmd.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "daftar.xlsx", corrupt, "-");
        assertThat(r.statusCode()).as(r.body()).isBetween(400, 499);
        assertThat(r.body()).contains("\"code\"");

        HttpResponse<String> bomb = dpmd.upload("/api/v1/budget-plans/" + id + "/named-list", "file", "daftar.xlsx", zipBomb(), "-");
        assertThat(bomb.statusCode()).as(bomb.body()).isBetween(400, 499);
        assertThat(bomb.body()).contains("\"code\"");
        assertThat(jdbc.sql("select people from budget_list where plan_id = ?").param(id).query(Integer.class).single()).isEqualTo(1);
    }

    /** An XLSX whose only sheet inflates to 300 MB of spaces (under 1 MB compressed). */
    static byte[] zipBomb() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write(("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
                    + "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
                    + "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
                    + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/>"
                    + "<Override PartName=\"/xl/worksheets/sheet1.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml\"/>"
                    + "</Types>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("_rels/.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"xl/workbook.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/workbook.xml"));
            zip.write(("<?xml version=\"1.0\"?><workbook xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" "
                    + "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><sheets>"
                    + "<sheet name=\"S\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/_rels/workbook.xml.rels"));
            zip.write(("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
                    + "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" Target=\"worksheets/sheet1.xml\"/>"
                    + "</Relationships>").getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            zip.write("<?xml version=\"1.0\"?><worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><sheetData>"
                    .getBytes(StandardCharsets.UTF_8));
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 300; i++) {
                zip.write(spaces);
            }
            zip.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    /**
     * Every coverage endpoint, API and page, for the nation, the DPMD's own province, a sibling regency of that province
     * and a regency of another province: 404 each time (issue 14, "Scope as everywhere"); its own regency answers 200.
     */
    @Test
    void aRegencysDpmdAskingForAnotherRegencyOrTheNationsCoverageGets404() {
        Http dpmd = api("rv-dpmd", Role.DPMD, "72.04");
        List<String> endpoints = List.of("/api/v1/coverage?region=%s", "/api/v1/coverage?region=%s&date=2025-06-30",
                "/api/v1/coverage/children?region=%s", "/api/v1/coverage/trend?region=%s&from=2025-01&to=2025-02",
                "/api/v1/coverage/desa-sadar?region=%s", "/api/v1/coverage/desa-sadar?region=%s&status=NEAR",
                "/api/v1/reports/monev?region=%s&semester=2025-2&format=json",
                "/api/v1/reports/monev?region=%s&semester=2025-2&format=pdf",
                "/api/v1/reports/monev?region=%s&semester=2025-2&format=xlsx", "/api/v1/local-regulations?region=%s",
                "/cakupan?region=%s", "/cakupan/tren?region=%s", "/cakupan/ekspor?region=%s&table=trend&format=xlsx",
                "/cakupan/ekspor?region=%s&table=desa-sadar&format=csv", "/cakupan/regulasi?region=%s",
                "/cakupan/monev/unduh?region=%s&semester=2025-2&format=pdf");
        String village = jdbc.sql("select min(code) from region_area where level = 'VILLAGE' and code >= '72.01' and code < '72.01/'")
                .query(String.class).single();
        for (String endpoint : endpoints) {
            for (String region : List.of("ID", "72", "72.01", "62.02", village)) {
                String path = endpoint.formatted(region);
                HttpResponse<String> r = dpmd.get(path);
                assertThat(r.statusCode()).as(path + " " + r.body()).isEqualTo(404);
            }
            String own = endpoint.formatted("72.04");
            assertThat(dpmd.get(own).statusCode()).as(own).isEqualTo(200);
        }
        assertThat(dpmd.postJson("/api/v1/local-regulations", """
                {"kind": "PERGUB", "number": "rv-%s", "title": "Di luar wilayah", "regionCode": "72",
                 "signedOn": "2025-01-10", "inForceFrom": "2025-01-10"}""".formatted(System.nanoTime())).statusCode())
                .as("a regulation for the province above").isEqualTo(404);
    }

    @Test
    void aPlansNameOrBudgetLineTooLongOrWithControlCharactersIsRefusedAtItsFieldNeverA500AndNothingIsStored() {
        jdbc.sql("""
                insert into payer (code, kind, name, region_code) values (?, 'APBDES', 'Pemerintah Desa Tompe', ?)
                on conflict (code) do nothing""").params("APBDES:" + DESA, DESA).update();
        Http dpmd = api("rv-dpmd", Role.DPMD, "72.04");
        int year = TestClock.nextBusinessYear();
        String plan = "{\"payer\":\"APBDES:" + DESA + "\",\"year\":" + year;
        String cohort = ",\"cohorts\":[{\"category\":\"NELAYAN\",\"segment\":\"BPU\",\"count\":1,\"wage\":1000000,"
                + "\"programs\":[\"JKK\",\"JKM\"],\"budgetLine\":";
        long before = jdbc.sql("select count(*) from budget_plan").query(Long.class).single();
        // a 100,000-character name broke the table's check (at most 200): a 500; a direction override or a bell was kept
        Map<String, String[]> bodies = new java.util.LinkedHashMap<>();
        bodies.put("long name", new String[] {plan + ",\"name\":\"" + "A".repeat(100_000) + "\"}", "name", "TOO_LONG"});
        bodies.put("override in name", new String[] {plan + ",\"name\":\"rencana \\u202Eanggaran\"}", "name", "INVALID_CHARACTER"});
        bodies.put("bell in budget line", new String[] {plan + cohort + "\"Dinas\\u0007Sosial\"}]}", "cohorts[0].budgetLine",
                "INVALID_CHARACTER"});
        bodies.forEach((what, b) -> {
            HttpResponse<String> r = dpmd.postJson("/api/v1/budget-plans", b[0]);
            assertThat(r.statusCode()).as(what + ": " + r.body()).isBetween(400, 422);
            assertThat(r.body()).as(what).contains("\"field\":\"" + b[1] + "\"", "\"code\":\"" + b[2] + "\"");
        });
        // the editor's form: its page again with the problem, not the error page
        HttpResponse<String> page = dpmd.postForm("/anggaran/baru", Map.of("payer", "APBDES:" + DESA, "year", String.valueOf(year),
                "name", "A".repeat(100_000), "rowCount", "0"));
        assertThat(page.statusCode()).as(page.body()).isBetween(200, 422);
        assertThat(jdbc.sql("select count(*) from budget_plan").query(Long.class).single()).isEqualTo(before);
        // a name is kept as every line of text is, its runs of spaces joined: 300 spaces no longer pass the check and break the table's
        HttpResponse<String> spaced = dpmd.postJson("/api/v1/budget-plans", plan + ",\"name\":\"Rencana" + " ".repeat(300) + "B\"}");
        assertThat(spaced.statusCode()).as(spaced.body()).isEqualTo(201);
        assertThat(spaced.body()).contains("\"name\":\"Rencana B\"");
    }

    @Test
    void badCoverageParametersGetASpecificCodeNeverA500() {
        Http dpmd = api("rv-dpmd", Role.DPMD, "72.04");
        for (String path : List.of("/api/v1/coverage?date=kemarin", "/api/v1/coverage?region=%00", "/api/v1/coverage?region=72.04&date=2025-02-30",
                "/api/v1/coverage?region=72.04&periodFrom=2025-03-01&periodTo=2025-01-01",
                "/api/v1/coverage/trend?region=72.04&from=2025-13&to=2026-01", "/api/v1/coverage/trend?region=72.04&to=2026-01",
                "/api/v1/coverage/trend?region=72.04&from=2020-01&to=2026-01", "/api/v1/coverage/trend?region=72.04&from=2026-01&to=2025-01",
                "/api/v1/coverage/desa-sadar?region=72.04&status=maybe",
                "/api/v1/reports/monev?region=72.04&semester=2025-3&format=json", "/api/v1/reports/monev?region=72.04&semester=x&format=json",
                "/api/v1/reports/monev?region=72.04&semester=2025-2&format=exe",
                "/cakupan/ekspor?region=72.04&table=nope", "/cakupan/ekspor?region=72.04&table=trend&format=exe",
                "/cakupan/ekspor?region=72.04&table=trend&date=2025-99-01",
                "/api/v1/local-regulations?inForceOn=kemarin", "/api/v1/local-regulations/abc",
                "/api/v1/budget-plans/compare?ids=1,x", "/api/v1/budget-plans?year=20x6",
                "/api/v1/budget-payers/%20/category-rank")) {
            HttpResponse<String> r = dpmd.get(path);
            assertThat(r.statusCode()).as(path + " " + r.body()).isBetween(400, 499);
            if (path.startsWith("/api/")) {
                // a page's route answers the error page with the status (ApiExceptionHandler), the API a problem with a code
                assertThat(r.body()).as(path).contains("\"code\"");
            }
        }
    }

    @Test
    void aPaymentFilesRejectedRowsOnTheJobPageShowMaskedRolesNoWholeNik() throws Exception {
        Actor operator = TestUsers.actor("rv-operator", Role.VILLAGE_OPERATOR, VILLAGE);
        String nik = "620201" + "040379" + String.format("%04d", SERIAL.getAndIncrement());
        byte[] file = ("payer,reference,date,amount\nSELF:" + nik + ",RV-1,2025-01-05,5000\n").getBytes(StandardCharsets.UTF_8);
        long id = jobs.startPaymentImport("bayar.csv", new ByteArrayInputStream(file), true, operator);
        long deadline = System.nanoTime() + 60_000_000_000L;
        while ("RUNNING".equals(jobs.get(id, operator).status()) && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(jobs.get(id, operator).status()).isEqualTo("DONE");
        for (Role role : List.of(Role.MONITOR, Role.AUDITOR)) {
            HttpResponse<String> page = browser("rv-job-" + role.name().toLowerCase(), role, VILLAGE).get("/proses/" + id);
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).doesNotContain(nik);
        }
        assertThat(api("rv-job-other", Role.DPMD, "72.04").get("/proses/" + id).statusCode()).isEqualTo(404);
    }
}
