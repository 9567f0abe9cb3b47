package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.Multipart;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The register of regional regulations over the API: who may enter, the validation codes, the file by content, scope. */
@IntegrationTest
class LocalRegulationsIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Numbers unique to this run, in case the database outlives it (an external PostgreSQL). */
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private Http api(String username, Role role, String scope) {
        return Http.withToken(port, TestUsers.token(accounts, username, role, scope));
    }

    /** A multipart POST of form fields (a field may repeat) and, when content is not null, one file "file". */
    private static HttpResponse<String> post(Http http, List<String[]> fields, String fileName, byte[] content) {
        Multipart form = Multipart.form();
        fields.forEach(f -> form.field(f[0], f[1]));
        if (content != null) {
            form.file("file", fileName, "application/pdf", content);
        }
        return http.post("/api/v1/local-regulations", form.contentType(), form.body());
    }

    private static List<String[]> perbup(String number) {
        List<String[]> f = new ArrayList<>();
        f.add(new String[] {"kind", "PERBUP"});
        f.add(new String[] {"number", number});
        f.add(new String[] {"title", "Perlindungan Jaminan Sosial Ketenagakerjaan bagi Aparatur Desa"});
        f.add(new String[] {"regionCode", "64.02"});
        f.add(new String[] {"signedOn", "2024-02-01"});
        f.add(new String[] {"inForceFrom", "2024-03-01"});
        f.add(new String[] {"coversApparatus", "true"});
        f.add(new String[] {"programs", "JKK"});
        f.add(new String[] {"programs", "JKM"});
        f.add(new String[] {"budgets", "APBDES"});
        return f;
    }

    private static JsonNode json(HttpResponse<String> r) {
        return JSON.readTree(r.body());
    }

    private static List<String> codes(HttpResponse<String> r) {
        List<String> codes = new ArrayList<>();
        json(r).path("errors").forEach(e -> codes.add(e.path("code").asString()));
        return codes;
    }

    @Test
    void aDpmdEntersARegentRegulationWithItsPdfStoredUnderItsHash() {
        Http dpmd = api("reg.dpmd.kukar", Role.DPMD, "64.02");
        byte[] pdf = LocalRegulationFileTests.pdf();
        var created = post(dpmd, perbup("4 Tahun 2024 " + RUN), "perbup.pdf", pdf);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode body = json(created);
        assertThat(body.path("kind").asString()).isEqualTo("PERBUP");
        assertThat(body.path("programs").toString()).isEqualTo("[\"JKK\",\"JKM\"]");
        assertThat(body.path("file").path("sha256").asString()).isEqualTo(new LocalRegulationFile("x", pdf).sha256());
        assertThat(body.path("file").path("size").asLong()).isEqualTo(pdf.length);
        long id = body.path("id").asLong();

        var file = dpmd.get("/api/v1/local-regulations/" + id + "/file");
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/pdf"));
        assertThat(file.body().getBytes(StandardCharsets.ISO_8859_1).length).isEqualTo(pdf.length);

        Long audited = jdbc.sql("select count(*) from audit_event where entity_type = 'local_regulation' and entity_id = ?")
                .param(String.valueOf(id)).query(Long.class).single();
        assertThat(audited).isEqualTo(1);

        var again = post(dpmd, perbup("4  tahun 2024 " + RUN.toLowerCase()), "perbup.pdf", pdf);
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("code").asString()).isEqualTo("LOCAL_REGULATION_EXISTS");
        // a number with spaces is one value, quoted, so the Indonesian sentence places it rather than listing its pieces
        assertThat(json(again).path("detail").asString()).startsWith("number: Regulasi PERBUP nomor '4").endsWith("' untuk wilayah 64.02 sudah tercatat.");
    }

    @Test
    void aFileThatIsNotAPdfIsRefusedWhateverItsNameAndNothingIsStored() {
        Http bpjs = api("reg.bpjs.kukar", Role.BPJS_OFFICER, "64.02");
        long before = jdbc.sql("select count(*) from coverage_local_regulation").query(Long.class).single();
        var refused = post(bpjs, perbup("5 Tahun 2024 " + RUN), "perbup.pdf", "MZ\u0090 not a pdf".getBytes(StandardCharsets.UTF_8));
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(codes(refused)).containsExactly("FILE_NOT_PDF");
        assertThat(jdbc.sql("select count(*) from coverage_local_regulation").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void everyFieldAtFaultHasItsOwnCode() {
        Http dpmd = api("reg.dpmd.kukar", Role.DPMD, "64.02");
        var refused = dpmd.postJson("/api/v1/local-regulations", """
                {"kind": "PERWALI", "number": "", "title": "x", "regionCode": "64.02", "signedOn": "2099-01-01",
                 "inForceFrom": "2024-05-01", "inForceUntil": "2024-04-30", "programs": ["JKK", "JKN"], "budgets": ["APBN"]}""");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(codes(refused)).containsExactlyInAnyOrder("KIND_NOT_FOR_REGION", "REQUIRED", "DATE_IN_FUTURE",
                "PERIOD_INVALID", "PROGRAM_INVALID", "BUDGET_INVALID");
        var badDate = dpmd.postJson("/api/v1/local-regulations", """
                {"kind": "SURAT_EDARAN", "number": "1", "title": "x", "regionCode": "64.02", "signedOn": "01/02/2024",
                 "inForceFrom": "2024-02-01"}""");
        assertThat(codes(badDate)).containsExactly("DATE_INVALID");
        var badKind = dpmd.postJson("/api/v1/local-regulations", """
                {"kind": "PERPRES", "number": "1", "title": "x", "regionCode": "64.02", "signedOn": "2024-02-01",
                 "inForceFrom": "2024-02-01"}""");
        assertThat(codes(badKind)).containsExactly("KIND_INVALID");
        // a malformed region is the module's one code, on entry as on the list (contract review of 6 December 2026)
        var badRegion = dpmd.postJson("/api/v1/local-regulations", """
                {"kind": "MOU", "number": "1", "title": "x", "regionCode": "x", "signedOn": "2024-02-01",
                 "inForceFrom": "2024-02-01"}""");
        assertThat(badRegion.statusCode()).isEqualTo(400);
        assertThat(codes(badRegion)).containsExactly("REGION_CODE_INVALID");
        assertThat(codes(dpmd.get("/api/v1/local-regulations?region=x"))).containsExactly("REGION_CODE_INVALID");
    }

    @Test
    void onlyDpmdAndBpjsOfficersEnterAndOnlyInTheirScope() {
        String mou = """
                {"kind": "MOU", "number": "PKS/%s/%s", "title": "Kerja sama perlindungan pekerja rentan", "regionCode": "%s",
                 "signedOn": "2025-01-10", "inForceFrom": "2025-01-10", "inForceUntil": "2027-12-31", "coversVulnerable": true,
                 "counterparty": "BPJS Ketenagakerjaan Cabang Tenggarong"}""";
        var monitor = api("reg.monitor", Role.MONITOR, "ID").postJson("/api/v1/local-regulations", mou.formatted(RUN, 1, "64.02"));
        assertThat(monitor.statusCode()).isEqualTo(403);
        var operator = api("reg.operator", Role.VILLAGE_OPERATOR, "64.02.03.2007")
                .postJson("/api/v1/local-regulations", mou.formatted(RUN, 2, "64.02.03.2007"));
        assertThat(operator.statusCode()).isEqualTo(403);
        var elsewhere = api("reg.dpmd.kukar", Role.DPMD, "64.02").postJson("/api/v1/local-regulations", mou.formatted(RUN, 3, "73.02"));
        assertThat(elsewhere.statusCode()).isEqualTo(404);
        var ok = api("reg.bpjs.kukar", Role.BPJS_OFFICER, "64.02").postJson("/api/v1/local-regulations", mou.formatted(RUN, 4, "64.02"));
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(201);
        assertThat(json(ok).path("file").isNull()).isTrue();
    }

    @Test
    void aRegionsListHoldsItsOwnItsVillagesAndItsProvincesRegulationsButNoSiblings() {
        Http province = api("reg.dpmd.kaltim", Role.DPMD, "64");
        assertThat(province.postJson("/api/v1/local-regulations", """
                {"kind": "PERGUB", "number": "12 Tahun 2023 %s", "title": "Pergub Jamsostek", "regionCode": "64",
                 "signedOn": "2023-06-01", "inForceFrom": "2023-07-01", "coversApparatus": true}""".formatted(RUN)).statusCode())
                .isEqualTo(201);
        Http village = api("reg.dpmd.kukar", Role.DPMD, "64.02");
        assertThat(village.postJson("/api/v1/local-regulations", """
                {"kind": "PERDES", "number": "2 Tahun 2025 %s", "title": "Perdes APBDes Jamsostek", "regionCode": "64.02.03.2007",
                 "signedOn": "2025-01-05", "inForceFrom": "2025-01-05", "inForceUntil": "2025-12-31", "budgets": ["APBDES"]}"""
                .formatted(RUN)).statusCode()).isEqualTo(201);
        Http far = api("reg.dpmd.bulukumba", Role.DPMD, "73.02");
        assertThat(far.postJson("/api/v1/local-regulations", """
                {"kind": "PERBUP", "number": "9 Tahun 2024 %s", "title": "Perbup Bulukumba", "regionCode": "73.02",
                 "signedOn": "2024-01-05", "inForceFrom": "2024-01-05"}""".formatted(RUN)).statusCode()).isEqualTo(201);

        var operator = api("reg.operator", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        String list = operator.get("/api/v1/local-regulations").body();
        assertThat(list).contains("12 Tahun 2023 " + RUN, "2 Tahun 2025 " + RUN).doesNotContain("9 Tahun 2024 " + RUN);
        String inForce2026 = operator.get("/api/v1/local-regulations?inForceOn=2026-01-01").body();
        assertThat(inForce2026).contains("12 Tahun 2023 " + RUN).doesNotContain("2 Tahun 2025 " + RUN);
        assertThat(village.get("/api/v1/local-regulations?region=73.02").statusCode()).isEqualTo(404);
        // a well-formed code that names no region is not found either, as on the coverage endpoints
        Http nation = api("reg.admin", Role.ADMIN, "ID");
        for (String unknown : new String[] {"64.99", "64.02.99", "99.99.99.9999"}) {
            var answer = nation.get("/api/v1/local-regulations?region=" + unknown);
            assertThat(answer.statusCode()).as(unknown + ": " + answer.body()).isEqualTo(404);
        }
        assertThat(json(nation.get("/api/v1/local-regulations?region=64.02")).path("region").asString()).isEqualTo("64.02");
        assertThat(json(nation.get("/api/v1/local-regulations?region=id")).path("region").asString()).isEqualTo("ID");
        long farId = json(far.get("/api/v1/local-regulations")).path("items").get(0).path("id").asLong();
        assertThat(village.get("/api/v1/local-regulations/" + farId).statusCode()).isEqualTo(404);
    }
    @Test
    void anMousTypedSignatoryNikAndBirthDateAreMaskedForMonitorsAndAuditorsInTheListEntryPageAndDownload() {
        Http dpmd = api("reg.dpmd.mou", Role.DPMD, "64.02");
        List<String[]> fields = perbup("12 Tahun 2024 " + RUN);
        fields.add(new String[] {"counterparty", "Kepala Desa Budi, NIK 6402031409740001"});
        fields.add(new String[] {"note", "Ditandatangani Budi (NIK 6402 0314 0974 0001, lahir 1974-09-14)"});
        var created = post(dpmd, fields, null, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        long id = json(created).path("id").asLong();
        // the writer reads what was typed, whole
        assertThat(dpmd.get("/api/v1/local-regulations/" + id).body()).contains("6402031409740001", "6402 0314 0974 0001", "1974-09-14");

        for (Http masked : List.of(api("reg.monitor.mou", Role.MONITOR, "ID"), api("reg.auditor.mou", Role.AUDITOR, "64.02"))) {
            for (String path : List.of("/api/v1/local-regulations/" + id, "/api/v1/local-regulations?region=64.02",
                    "/cakupan/regulasi?region=64.02", "/cakupan/regulasi/ekspor?region=64.02&format=csv")) {
                HttpResponse<String> r = masked.get(path);
                assertThat(r.statusCode()).as(path).isEqualTo(200);
                assertThat(r.body()).as(path).contains("Kepala Desa Budi").doesNotContain("6402031409740001", "1409740001",
                        "0314 0974", "1974-09-14");
            }
        }
        // stored as typed: masking is for the reader
        assertThat(jdbc.sql("select counterparty from coverage_local_regulation where id = ?").param(id).query(String.class).single())
                .endsWith("6402031409740001");
    }

    @Test
    void aSpacedNikInARegulationsCounterpartyIsMaskedInTheAuditTrailAsOnTheRegulationsOwnPage() {
        Http dpmd = api("reg.dpmd.audit", Role.DPMD, "64.02");
        List<String[]> fields = perbup("13 Tahun 2024 " + RUN);
        fields.add(new String[] {"counterparty", "Kepala Desa Budi, NIK 6402 0314 0974 0001"});
        var created = post(dpmd, fields, null, null);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        Http auditor = api("reg.auditor.audit", Role.AUDITOR, "64.02");
        for (String path : List.of("/api/v1/audit?type=local_regulation&user=reg.dpmd.audit",
                "/audit?type=local_regulation&user=reg.dpmd.audit")) {
            HttpResponse<String> r = auditor.get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.body()).as(path).contains("Kepala Desa Budi").contains("6402 03** **** **01").doesNotContain("0314 0974");
        }
        // the writer's own reading is whole
        assertThat(api("reg.admin.audit", Role.ADMIN, "ID").get("/api/v1/audit?type=local_regulation&user=reg.dpmd.audit").body())
                .contains("6402 0314 0974 0001");
    }
}
