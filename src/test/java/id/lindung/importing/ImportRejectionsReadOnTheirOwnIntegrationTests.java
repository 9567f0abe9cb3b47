package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The rejected rows of an import, as the operator who uploaded the file reads them: the import page shows no NIK
 * explanation, so a NIK that disagrees with the typed sex or birth date says how to read the NIK instead of pointing to
 * one. Bagendang Tengah (62.02.07.2003) is used by no other test; the batch is checked, never confirmed.
 */
@IntegrationTest
class ImportRejectionsReadOnTheirOwnIntegrationTests {

    static final String DESA = "62.02.07.2003";

    @LocalServerPort int port;
    @Autowired WorkerImports imports;
    @Autowired UserAccounts accounts;

    @Test
    void aNikThatDisagreesWithTheRowSaysHowToReadTheNikOnTheImportPage() {
        String csv = """
                nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date
                6202071505900001,Budi Bagendang,L,1990-05-15,%1$s,KADER,BPU,1000000,VERY_LOW,JKK;JKM,SELF,2024-01-01
                6202071602850003,Rina Bagendang,P,1985-02-16,%1$s,KADER,BPU,1000000,VERY_LOW,JKK;JKM,SELF,2024-01-01
                6202071211910002,Wahyu Bagendang,L,1991-12-11,%1$s,PETANI,BPU,1000000,VERY_LOW,JKK;JKM,SELF,2024-01-01
                """.formatted(DESA);
        ImportBatch batch = validated("rejections-operator", csv);
        assertThat(batch.rejectedRows()).isEqualTo(2);

        Http browser = TestUsers.browser(port, accounts, "rejections-operator", Role.VILLAGE_OPERATOR, DESA);
        String page = browser.get("/impor/pekerja/" + batch.id()).body();
        assertThat(page).doesNotContain("lihat keterangan NIK")
                .contains("Jenis kelamin tidak sesuai dengan NIK: angka ke-7 dan ke-8 NIK adalah tanggal lahir, ditambah 40 untuk perempuan.")
                .contains("tidak sesuai dengan NIK, yang memuat ").contains("angka ke-7 sampai ke-12 NIK adalah tanggal lahir");
        String english = browser.get("/impor/pekerja/" + batch.id() + "?lang=en").body();
        assertThat(english).doesNotContain("see what the NIK says")
                .contains("does not agree with the NIK, which holds ").contains("its 7th to 12th digits are the birth date")
                .as("one row is a row").contains("Import 1 valid row<").doesNotContain("1 valid rows");
    }

    /** Issue 4: "The result lists every rejected row with its line number, field and reason", not only their count. */
    @Test
    void theBatchOfTheApiListsItsRejectedRowsWithLineFieldCodeAndReason() {
        String csv = """
                nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date
                6202071505900001,Budi Bagendang,L,1990-05-15,%1$s,KADER,BPU,1000000,VERY_LOW,JKK;JKM,SELF,2024-01-01
                6202071505900002,Budi Bagendang,P,1990-05-15,%1$s,KADER,BPU,1000000,VERY_LOW,JKK;JKM,SELF,2024-01-01
                6202071211910002,Wahyu Bagendang,L,1991-12-11,%1$s,NOPE,BPU,1000000,VERY_LOW,JKK;JKM,SELF,2024-01-01
                """.formatted(DESA);
        ImportBatch batch = validated("rejections-api-operator", csv);
        assertThat(batch.rejectedRows()).isEqualTo(2);

        Http api = TestUsers.api(port, accounts, "rejections-api-operator", Role.VILLAGE_OPERATOR, DESA);
        var answer = api.get("/api/v1/imports/" + batch.id());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("\"rejections\":[{\"line\":3,\"field\":\"nik\",\"code\":\"NIK_SEX_MISMATCH\","
                        + "\"message\":\"Jenis kelamin 'P' tidak sesuai")
                .contains("{\"line\":4,\"field\":\"category\",\"code\":\"CATEGORY_UNKNOWN\"")
                .contains("\"rejectionsCsv\":\"/api/v1/imports/" + batch.id() + "/rejections.csv\"");
        assertThat(api.get("/api/v1/imports/" + batch.id(), "Accept-Language", "en").body())
                .contains("\"code\":\"NIK_SEX_MISMATCH\",\"message\":\"NIK encodes sex 'L' but sex 'P' was entered\"");

        // a masked role reads the identity rows' reasons without their details, in its own language either way
        Http monitor = TestUsers.api(port, accounts, "rejections-api-monitor", Role.MONITOR, DESA.substring(0, 2));
        String english = monitor.get("/api/v1/imports/" + batch.id(), "Accept-Language", "en").body();
        assertThat(english).contains("\"code\":\"NIK_SEX_MISMATCH\",\"message\":\"Column nik refused (see the code)")
                .doesNotContain("Isi kolom").doesNotContain("6202071505900002");
        String indonesian = monitor.get("/api/v1/imports/" + batch.id()).body();
        assertThat(indonesian).contains("\"code\":\"NIK_SEX_MISMATCH\"").doesNotContain("Column nik")
                .doesNotContain("6202071505900002").doesNotContain("'P'");
    }

    /** A file with its header and no row has nothing to import: FILE_EMPTY, as a named list's, not NO_VALID_ROWS with no row. */
    @Test
    void aFileWithAHeaderAndNoRowsIsRefusedAsEmpty() {
        Http api = TestUsers.api(port, accounts, "rejections-empty-operator", Role.VILLAGE_OPERATOR, DESA);
        var answer = api.upload("/api/v1/imports", "file", "kosong.csv",
                "nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date\n".getBytes(StandardCharsets.UTF_8),
                "unused");
        assertThat(answer.statusCode()).isEqualTo(422);
        assertThat(answer.body()).contains("\"code\":\"FILE_EMPTY\"").doesNotContain("NO_VALID_ROWS").doesNotContain("row(s) rejected")
                // in Indonesian too it says the file has a header (review6: it read "empty or has no header row")
                .contains("Berkas hanya berisi baris judul, tanpa satu pun baris data.");
    }

    /** The file uploaded and validated, never confirmed, by a new operator of the village. */
    private ImportBatch validated(String operator, String csv) {
        Actor actor = TestUsers.actor(operator, Role.VILLAGE_OPERATOR, DESA);
        return CurrentActor.runAs(actor, () -> imports.upload(operator + ".csv",
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), WorkerImports.Options.none()));
    }
}
