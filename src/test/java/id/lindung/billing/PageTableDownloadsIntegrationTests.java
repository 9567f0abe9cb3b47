package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14: every table exports to XLSX and CSV. The tables of /tagihan's payers in arrears and of a worker's page
 * (memberships, protection) had none (review of 6 December 2026). Each file holds what its page shows, to whom it shows
 * it: every row of the caller's area, a self-payer's NIK masked for masked roles, nothing outside the area, and each is
 * recorded as a disclosure. A regency no other test bills (74.02), billed for two months and paid for none.
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PageTableDownloadsIntegrationTests {

    static final String REGENCY = "74.02";

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired Escalations escalations;
    @Autowired Clock clock;

    String desa;
    String nik;
    long workerId;

    @BeforeAll
    void aSelfPayerAndAVillageTwoMonthsInArrears() {
        BillingFixture fx = new BillingFixture(jdbc);
        desa = fx.firstDesa(REGENCY);
        workerId = fx.worker(desa, "Wa Ode Unduhan", "PETANI");
        nik = fx.nik(workerId);
        long self = fx.payer("SELF:" + nik, "SELF", PersonalData.SELF_PAYER_NAME + PersonalData.mask(nik), desa);
        fx.term(workerId, desa, "JKK", "BPU", "1000000", null, null, self, LocalDate.of(2025, 1, 1), null);
        fx.villageWithOneOfficial(desa, "Kepala Desa Unduhan", "KEPALA_DESA", LocalDate.of(2025, 1, 1));
        Actor dpmd = TestUsers.actor("downloads-dpmd", Role.DPMD, REGENCY);
        for (YearMonth month : List.of(YearMonth.of(2025, 1), YearMonth.of(2025, 2))) {
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
    }

    private long exports(String user, String entityType) {
        return jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = ? and username = ?")
                .params(entityType, user).query(Long.class).single();
    }

    @Test
    void theArrearsDownloadHoldsEveryPayerInArrearsOfTheAreaMaskedAsThePageShowsThem() throws Exception {
        String token = TestUsers.token(accounts, "downloads-arrears-dpmd", Role.DPMD, REGENCY);
        Http dpmd = Http.withToken(port, token);
        LocalDate today = LocalDate.now(clock);
        long total = escalations.forScope(RegionScope.of(REGENCY), today, 0, 50).total();
        assertThat(total).as("the village and the self-payer are in arrears").isGreaterThanOrEqualTo(2);
        assertThat(dpmd.get("/tagihan", "text/html").body()).contains("/tagihan/tunggakan/ekspor?format=csv",
                "/tagihan/tunggakan/ekspor?format=xlsx");

        var csv = dpmd.get("/tagihan/tunggakan/ekspor?format=csv&lang=id");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("tunggakan-" + today + "-" + REGENCY + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFKode wilayah kelompok,Wilayah kelompok,Kode pembayar,Pembayar,Jenis pembayar,"
                + "Kode wilayah,Bulan menunggak,Sisa,Jatuh tempo tertua");
        assertThat(lines).as("every payer in arrears, not the page's fifty").hasSize((int) total + 1);
        assertThat(csv.body()).contains(",SELF:" + nik + "," + PersonalData.SELF_PAYER_NAME + nik + ",Mandiri,")
                .contains(",APBDES:" + desa + ",");
        assertThat(dpmd.get("/tagihan/tunggakan/ekspor?format=csv&lang=en").body()).startsWith("\uFEFFGroup area code,")
                .contains(",Self-paying worker " + nik + ",");
        try (XSSFWorkbook book = Http.withToken(port, token).getWorkbook("/tagihan/tunggakan/ekspor?format=xlsx")) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getLastRowNum()).isEqualTo((int) total);
            assertThat(sheet.getRow(1).getCell(6).getCellType()).as("months in arrears as a number").isEqualTo(CellType.NUMERIC);
            assertThat(sheet.getRow(1).getCell(7).getCellType()).as("the amount as a number").isEqualTo(CellType.NUMERIC);
        }
        assertThat(exports("downloads-arrears-dpmd", "arrears_list")).as("two CSV files and an XLSX").isEqualTo(3);
        assertThat(dpmd.get("/tagihan/tunggakan/ekspor?format=pdf").statusCode()).isEqualTo(400);

        Http monitor = TestUsers.api(port, accounts, "downloads-arrears-monitor", Role.MONITOR, REGENCY);
        String masked = monitor.get("/tagihan/tunggakan/ekspor?format=csv&lang=id").body();
        assertThat(masked).doesNotContain(nik).doesNotContainPattern("(?<![0-9])[0-9]{16}(?![0-9])")
                .contains(",SELF," + PersonalData.SELF_PAYER_NAME + PersonalData.mask(nik) + ",");
        // another regency's office gets its own payers, none of these
        assertThat(TestUsers.api(port, accounts, "downloads-arrears-other", Role.DPMD, "74.03").get("/tagihan/tunggakan/ekspor?format=csv")
                .body()).doesNotContain(desa).doesNotContain(nik);
    }

    @Test
    void aWorkersMembershipsAndProtectionDownloadForTheWorkersAreaOnlyAndAreAudited() throws Exception {
        String token = TestUsers.token(accounts, "downloads-worker-dpmd", Role.DPMD, REGENCY);
        Http dpmd = Http.withToken(port, token);
        String page = dpmd.get("/pekerja/id/" + workerId, "text/html").body();
        assertThat(page).contains("/pekerja/id/" + workerId + "/kepesertaan/ekspor?format=csv");
        assertThat(dpmd.get("/perlindungan/pekerja/" + workerId + "?date=2025-02-20", "text/html").body())
                .contains("/perlindungan/pekerja/" + workerId + "/ekspor?date=2025-02-20&amp;format=xlsx");

        String terms = dpmd.get("/pekerja/id/" + workerId + "/kepesertaan/ekspor?format=csv&lang=id").body();
        assertThat(terms.lines().toList()).containsExactly("\uFEFFNama,NIK,Program,Segmen,Upah / penghasilan,Kelompok risiko,"
                        + "Pemberi kerja,Kode pemberi kerja,Pembayar,Kode pembayar,Mulai,Sampai,Alasan berakhir",
                "Wa Ode Unduhan," + nik + ",JKK,BPU,1000000,,,,Peserta mandiri " + nik + ",SELF:" + nik + ",2025-01-01,,");
        try (XSSFWorkbook book = Http.withToken(port, token).getWorkbook("/pekerja/id/" + workerId + "/kepesertaan/ekspor?format=xlsx")) {
            var row = book.getSheetAt(0).getRow(1);
            assertThat(row.getCell(4).getNumericCellValue()).as("the wage as a number").isEqualTo(1_000_000d);
            assertThat(row.getCell(10).getLocalDateTimeCellValue().toLocalDate()).as("a date as a date").isEqualTo(LocalDate.of(2025, 1, 1));
        }
        String protection = dpmd.get("/perlindungan/pekerja/" + workerId + "/ekspor?date=2025-02-20&format=csv&lang=id").body();
        assertThat(protection.lines().toList()).hasSize(2).first().isEqualTo("\uFEFFPada tanggal,Program,Status,Dibayar sampai,Pembayar,"
                + "Pemberi kerja menunggak");
        assertThat(protection).contains("2025-02-20,JKK,").contains(",SELF:" + nik + ",");
        assertThat(exports("downloads-worker-dpmd", "worker_terms")).isEqualTo(2);
        assertThat(exports("downloads-worker-dpmd", "worker_protection")).isEqualTo(1);
        assertThat(jdbc.sql("select distinct region_code from audit_event where action = 'EXPORT' and username = ?")
                .param("downloads-worker-dpmd").query(String.class).list()).as("found by the village's auditors").containsExactly(desa);

        Http other = TestUsers.api(port, accounts, "downloads-worker-other", Role.DPMD, "74.03");
        assertThat(other.get("/pekerja/id/" + workerId + "/kepesertaan/ekspor?format=csv").statusCode()).isEqualTo(404);
        assertThat(other.get("/perlindungan/pekerja/" + workerId + "/ekspor?format=csv").statusCode()).isEqualTo(404);
        assertThat(exports("downloads-worker-other", "worker_terms") + exports("downloads-worker-other", "worker_protection")).isZero();
        assertThat(dpmd.get("/perlindungan/pekerja/" + workerId + "/ekspor?date=2025-02-31&format=csv").statusCode()).isEqualTo(400);
    }
}
