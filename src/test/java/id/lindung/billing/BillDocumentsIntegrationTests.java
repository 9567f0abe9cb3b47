package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bill as a document a village treasurer can pay from and a spreadsheet an office can compute with. */
@IntegrationTest
class BillDocumentsIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Bills bills;
    @Autowired BillDocuments documents;

    static final Actor ADMIN = TestUsers.actor("bill-documents-admin", Role.ADMIN, "ID");
    static final Locale INDONESIAN = Locale.forLanguageTag("id");

    /** A village of Bulukumba whose officials (JKK and JKM, PU) are billed for March 2025. */
    private BillSummary billOfVillage(String desa, int officials) {
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        for (int i = 0; i < officials; i++) {
            long w = fx.worker(desa, "Perangkat Desa Nomor " + i, "PERANGKAT_DESA");
            fx.term(w, desa, "JKK", "PU", "2022200", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
            fx.term(w, desa, "JKM", "PU", "2022200", null, village, village, LocalDate.of(2025, 1, 1), null);
        }
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 3), ADMIN, true));
        return bills.find("APBDES:" + desa, YearMonth.of(2025, 3), ADMIN, null).get(0);
    }

    private byte[] pdf(BillSummary bill, Locale locale) {
        return documents.pdf(bill, AmountDue.of(bill, List.of()), ADMIN, url(bill), locale);
    }

    private static String url(BillSummary bill) {
        return "https://lindung.example.go.id/public/verifikasi-tagihan?kode=" + bill.verificationCode();
    }

    @org.springframework.boot.test.web.server.LocalServerPort int port;
    @Autowired id.lindung.access.UserAccounts accounts;

    /**
     * The bill page shows its lines a hundred at a time, in the order of the whole list, with a pager; the documents keep
     * every line (1,017 lines made a regency's bill page 57,700 px tall on a phone, review of 6 December 2026).
     */
    @Test
    void theBillPageShowsItsLinesAHundredAtATimeInTheOrderOfTheWholeList() {
        BillSummary bill = billOfVillage("73.02.04.2010", 60);
        List<Bills.Line> all = bills.lines(bill.id(), ADMIN);
        assertThat(all).hasSize(120);
        var first = bills.lines(bill.id(), ADMIN, 0, 100);
        var second = bills.lines(bill.id(), ADMIN, 1, 100);
        assertThat(first.total()).isEqualTo(120);
        assertThat(first.items()).hasSize(100);
        assertThat(second.items()).hasSize(20);
        List<Bills.Line> paged = new java.util.ArrayList<>(first.items());
        paged.addAll(second.items());
        assertThat(paged).isEqualTo(all);

        String token = TestUsers.token(accounts, "bill-lines-pages", Role.DPMD, "73.02");
        id.lindung.support.Http dpmd = id.lindung.support.Http.withToken(port, token);
        String page1 = dpmd.get("/tagihan/" + bill.id(), "text/html").body();
        assertThat(page1).contains("id=\"lines-pager\"").contains("/tagihan/" + bill.id() + "?page=1").contains(all.get(99).name())
                .doesNotContain(all.get(100).name() + "<");
        String page2 = dpmd.get("/tagihan/" + bill.id() + "?page=1", "text/html").body();
        assertThat(page2).contains(all.get(100).name()).contains(all.get(119).name()).doesNotContain(">" + all.get(0).name() + "<");
        assertThat(dpmd.get("/tagihan/" + bill.id() + "?page=-1", "text/html").statusCode()).isEqualTo(400);
        // a page past the end is the last page, as on every list, not an empty table
        var past = bills.lines(bill.id(), ADMIN, 7, 100);
        assertThat(past.page()).isEqualTo(1);
        assertThat(past.items()).isEqualTo(second.items());
        assertThat(dpmd.get("/tagihan/" + bill.id() + "?page=7", "text/html").body()).contains(all.get(119).name())
                .contains("Halaman 2 dari 2");
    }

    @Test
    void anOrdinaryBillIsOnePageWithPaymentTermsRatesFootnotesAndTheVerificationAddress() throws Exception {
        BillSummary bill = billOfVillage("73.02.03.2006", 12);
        try (PdfReader reader = new PdfReader(pdf(bill, INDONESIAN))) {
            assertThat(reader.getNumberOfPages()).as("12 officials, 24 lines: one page").isEqualTo(1);
            // words as they read, whatever the line breaks
            String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
            assertThat(text).contains("Halaman 1 dari 1", url(bill), "Kode verifikasi", bill.verificationCode() + " (versi 1)")
                    // rates as rates, in Indonesian
                    .contains("0,24%", "0,3%")
                    // where, how and by when to pay, and the fine rule in words, from the regulation data
                    .contains("Cara membayar", "APBDES:73.02.03.2006", "15 April 2025", "tanggal 15 bulan berikutnya",
                            "hari kerja berikutnya", "2% per bulan keterlambatan")
                    // the regulations once, as footnotes
                    .contains("Dasar hukum", "PP 44/2015 Lampiran I", "PP 44/2015")
                    .containsOnlyOnce("PP 44/2015 Lampiran I")
                    // in the bill's language, the data's English joining words included
                    .contains("PP 44/2015 sebagaimana diubah dengan PP 82/2019").doesNotContain("as amended by")
                    // shares and kinds in words
                    .contains("Pemberi kerja", "Tagihan")
                    .doesNotContain("EMPLOYER", "ORIGINAL", "pu.jkk", "pu.due", "pu.fine", "[S", "S30");
        }
    }

    @Test
    void theQrCodeOnTheBillOpensTheVerificationAddress() throws Exception {
        BillSummary bill = billOfVillage("73.02.03.2007", 2);
        try (PdfReader reader = new PdfReader(pdf(bill, INDONESIAN))) {
            PdfDictionary xobjects = reader.getPageN(1).getAsDict(PdfName.RESOURCES).getAsDict(PdfName.XOBJECT);
            List<String> decoded = new ArrayList<>();
            for (PdfName name : xobjects.getKeys()) {
                PRStream image = (PRStream) PdfReader.getPdfObject(xobjects.get(name));
                if (PdfName.IMAGE.equals(image.getAsName(PdfName.SUBTYPE))) {
                    int width = image.getAsNumber(PdfName.WIDTH).intValue();
                    int height = image.getAsNumber(PdfName.HEIGHT).intValue();
                    decoded.add(decode(PdfReader.getStreamBytes(image), width, height));
                }
            }
            assertThat(decoded).containsExactly(url(bill));
        }
    }

    /** Reads a QR code from grey pixels, enlarged eight times so the detector sees modules, not single pixels. */
    private static String decode(byte[] grey, int width, int height) throws Exception {
        int scale = 8;
        int[] argb = new int[width * scale * height * scale];
        for (int y = 0; y < height * scale; y++) {
            for (int x = 0; x < width * scale; x++) {
                int g = grey[(y / scale) * width + x / scale] & 0xff;
                argb[y * width * scale + x] = 0xff000000 | g << 16 | g << 8 | g;
            }
        }
        var bitmap = new BinaryBitmap(new HybridBinarizer(new RGBLuminanceSource(width * scale, height * scale, argb)));
        return new QRCodeReader().decode(bitmap).getText();
    }

    @Test
    void aLongBillNumbersItsPagesAndRepeatsTheCodeOnEach() throws Exception {
        BillSummary bill = billOfVillage("73.02.03.2008", 60);
        try (PdfReader reader = new PdfReader(pdf(bill, INDONESIAN))) {
            int pages = reader.getNumberOfPages();
            assertThat(pages).isGreaterThan(1);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= pages; page++) {
                assertThat(extractor.getTextFromPage(page)).contains("Halaman " + page + " dari " + pages)
                        .contains("Kode verifikasi " + bill.verificationCode());
            }
            assertThat(extractor.getTextFromPage(2)).as("the column heads repeat").contains("NIK", "Tarif", "Iuran");
        }
    }

    /**
     * 37 lines and more filled the first page and sent the totals' last part and the regulations cited as footnotes to a
     * second page of their own, away from the lines and amounts they annotate (review of 6 December 2026). The footnotes
     * now end the bill on the page that also holds the table's last lines and the totals, however long the table.
     */
    @Test
    void theFootnotesStayOnThePageOfTheTablesLastLinesAndTheTotals() throws Exception {
        for (var village : java.util.Map.of("73.02.04.2011", 19, "73.02.04.2012", 20, "73.02.04.2013", 23).entrySet()) {
            BillSummary bill = billOfVillage(village.getKey(), village.getValue());
            List<Bills.Line> lines = bills.lines(bill.id(), ADMIN);
            byte[] pdf = pdf(bill, INDONESIAN);
            // for a person to look at after the run
            java.nio.file.Files.createDirectories(java.nio.file.Path.of("target", "bills"));
            java.nio.file.Files.write(java.nio.file.Path.of("target", "bills", "bill-" + lines.size() + "-lines.pdf"), pdf);
            try (PdfReader reader = new PdfReader(pdf)) {
                int pages = reader.getNumberOfPages();
                PdfTextExtractor extractor = new PdfTextExtractor(reader);
                String last = extractor.getTextFromPage(pages).replaceAll("\\s+", " ");
                String what = lines.size() + " lines";
                assertThat(last).as(what + ": the last page holds the footnotes").contains("Dasar hukum", "PP 44/2015 Lampiran I");
                assertThat(last).as(what + ": with the totals").contains("Cara membayar", "JUMLAH YANG HARUS DIBAYAR");
                assertThat(last).as(what + ": and the table's last line, under its column heads")
                        .contains(lines.get(lines.size() - 1).name(), "NIK", "Tarif");
                for (int page = 1; page < pages; page++) {
                    assertThat(extractor.getTextFromPage(page).replaceAll("\\s+", " ")).as(what + ", page " + page)
                            .doesNotContain("Dasar hukum").contains("Perangkat Desa Nomor");
                }
            }
        }
    }

    @Test
    void theEnglishPdfSpeaksEnglish() throws Exception {
        BillSummary bill = billOfVillage("73.02.04.2002", 1);
        try (PdfReader reader = new PdfReader(pdf(bill, Locale.ENGLISH))) {
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ")).contains("Page 1 of 1", "How to pay", "Legal basis",
                    "Employer", "0.24%", "day 15 of the following month").doesNotContain("Halaman", "Cara membayar");
        }
    }

    @Test
    void theSpreadsheetHoldsRatesAndAmountsAsFormattedNumbersWithHeadersInThePageLanguage() throws Exception {
        BillSummary bill = billOfVillage("73.02.04.2003", 2);
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(documents.xlsx(bill, AmountDue.of(bill, List.of()), ADMIN, INDONESIAN)))) {
            Sheet sheet = wb.getSheetAt(0);
            Cell due = sheet.getRow(2).getCell(1);
            assertThat(DateUtil.isCellDateFormatted(due)).as("the due date is a date").isTrue();
            assertThat(due.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(bill.dueDate());
            List<String> heads = new ArrayList<>();
            sheet.getRow(5).forEach(c -> heads.add(c.getStringCellValue()));
            assertThat(heads).containsExactly("NIK", "Nama", "Desa", "Program", "Porsi", "Segmen", "Jenis", "Dasar", "Tarif",
                    "Iuran", "Versi regulasi");
            Row line = sheet.getRow(6);
            assertThat(line.getCell(3).getStringCellValue()).isIn("JKK", "JKM");
            assertThat(line.getCell(4).getStringCellValue()).isEqualTo("Pemberi kerja");
            assertThat(line.getCell(6).getStringCellValue()).isEqualTo("Tagihan");
            for (int column : new int[] {7, 8, 9}) {
                assertThat(line.getCell(column).getCellType()).as("column %d is a number", column).isEqualTo(CellType.NUMERIC);
            }
            assertThat(line.getCell(7).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            assertThat(line.getCell(7).getNumericCellValue()).isEqualTo(2022200);
            assertThat(line.getCell(8).getCellStyle().getDataFormatString()).isEqualTo("0.00%");
            assertThat(line.getCell(8).getNumericCellValue()).isIn(0.0024, 0.003);
            assertThat(line.getCell(9).getCellStyle().getDataFormatString()).isEqualTo("#,##0");
            for (int column = 0; column <= 10; column++) {
                assertThat(sheet.getColumnWidth(column)).as("column %d is sized", column).isGreaterThanOrEqualTo(8 * 256);
            }
            assertThat(sheet.getColumnWidth(1)).as("names are wider than the default").isGreaterThan(20 * 256);
            // the bill's total under its lines (what is owed with it, arrears and fines, follows: AmountDue)
            Row total = sheet.getRow(6 + (int) bill.lineCount() + 1);
            assertThat(total.getCell(8).getStringCellValue()).isEqualTo("Total");
            assertThat(total.getCell(9).getNumericCellValue()).isEqualTo(bill.total().toBigDecimal().doubleValue());
            List<String> texts = new ArrayList<>();
            sheet.forEach(r -> r.forEach(c -> {
                if (c.getCellType() == CellType.STRING) {
                    texts.add(c.getStringCellValue());
                }
            }));
            assertThat(texts).doesNotContain("EMPLOYER", "WORKER", "ORIGINAL", "ADJUSTMENT", "REVERSAL");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(documents.xlsx(bill, AmountDue.of(bill, List.of()), ADMIN, Locale.ENGLISH)))) {
            assertThat(wb.getSheetAt(0).getRow(5).getCell(1).getStringCellValue()).isEqualTo("Name");
            assertThat(wb.getSheetAt(0).getRow(6).getCell(4).getStringCellValue()).isEqualTo("Employer");
        }
    }
}
