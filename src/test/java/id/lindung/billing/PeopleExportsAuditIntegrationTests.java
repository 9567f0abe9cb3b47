package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A download that lists people is a disclosure the audit trail accounts for (docs/security.md, "Exports"): the worker
 * list as CSV and XLSX, a bill's PDF and XLSX, and the Desa Sadar near-miss list each leave one EXPORT entry with who,
 * which filter and how many rows, in the region of the people listed; a refused download leaves none, and a masked reader
 * of the trail never sees a NIK typed into an export's search.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PeopleExportsAuditIntegrationTests {

    static final String DISTRICT = "19.05.02";
    static final String VILLAGE = "19.05.02.2001";
    static final Actor ADMIN = TestUsers.actor("px-admin", Role.ADMIN, "ID");
    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Users of this run only, so that counts hold in a database that earlier runs used (CI's external PostgreSQL). */
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36);

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;

    String nik;
    long billId;

    @BeforeAll
    void aVillageHeadBilledForJanuaryAndASelfPayer() {
        BillingFixture fx = new BillingFixture(jdbc);
        long head = fx.worker(VILLAGE, "Kades Pelangas", "KEPALA_DESA");
        long village = fx.payer("APBDES:" + VILLAGE, "APBDES", "Pemerintah Desa Pelangas", VILLAGE);
        fx.term(head, VILLAGE, "JKK", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        fx.term(head, VILLAGE, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        long farmer = fx.worker(VILLAGE, "Petani Pelangas", "PETANI");
        nik = fx.nik(farmer);
        long self = fx.payer("SELF:" + nik, "SELF", PersonalData.SELF_PAYER_NAME + PersonalData.mask(nik), VILLAGE);
        fx.term(farmer, VILLAGE, "JKK", "BPU", "1000000", null, null, self, LocalDate.of(2025, 1, 1), null);
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 1), ADMIN, true));
        billId = jdbc.sql("select b.id from bill b join payer p on p.id = b.payer_id where p.code = ?").param("APBDES:" + VILLAGE)
                .query(Long.class).single();
    }

    long exports(String entityType, String username) {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = ? and username = ?")
                .params(entityType, username).query(Long.class).single();
    }

    JsonNode lastExport(String entityType, String username) {
        return JSON.readTree(jdbc.sql("""
                select json_build_object('entityId', entity_id, 'region', region_code, 'role', role, 'details', after_state)::text
                from audit_event where action = 'EXPORT' and entity_type = ? and username = ? order by id desc limit 1""")
                .params(entityType, username).query(String.class).single());
    }

    int status(String token, String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofByteArray());
        return r.statusCode();
    }

    @Test
    void everyWorkerListDownloadIsAuditedWithItsFilterAndRowCount() throws Exception {
        String token = TestUsers.token(accounts, "px-dpmd-" + RUN, Role.DPMD, "19.05");
        Http dpmd = Http.withToken(port, token);
        var csv = dpmd.get("/api/v1/workers/export.csv?region=" + VILLAGE + "&category=PETANI");
        assertThat(csv.statusCode()).isEqualTo(200);
        long listed = csv.body().lines().count() - 1;
        JsonNode entry = lastExport("worker_list", "px-dpmd-" + RUN);
        assertThat(entry.get("region").asString()).isEqualTo(VILLAGE);
        assertThat(entry.get("role").asString()).isEqualTo("DPMD");
        assertThat(entry.get("details").get("format").asString()).isEqualTo("csv");
        assertThat(entry.get("details").get("filter").get("category").asString()).isEqualTo("PETANI");
        assertThat(entry.get("details").get("rows").asLong()).isEqualTo(listed).isPositive();
        assertThat(entry.get("details").get("complete").asBoolean()).isTrue();

        assertThat(status(token, "/api/v1/workers/export.xlsx?region=" + VILLAGE)).isEqualTo(200);
        entry = lastExport("worker_list", "px-dpmd-" + RUN);
        assertThat(entry.get("details").get("format").asString()).isEqualTo("xlsx");
        long inVillage = dpmd.get("/api/v1/workers/export.csv?region=" + VILLAGE).body().lines().count() - 1;
        assertThat(entry.get("details").get("rows").asLong()).isEqualTo(inVillage).isGreaterThan(listed);
        assertThat(exports("worker_list", "px-dpmd-" + RUN)).isEqualTo(3);

        // refused before the first byte: out of scope, then a bad filter; neither is a disclosure
        assertThat(dpmd.get("/api/v1/workers/export.csv?region=73.02").statusCode()).isEqualTo(404);
        assertThat(dpmd.get("/api/v1/workers/export.csv?region=" + VILLAGE + "&category=NOT_A_CATEGORY").statusCode()).isEqualTo(400);
        assertThat(dpmd.get("/api/v1/workers/export.pdf?region=" + VILLAGE).statusCode()).isEqualTo(404);
        assertThat(exports("worker_list", "px-dpmd-" + RUN)).isEqualTo(3);
    }

    @Test
    void aNikTypedIntoAnExportSearchIsMaskedForAMaskedReaderOfTheTrail() {
        Http writer = Http.withToken(port, TestUsers.token(accounts, "px-writer-" + RUN, Role.DPMD, "19.05"));
        assertThat(writer.get("/api/v1/workers/export.csv?region=" + VILLAGE + "&q=" + nik).statusCode()).isEqualTo(200);
        assertThat(lastExport("worker_list", "px-writer-" + RUN).get("details").get("filter").get("q").asString()).isEqualTo(nik);

        Http auditor = Http.withToken(port, TestUsers.token(accounts, "px-auditor-" + RUN, Role.AUDITOR, "19.05"));
        var trail = auditor.get("/api/v1/audit?region=" + VILLAGE + "&type=worker_list");
        assertThat(trail.statusCode()).isEqualTo(200);
        assertThat(trail.body()).contains("EXPORT", "px-writer-" + RUN, PersonalData.mask(nik)).doesNotContain(nik);
    }

    @Test
    void aBillDocumentIsAuditedInThePayersRegion() throws Exception {
        String token = TestUsers.token(accounts, "px-bill-" + RUN, Role.DPMD, "19.05");
        assertThat(status(token, "/api/v1/bills/" + billId + "/pdf")).isEqualTo(200);
        assertThat(status(token, "/api/v1/bills/" + billId + "/xlsx")).isEqualTo(200);
        assertThat(exports("bill", "px-bill-" + RUN)).isEqualTo(2);
        JsonNode entry = lastExport("bill", "px-bill-" + RUN);
        assertThat(entry.get("entityId").asString()).isEqualTo(String.valueOf(billId));
        assertThat(entry.get("region").asString()).isEqualTo(VILLAGE);
        assertThat(entry.get("details").get("format").asString()).isEqualTo("xlsx");
        assertThat(entry.get("details").get("month").asString()).isEqualTo("2025-01");
        long lineCount = JSON.readTree(Http.withToken(port, token).get("/api/v1/bills/" + billId).body()).get("bill").get("lineCount").asLong();
        assertThat(entry.get("details").get("rows").asLong()).isEqualTo(lineCount).isPositive();

        String stranger = TestUsers.token(accounts, "px-stranger-" + RUN, Role.DPMD, "73.02");
        assertThat(status(stranger, "/api/v1/bills/" + billId + "/pdf")).isEqualTo(404);
        assertThat(exports("bill", "px-stranger-" + RUN)).isZero();
    }

    @Test
    void theDesaSadarNearMissListIsAuditedButTheAggregateTablesAreNot() {
        Http browser = Http.browser(port);
        TestUsers.token(accounts, "px-sadar-" + RUN, Role.DPMD, "19.05");
        browser.login("px-sadar-" + RUN, TestUsers.PASSWORD);
        var csv = browser.get("/cakupan/ekspor?region=" + DISTRICT + "&date=2025-01-20&table=desa-sadar&format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        JsonNode entry = lastExport("desa_sadar_list", "px-sadar-" + RUN);
        assertThat(entry.get("entityId").asString()).isEqualTo(DISTRICT + "@2025-01-20");
        assertThat(entry.get("region").asString()).isEqualTo(DISTRICT);
        assertThat(entry.get("details").get("villages").asLong()).isEqualTo(csv.body().lines().count() - 1);
        for (String table : List.of("children", "weakest", "trend")) {
            assertThat(browser.get("/cakupan/ekspor?region=" + DISTRICT + "&table=" + table + "&format=csv").statusCode()).isEqualTo(200);
        }
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and username = ?").param("px-sadar-" + RUN)
                .query(Long.class).single()).isEqualTo(1);
    }
}
