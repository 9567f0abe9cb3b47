package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The P3KE/DTKS household decile (Inpres 4/2022) arrives through the import (CSV and XLSX, optional column, refused
 * with OUT_OF_RANGE outside 1 to 10) and the worker form, and the registry publishes it to the coverage module in
 * registry_worker_profile. Regency 61.01 (Sambas) is used by no other test.
 */
@IntegrationTest
class P3keDecileIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("p3ke-admin", Role.ADMIN, "ID");
    static final LocalDate BIRTH = LocalDate.of(1981, 7, 9);

    @LocalServerPort int port;
    @Autowired WorkerImports imports;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private String village(int n) {
        return jdbc.sql("select code from region where level = 'VILLAGE' and code like '61.01.%' and substr(code, 10, 1) = '2' "
                + "order by code offset ? limit 1").param(n).query(String.class).single();
    }

    private Map<String, Object> published(String nik) {
        return jdbc.sql("select p.extreme_poverty, p.poverty_decile from registry_worker_profile p join registry_worker w on w.id = p.id where w.nik = ?").param(nik).query().singleRow();
    }

    /** A village operator's browser and the worker form they fill in for a new farmer with JKK and JKM from March 2025. */
    private record FarmerForm(Http op, String nik, Map<String, String> form) {

        HttpResponse<String> send() {
            return op.postForm("/pekerja/baru", form);
        }
    }

    private FarmerForm farmerForm(int village, String username, String name, String sex) {
        String code = village(village);
        Http op = Http.browser(port);
        TestUsers.token(accounts, username, Role.VILLAGE_OPERATOR, code);
        op.login(username, TestUsers.PASSWORD);
        String nik = Niks.unique(code.substring(0, 8), sex, BIRTH);
        Map<String, String> form = new HashMap<>();
        form.put("_csrf", Http.csrfOf(op.get("/pekerja/baru").body()));
        form.put("nik", nik);
        form.put("name", name);
        form.put("sex", sex);
        form.put("birthDate", BIRTH.toString());
        form.put("category", "PETANI");
        form.put("programs", "JKK,JKM");
        form.put("startDate", "2025-03-01");
        return new FarmerForm(op, nik, form);
    }

    @Test
    void theImportReadsAnOptionalDecileAndRefusesOneOutsideOneToTen() {
        String village = village(0);
        String district = village.substring(0, 8);
        String poor = Niks.unique(district, "L", BIRTH);
        String unknown = Niks.unique(district, "P", BIRTH);
        String eleven = Niks.unique(district, "L", BIRTH);
        String text = Niks.unique(district, "L", BIRTH);
        String csv = "nik,name,sex,birth_date,village_code,category,p3ke_decile\n"
                + poor + ",Usman,L," + BIRTH + "," + village + ",NELAYAN,1\n"
                + unknown + ",Siti,P," + BIRTH + "," + village + ",PETANI,\n"
                + eleven + ",Abdul,L," + BIRTH + "," + village + ",PETANI,11\n"
                + text + ",Jamal,L," + BIRTH + "," + village + ",PETANI,satu\n";
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("p3ke.csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), new WorkerImports.Options(null, null, true)));

        assertThat(batch.workersCreated()).isEqualTo(2);
        assertThat(published(poor)).containsEntry("extreme_poverty", true).containsEntry("poverty_decile", 1);
        assertThat(published(unknown)).containsEntry("extreme_poverty", false).containsEntry("poverty_decile", null);
        List<WorkerImports.RejectedRow> rejected = CurrentActor.runAs(ADMIN, () -> imports.rejections(batch.id(), 10));
        assertThat(rejected).extracting(WorkerImports.RejectedRow::line, WorkerImports.RejectedRow::code)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(4L, "OUT_OF_RANGE"),
                        org.assertj.core.groups.Tuple.tuple(5L, "OUT_OF_RANGE"));
    }

    @Test
    void anXlsxDecileColumnNamedDesilIsReadFromANumericCell() throws Exception {
        String village = village(1);
        String nik = Niks.unique(village.substring(0, 8), "P", BIRTH);
        var out = new ByteArrayOutputStream();
        try (var book = new XSSFWorkbook()) {
            var sheet = book.createSheet("pekerja");
            var header = sheet.createRow(0);
            String[] columns = {"nik", "nama", "jenis_kelamin", "tanggal_lahir", "kode_desa", "kategori", "desil"};
            for (int i = 0; i < columns.length; i++) {
                header.createCell(i).setCellValue(columns[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(nik);
            row.createCell(1).setCellValue("Nurhayati");
            row.createCell(2).setCellValue("P");
            row.createCell(3).setCellValue(BIRTH.toString());
            row.createCell(4).setCellValue(village);
            row.createCell(5).setCellValue("PEDAGANG_UMKM");
            row.createCell(6).setCellValue(3);
            book.write(out);
        }
        ImportBatch batch = CurrentActor.runAs(ADMIN, () -> imports.upload("p3ke.xlsx",
                new ByteArrayInputStream(out.toByteArray()), new WorkerImports.Options(null, null, true)));
        assertThat(batch.workersCreated()).as(String.valueOf(batch)).isEqualTo(1);
        assertThat(published(nik)).containsEntry("extreme_poverty", true).containsEntry("poverty_decile", 3);
    }

    @Test
    void theWorkerFormStoresTheDecileAndRefusesTwelve() {
        FarmerForm f = farmerForm(2, "p3ke-op", "Rahmat Hidayat", "L");
        String nik = f.nik();
        f.form().put("extremePoverty", "true");
        f.form().put("povertyDecile", "12");
        var refused = f.send();
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("Desil kemiskinan harus antara 1 dan 10.");
        assertThat(jdbc.sql("select count(*) from worker where nik = ?").param(nik).query(Long.class).single()).isZero();

        f.form().put("povertyDecile", "2");
        var created = f.send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(published(nik)).containsEntry("extreme_poverty", true).containsEntry("poverty_decile", 2);
    }

    @Test
    void aDecileEnteredOnTheFormWithoutTheCheckboxFlagsTheWorkerAsTheImportDoes() {
        // the import flags a worker registered with a decile; the form kept the decile unflagged, so coverage, which
        // counts flagged workers by decile, left the worker out (issue 14 audit)
        FarmerForm f = farmerForm(3, "p3ke-op2", "Wulan Sari", "P");
        f.form().put("povertyDecile", "4");
        var created = f.send();
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        assertThat(published(f.nik())).containsEntry("extreme_poverty", true).containsEntry("poverty_decile", 4);
    }
}
