package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditTrailIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void aChangeThroughTheApiIsAuditedWithWhoWhatBeforeAfterAndAddress() {
        String dpmd = TestUsers.token(accounts, "audit-dpmd", Role.DPMD, "73.02");
        Http api = Http.withToken(port, dpmd);
        api.post("/api/v1/workforce/imports", "text/csv",
                "region_code,year,potential_workers,source\n73.02.01.2004,2019,500,BPS\n".getBytes(StandardCharsets.UTF_8));
        var second = api.post("/api/v1/workforce/imports", "text/csv",
                "region_code,year,potential_workers,source\n73.02.01.2004,2019,650,BPS revisi\n".getBytes(StandardCharsets.UTF_8));
        assertThat(second.statusCode()).isEqualTo(200);

        String auditor = TestUsers.token(accounts, "audit-reader", Role.AUDITOR, "73.02");
        var events = Http.withToken(port, auditor).get("/api/v1/audit?user=audit-dpmd&type=potential_workforce");
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body())
                .contains("\"entityId\":\"73.02.01.2004/2019\"")
                .contains("\"username\":\"audit-dpmd\"")
                .contains("\"address\":\"127.0.0.1\"")
                .contains("650").contains("BPS revisi")
                .contains("\"before\":\"{\\\"demo\\\": false, \\\"source\\\": \\\"BPS\\\", \\\"potentialWorkers\\\": 500}\"");
    }

    @Test
    void aRoleThatMayNotReadTheTrailIsRefusedBeforeItsParametersAreRead() {
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "audit-params-dpmd", Role.DPMD, "64.02"));
        for (String query : new String[] {"", "?from=xx", "?page=abc", "?size=x&to=2026-13-01", "?from=2026-12-01&to=2026-01-01"}) {
            for (String path : new String[] {"/api/v1/audit", "/audit/ekspor"}) {
                var answer = dpmd.get(path + query);
                assertThat(answer.statusCode()).as(path + query).isEqualTo(403);
                assertThat(answer.body()).as(path + query).contains("\"code\":\"FORBIDDEN\"").doesNotContain("INVALID");
                // HEAD is served by the GET mapping: it must not tell a 400 from a 403 either
                assertThat(dpmd.head(path + query).statusCode()).as("HEAD " + path + query).isEqualTo(403);
            }
            assertThat(dpmd.head("/audit" + query).statusCode()).as("HEAD /audit" + query).isEqualTo(403);
        }
        Http auditor = Http.withToken(port, TestUsers.token(accounts, "audit-params-auditor", Role.AUDITOR, "64.02"));
        assertThat(auditor.get("/api/v1/audit?from=xx").statusCode()).as("a reader's bad parameter stays a 400").isEqualTo(400);
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrailAndOnlyInTheirScope() {
        String operator = TestUsers.token(accounts, "audit-operator", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        assertThat(Http.withToken(port, operator).get("/api/v1/audit").statusCode()).isEqualTo(403);
        String auditor = TestUsers.token(accounts, "audit-kalsel", Role.AUDITOR, "63");
        assertThat(Http.withToken(port, auditor).get("/api/v1/audit?region=63.01").statusCode()).isEqualTo(200);
    }

    /**
     * Issue 12, "404 outside scope": the trail answered a region outside the auditor's scope with 403 and a well-formed
     * code that is no region with an empty list, so it told an auditor which codes exist beyond its area. Both are now
     * the 404 every other list answers, on the API, the page and the download; a code that is no region code stays 400.
     */
    @Test
    void anAuditorAskingForARegionOutsideItsScopeOrOneThatDoesNotExistGets404AsEverywhereElse() {
        Http auditor = Http.withToken(port, TestUsers.token(accounts, "audit-kalsel-404", Role.AUDITOR, "63"));
        for (String region : new String[] {"64.02", "63.99", "63.01.99.9999"}) {
            var api = auditor.get("/api/v1/audit?region=" + region);
            assertThat(api.statusCode()).as(region).isEqualTo(404);
            assertThat(api.body()).contains("\"code\":\"NOT_FOUND\"");
            assertThat(auditor.get("/audit/ekspor?format=csv&region=" + region).statusCode()).as(region).isEqualTo(404);
        }
        assertThat(auditor.get("/api/v1/audit?region=x.y").statusCode()).isEqualTo(400);
        Http admin = Http.withToken(port, TestUsers.token(accounts, "audit-admin-404", Role.ADMIN, "ID"));
        assertThat(admin.get("/api/v1/audit?region=99.99").statusCode()).isEqualTo(404);
        assertThat(admin.get("/api/v1/audit?region=ID").statusCode()).isEqualTo(200);
    }

    /** A period of years past what a timestamp holds was a 500 (to=+999999999-12-31) or a field-less 400: OUT_OF_RANGE on the field. */
    @Test
    void aPeriodBeyondTheYearsATimestampHoldsIsOutOfRangeOnItsFieldNeverA500() {
        Http auditor = Http.withToken(port, TestUsers.token(accounts, "audit-far-dates", Role.AUDITOR, "73.02"));
        for (String query : new String[] {"to=%2B999999999-12-31", "from=%2B999999999-01-01", "from=-999999999-01-01", "to=1899-12-31"}) {
            for (String path : new String[] {"/api/v1/audit?", "/audit/ekspor?format=csv&"}) {
                var answer = auditor.get(path + query);
                assertThat(answer.statusCode()).as(path + query + " " + answer.body()).isEqualTo(400);
                assertThat(answer.body()).contains("\"code\":\"OUT_OF_RANGE\"", "\"field\":\"" + query.substring(0, query.indexOf('=')) + "\"");
            }
        }
        assertThat(auditor.get("/api/v1/audit?from=1900-01-01&to=9999-12-31").statusCode()).isEqualTo(200);
    }

    @Test
    void auditorsReadIdentityDataMaskedLikeEveryMaskedRoleAdminsInFull() {
        String nik = "7302014512900007";
        jdbc.sql("""
                insert into audit_event (username, role, action, entity_type, entity_id, region_code, before_state, after_state)
                values ('audit-writer', 'DPMD', 'UPDATE', 'worker', ?, '73.02.01.2004', null,
                        cast(? as jsonb))""")
                .params(nik, "{\"nik\": \"" + nik + "\", \"birthDate\": \"1990-12-05\", \"phone\": \"081234567890\", "
                        + "\"payer\": \"SELF:" + nik + "\", \"email\": \"siti@desa.id\", \"fullName\": \"Siti\"}")
                .update();
        var auditor = Http.withToken(port, TestUsers.token(accounts, "audit-masked", Role.AUDITOR, "73.02"))
                .get("/api/v1/audit?user=audit-writer");
        assertThat(auditor.statusCode()).isEqualTo(200);
        assertThat(auditor.body()).doesNotContain(nik, "1990-12-05", "081234567890", "siti@desa.id")
                .contains("730201********07", "1990", "SELF:730201********07", "Siti");
        var admin = Http.withToken(port, TestUsers.token(accounts, "audit-admin", Role.ADMIN, "ID")).get("/api/v1/audit?user=audit-writer");
        assertThat(admin.body()).contains(nik, "1990-12-05", "081234567890");
    }

    /**
     * An auditor takes the filtered trail as a file (UI review of 6 December 2026): the same events as the API pages
     * through, masked the same way, the action and kind by their names; taking it is recorded; a role that may not read
     * the trail gets none of it, and neither does an auditor outside its scope.
     */
    @Test
    void anAuditorDownloadsTheFilteredTrailMaskedAsOnThePageAndTheDownloadIsItselfRecorded() {
        String nik = "7302014512900015";
        for (int i = 0; i < 3; i++) {
            jdbc.sql("""
                    insert into audit_event (username, role, action, entity_type, entity_id, region_code, before_state, after_state)
                    values ('audit-dl-writer', 'DPMD', 'UPDATE', 'worker', ?, '73.02.01.2004', null, cast(? as jsonb))""")
                    .params(nik, "{\"nik\": \"" + nik + "\", \"phone\": \"081234567891\", \"n\": " + i + "}").update();
        }
        String user = "audit-dl-" + System.nanoTime();
        Http auditor = Http.withToken(port, TestUsers.token(accounts, user, Role.AUDITOR, "73.02"));
        var file = auditor.get("/audit/ekspor?user=audit-dl-writer&format=csv&lang=id");
        assertThat(file.statusCode()).isEqualTo(200);
        java.util.List<String> lines = file.body().lines().toList();
        // the times are WIB wall-clock times: the column says so, as the page writes "7 Des 2026 22:39:18 WIB"
        assertThat(lines.get(0)).isEqualTo("\uFEFFNomor,Waktu (WIB),Pengguna,Peran,Alamat,Aksi,Kode aksi,Jenis data,Kode jenis,Data,Wilayah,Sebelum,Sesudah");
        assertThat(lines).hasSize(4);
        assertThat(lines.get(1)).contains(",audit-dl-writer,DPMD,", ",Ubah,UPDATE,Pekerja,worker,730201********15,73.02.01.2004,")
                .contains("\"\"n\"\": 2");
        assertThat(file.body()).doesNotContain(nik, "081234567891");
        Http admin = Http.withToken(port, TestUsers.token(accounts, user + "-admin", Role.ADMIN, "ID"));
        assertThat(admin.get("/audit/ekspor?user=audit-dl-writer&format=csv").body()).contains(nik, "081234567891");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'audit_trail' and username = ?")
                .param(user).query(Long.class).single()).isEqualTo(1);

        Http operator = Http.withToken(port, TestUsers.token(accounts, user + "-op", Role.VILLAGE_OPERATOR, "73.02.01.2004"));
        assertThat(operator.get("/audit/ekspor?format=csv").statusCode()).isEqualTo(403);
        Http elsewhere = Http.withToken(port, TestUsers.token(accounts, user + "-far", Role.AUDITOR, "63"));
        assertThat(elsewhere.get("/audit/ekspor?region=73.02&format=csv").statusCode()).isEqualTo(404);
        assertThat(auditor.get("/audit/ekspor?format=json").statusCode()).isEqualTo(400);
        assertThat(auditor.get("/audit/ekspor?from=yesterday&format=csv").statusCode()).isEqualTo(400);
    }

    @Test
    void theAuditPageOffersTheKindsOfRecordByTheirNamesInTheReadersLanguage() {
        // a typed "Klaim", what the table shows, matched nothing: the filter takes the stored code
        String user = "audit-kinds-" + System.nanoTime();
        TestUsers.token(accounts, user, Role.AUDITOR, "73.02");
        Http browser = Http.browser(port);
        assertThat(browser.login(user, TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        assertThat(browser.get("/audit?type=claim_case&lang=id", "text/html").body())
                .containsPattern("<option value=\"claim_case\" selected=\"selected\">Klaim</option>")
                .containsPattern("<option value=\"bill\">Tagihan</option>");
        assertThat(browser.get("/audit?lang=en", "text/html").body()).containsPattern("<option value=\"claim_case\">Claim</option>");
    }

    @Test
    void theTrailIsAppendOnly() {
        TestUsers.token(accounts, "append-only", Role.MONITOR, "ID");
        assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'someone-else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .hasMessageContaining("append-only");
    }
}
