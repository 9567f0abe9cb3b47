package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Roles for which {@link id.lindung.access.PersonalData} masks NIKs (MONITOR, AUDITOR) get no full NIK from anywhere: not from a
 * self-paying worker's payer code (SELF:&lt;NIK&gt;), not from the birth date beside the masked NIK (it is
 * digits 7-12), and not from searching by the first digits.
 */
@IntegrationTest
class NikPrivacyIntegrationTests {

    /** A village no other test registers in, so the worker is on the first page of its list. */
    static final String VILLAGE = "64.02.03.2004";
    static final LocalDate BIRTH = LocalDate.of(1983, 7, 19);

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired UserAccounts accounts;

    private Http monitor() {
        return RegistryFixture.api(port, accounts, "reg-privacy-monitor", Role.MONITOR, "64.02");
    }

    private Http monitorBrowser() {
        return RegistryFixture.browser(port, accounts, "reg-privacy-monitor", Role.MONITOR, "64.02");
    }

    @Test
    void aMonitorSeesNoFullNikAndNoFullBirthDateOfASelfPayingWorker() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, BIRTH, "Sri Rahayu Privasi");
        String masked = NikCheck.mask(w.nik());
        Http monitor = monitor();
        Http browser = monitorBrowser();

        String list = monitor.get("/api/v1/villages/" + VILLAGE + "/workers").body();
        assertThat(list).contains(masked, "\"payers\":\"SELF\"");
        // a masked role reads a worker by its opaque id only (issue 12 item 1; by NIK it is 404, NikOracleIntegrationTests)
        String detail = monitor.get("/api/v1/workers/by-id/" + w.publicId()).body();
        assertThat(detail).contains(masked, "\"workerPayerCode\":\"SELF\"");
        String csv = monitor.get("/api/v1/workers/export.csv?region=" + VILLAGE).body();
        assertThat(csv).contains(masked, "1983");
        String listPage = browser.get("/desa/" + VILLAGE + "/pekerja").body();
        assertThat(listPage).contains(masked);
        String workerPage = browser.get("/pekerja/id/" + w.id()).body();
        assertThat(workerPage).contains(masked, "Sri Rahayu Privasi");
        // the protection card the worker page loads names each programme's payer
        String protectionCard = browser.get("/perlindungan/pekerja/" + w.id()).body();
        assertThat(protectionCard).contains("JKK", "SELF");

        for (String seen : new String[] {list, detail, csv, listPage, workerPage, protectionCard}) {
            assertThat(seen).doesNotContain(w.nik()).doesNotContain(BIRTH.toString()).doesNotContain("19-07-1983");
        }
    }

    @Test
    void rolesThatRegisterWorkersStillSeeTheFullNikAndThePayerCode() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, BIRTH, "Sri Rahayu Lengkap");
        Http dpmd = RegistryFixture.api(port, accounts, "reg-privacy-dpmd", Role.DPMD, "64.02");
        assertThat(dpmd.get("/api/v1/villages/" + VILLAGE + "/workers?q=Lengkap").body()).contains(w.nik(), "SELF:" + w.nik());
        assertThat(dpmd.get("/api/v1/workers/export.csv?region=" + VILLAGE + "&q=Lengkap").body()).contains(w.nik(), BIRTH.toString());
    }

    /**
     * One worker's record carries {@code programs} and {@code payers} as its row in the list does, masked alike: until the
     * audit of issues 4 and 9 (7 December 2026) {@code GET /api/v1/workers/{nik}} and {@code /by-id/{id}} gave both as null.
     */
    @Test
    void oneWorkersRecordCarriesTheProgramsAndPayersOfItsListRowMaskedAlike() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, BIRTH, "Sri Rahayu Satu");
        JsonMapper json = JsonMapper.builder().build();
        Http dpmd = RegistryFixture.api(port, accounts, "reg-privacy-dpmd", Role.DPMD, "64.02");
        JsonNode row = json.readTree(dpmd.get("/api/v1/villages/" + VILLAGE + "/workers?q=Satu").body()).get("items").get(0);
        JsonNode byNik = json.readTree(dpmd.get("/api/v1/workers/" + w.nik()).body()).get("worker");
        assertThat(row.get("programs").asString()).isEqualTo("JKK;JKM");
        assertThat(row.get("payers").asString()).isEqualTo("SELF:" + w.nik());
        assertThat(byNik).isEqualTo(row);

        JsonNode maskedRow = json.readTree(monitor().get("/api/v1/workers?q=Satu&region=" + VILLAGE).body()).get("items").get(0);
        JsonNode byId = json.readTree(monitor().get("/api/v1/workers/by-id/" + w.publicId()).body()).get("worker");
        assertThat(maskedRow.get("payers").asString()).isEqualTo("SELF");
        assertThat(byId).isEqualTo(maskedRow);
    }

    @Test
    void aMaskedRoleCannotSearchByNikAtAll() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, BIRTH, "Sri Rahayu Cari");
        String masked = NikCheck.mask(w.nik());
        Http monitor = monitor();
        Http auditor = RegistryFixture.api(port, accounts, "reg-privacy-auditor", Role.AUDITOR, "ID");
        for (Http masking : new Http[] {monitor, auditor}) {
            var prefix = masking.get("/api/v1/workers?q=" + w.nik().substring(0, 12));
            assertThat(prefix.statusCode()).isEqualTo(400);
            assertThat(prefix.body()).contains("NIK_SEARCH_NOT_ALLOWED").doesNotContain(masked);
            assertThat(masking.get("/api/v1/workers/export.csv?q=" + w.nik().substring(0, 10)).statusCode()).isEqualTo(400);
            // the whole NIK too (was found before issue 12 item 1: one row or none told whether a guessed NIK exists)
            var whole = masking.get("/api/v1/workers?q=" + w.nik());
            assertThat(whole.statusCode()).isEqualTo(400);
            assertThat(whole.body()).contains("NIK_SEARCH_NOT_ALLOWED").doesNotContain(masked);
        }
        Http browser = monitorBrowser();
        var page = browser.get("/pekerja?q=" + w.nik().substring(0, 12));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(masked).contains("tidak dapat mencari dengan NIK");
        Http dpmd = RegistryFixture.api(port, accounts, "reg-privacy-dpmd", Role.DPMD, "64.02");
        assertThat(dpmd.get("/api/v1/workers?q=" + w.nik().substring(0, 12)).body()).contains(w.nik());
    }
}
