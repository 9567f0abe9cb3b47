package id.lindung.importing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Multipart;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/**
 * A worker import's refused row reads in the requester's language with the values its English reason names: the batch
 * page said "Upah terlalu banyak digit." without the limit, and the rejection file's {@code error} was English on an
 * Indonesian download. The codes never change with the language. Nothing is registered (every row is refused).
 */
@IntegrationTest
class RefusedRowsNameTheirValuesInEveryLanguageIntegrationTests {

    private static final String VILLAGE = "63.05.01.2003";
    private static final LocalDate BIRTH = LocalDate.of(1986, 5, 12);

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    private long batchWithATooLongWage() throws Exception {
        Http api = Http.withToken(port, TestUsers.token(accounts, "refused-lang", Role.DPMD, "63.05"));
        String csv = "nik,name,sex,birth_date,village_code,category,segment,wage,risk,programs,payer,start_date\n"
                + Niks.unique("63.05.01", "P", BIRTH) + ",Dewi Lestari,P," + BIRTH + "," + VILLAGE
                + ",PERANGKAT_DESA,PU,12345678901234567,VERY_LOW,JKK;JKM,APBDES,2025-03-01\n";
        Multipart upload = Multipart.form().file("file", "too-long.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        var created = api.post("/api/v1/imports", upload.contentType(), upload.body());
        // no valid row: 422 NO_VALID_ROWS naming the batch, whose rejected row is kept for its page and file
        assertThat(created.statusCode()).as(created.body()).isEqualTo(422);
        return JsonMapper.builder().build().readTree(created.body()).get("batch").asLong();
    }

    @Test
    void theRejectionFileIsInTheRequestersLanguageWithItsCodeUnchanged() throws Exception {
        long id = batchWithATooLongWage();
        Http api = Http.withToken(port, TestUsers.token(accounts, "refused-lang", Role.DPMD, "63.05"));
        for (String indonesian : new String[] {null, "id"}) {
            String file = indonesian == null ? api.get("/api/v1/imports/" + id + "/rejections.csv").body()
                    : api.get("/api/v1/imports/" + id + "/rejections.csv", "Accept-Language", indonesian).body();
            assertThat(file.split("\r?\n")[1]).as(indonesian).contains("wage: Upah paling banyak 16 digit.,WAGE_TOO_LARGE,2")
                    .doesNotContain("has more than");
        }
        String english = api.get("/api/v1/imports/" + id + "/rejections.csv", "Accept-Language", "en").body();
        assertThat(english.split("\r?\n")[1]).contains("wage: wage has more than 16 digits,WAGE_TOO_LARGE,2");
    }

    @Test
    void theBatchPageNamesTheLimitOfARefusedRowInIndonesianAsInEnglish() throws Exception {
        long id = batchWithATooLongWage();
        TestUsers.token(accounts, "refused-lang", Role.DPMD, "63.05");
        Http page = Http.browser(port);
        page.login("refused-lang", TestUsers.PASSWORD);
        assertThat(page.get("/impor/pekerja/" + id + "?lang=id").body()).contains("Upah paling banyak 16 digit.")
                .doesNotContain("Upah terlalu banyak digit.");
        assertThat(page.get("/impor/pekerja/" + id + "?lang=en").body()).contains("A wage has at most 16 digits.");
    }

    /**
     * Why a batch failed reads in the page's language as its rejections do: the page showed the stored English sentence
     * ("No valid rows", "Header lacks column(s) ...", "The file is named as an Excel workbook ...") to an Indonesian
     * reader until 7 December 2026. The stored failure, and the API's, stay as written.
     */
    @Test
    void aBatchsFailureReadsInThePagesLanguage() throws Exception {
        long noValidRows = batchWithATooLongWage();
        Http api = Http.withToken(port, TestUsers.token(accounts, "refused-lang", Role.DPMD, "63.05"));
        String header = "nik,name,sex,birth_date,segment\n" + Niks.unique("63.05.01", "P", BIRTH) + ",Dewi Lestari,P," + BIRTH + ",PU\n";
        Multipart noColumns = Multipart.form().file("file", "no-category.csv", "text/csv", header.getBytes(StandardCharsets.UTF_8));
        long headerRefused = JsonMapper.builder().build().readTree(api.post("/api/v1/imports", noColumns.contentType(), noColumns.body())
                .body()).get("batch").asLong();
        Multipart renamed = Multipart.form().file("file", "daftar.xlsx", "application/octet-stream", header.getBytes(StandardCharsets.UTF_8));
        long unreadable = JsonMapper.builder().build().readTree(api.post("/api/v1/imports", renamed.contentType(), renamed.body())
                .body()).get("batch").asLong();
        Http page = Http.browser(port);
        page.login("refused-lang", TestUsers.PASSWORD);

        String[][] failures = {
                {String.valueOf(noValidRows), "No valid rows", "Tidak ada baris yang dapat diimpor: setiap baris ditolak",
                        "No valid rows"},
                {String.valueOf(headerRefused), "Header lacks column(s)", "Baris judul tidak memuat kolom 'category, village_code'",
                        "Header lacks column(s) 'category, village_code'"},
                {String.valueOf(unreadable), "is named as an Excel workbook", "buku kerja Excel (XLSX) tetapi bukan buku kerja",
                        "is named as an Excel workbook (XLSX) but is none"}};
        for (String[] f : failures) {
            String indonesian = failure(page.get("/impor/pekerja/" + f[0] + "?lang=id").body());
            assertThat(indonesian).as(f[1]).contains(f[2]).doesNotContain(f[1]);
            assertThat(failure(page.get("/impor/pekerja/" + f[0] + "/progres?lang=id").body())).isEqualTo(indonesian);
            assertThat(failure(page.get("/impor/pekerja/" + f[0] + "?lang=en").body())).as(f[1]).contains(f[3]);
            assertThat(api.get("/api/v1/imports/" + f[0]).body()).as("the API's batch keeps the sentence").contains(f[1]);
        }
    }

    /** The text of the batch page's "why it failed" ({@code import.failure}), or "" when the page has none. */
    private static String failure(String page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(?:Alasan gagal|Failure)</dt><dd>([^<]*)</dd>")
                .matcher(page);
        return m.find() ? org.springframework.web.util.HtmlUtils.htmlUnescape(m.group(1)) : "";
    }

    /**
     * A header without a category nor a village column is refused wholly in Indonesian, the way round each missing
     * column too, and wholly in English on request: the audit of 7 December 2026 found "(or pekerjaan)" and "(or
     * choose the village on upload)" inside the Indonesian text and its {@code field}.
     */
    @Test
    void aHeaderMissingColumnIsWhollyIndonesianAndWhollyEnglishOnRequest() {
        Http api = Http.withToken(port, TestUsers.token(accounts, "refused-lang", Role.DPMD, "63.05"));
        String csv = "nik,name,sex,birth_date,segment\n" + Niks.unique("63.05.01", "P", BIRTH) + ",Dewi Lestari,P," + BIRTH + ",PU\n";
        Multipart upload = Multipart.form().file("file", "no-category.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
        var indonesian = api.post("/api/v1/imports", upload.contentType(), upload.body());
        assertThat(indonesian.statusCode()).as(indonesian.body()).isEqualTo(422);
        assertThat(indonesian.body()).contains("HEADER_MISSING_COLUMN", "\"field\":\"category,village_code\"",
                        "Baris judul tidak memuat kolom 'category, village_code' (kolom pekerjaan dapat menggantikan category;"
                                + " desa yang dipilih saat mengunggah dapat menggantikan village_code).")
                .doesNotContain("(or pekerjaan)", "choose the village", "does instead", "Header lacks");
        var english = api.post("/api/v1/imports?lang=en", upload.contentType(), upload.body());
        assertThat(english.body()).contains("Header lacks column(s) 'category, village_code' (a column pekerjaan does instead"
                + " of category; choosing the village on upload does instead of village_code)").doesNotContain("Baris judul");
    }
}
