package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.billing.BillingRuns;
import id.lindung.billing.Payments;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Date;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Inpres 2/2021 report of a regency for a semester: the PDF opens, carries the region and period in its header and
 * page numbers, and its figures are the coverage API's on the semester's last day; the XLSX has one sheet per section
 * with numbers as numbers; the regulations in force are listed; scope and semesters are checked.
 */
@IntegrationTest
class MonevReportIntegrationTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired MonevReports reports;
    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;

    private String token() {
        return TestUsers.token(accounts, "monev-dpmd", Role.DPMD, "64.02");
    }

    private byte[] bytes(String path) throws Exception {
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token()).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(new String(r.body())).isEqualTo(200);
        return r.body();
    }

    private static String grouped(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n).replace(',', '.');
    }

    @Test
    void thePdfOpensAndItsFiguresAreTheApisOnTheSemestersLastDay() throws Exception {
        Http api = Http.withToken(port, token());
        JsonNode coverage = JSON.readTree(api.get("/api/v1/coverage?region=64.02&date=2026-06-30").body());
        JsonNode report = JSON.readTree(api.get("/api/v1/reports/monev?region=64.02&semester=2026-1&format=json").body());
        assertThat(report.path("asOf").asString()).isEqualTo("2026-06-30");
        assertThat(report.path("previousAsOf").asString()).isEqualTo("2025-12-31");
        assertThat(report.path("total").path("registered").asLong()).isEqualTo(coverage.path("registered").asLong());
        assertThat(report.path("total").path("protected").asLong()).isEqualTo(coverage.path("protected").asLong());
        JsonNode children = JSON.readTree(api.get("/api/v1/coverage/children?region=64.02&date=2026-06-30").body());
        assertThat(report.path("children").size()).isEqualTo(children.size());
        for (int i = 0; i < children.size(); i++) {
            assertThat(report.path("children").get(i).path("protected").asLong()).as(children.get(i).path("region").asString())
                    .isEqualTo(children.get(i).path("protected").asLong());
        }

        byte[] pdf = bytes("/api/v1/reports/monev?region=64.02&semester=2026-1&format=pdf");
        assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            String first = text.getTextFromPage(1);
            assertThat(first).contains("Kutai Kartanegara").contains("64.02").contains("2026-1").contains("Halaman 1");
            assertThat(first).contains("Terdaftar: " + grouped(coverage.path("registered").asLong()))
                    .contains("Terlindungi: " + grouped(coverage.path("protected").asLong()));
            StringBuilder all = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                String page = text.getTextFromPage(p);
                assertThat(page).as("page " + p + " header and number").contains("64.02").contains("Halaman " + p);
                all.append(page);
            }
            assertThat(all.toString()).as("the claims section names its source").contains("Data klaim Lindung").doesNotContain("belum terhubung");
        }
    }

    /**
     * Every figure of the PDF's tables is the API's on the report's day, over the semester: for each child region and
     * the totals row, registered and protected (coverage table), kepala and perangkat desa, BPD and RT/RW (apparatus
     * table), APBD and APBDes contributions billed and paid (GET /api/v1/coverage's money by payer kind), Desa Sadar
     * villages of all desa; and the claims table's benefits paid, contributions paid and loss ratio. Regency 14.10,
     * which no other test uses, with the history of {@link #history}, semester 2026-1.
     */
    @Test
    void everyFigureInThePdfsTablesIsTheApis() throws Exception {
        history("14.10", TestUsers.actor("monev-pdf-admin", Role.ADMIN, "ID"));
        Http api = Http.withToken(port, TestUsers.token(accounts, "monev-dpmd-1410", Role.DPMD, "14.10"));
        String report = "/api/v1/reports/monev?region=14.10&semester=2026-1";
        String period = "&date=2026-06-30&periodFrom=2026-01-01&periodTo=2026-06-30";
        List<JsonNode> regions = new ArrayList<>();
        JSON.readTree(api.get("/api/v1/coverage/children?region=14.10" + period).body()).forEach(regions::add);
        JsonNode total = JSON.readTree(api.get("/api/v1/coverage?region=14.10" + period).body());
        regions.add(total);
        assertThat(regions).hasSizeGreaterThan(2);
        // the text as OpenPDF extracts it: a table row's cells run together, a wrapped name puts the figures on the
        // next lines, so a row is every line from its code to the next row, header or footer, without spaces
        List<String> rows = new ArrayList<>();
        byte[] pdf = api.getBytes(report + "&format=pdf").body();
        try (PdfReader reader = new PdfReader(pdf)) {
            PdfTextExtractor text = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                for (String line : text.getTextFromPage(p).split("\\n")) {
                    // a row begins at its code; a page's header or footer, a table's column names or a paragraph
                    // ("Desa berstatus Desa Sadar Jamsostek: 2") end it
                    if (line.strip().matches("([0-9]{2}(\\.[0-9]{2,4})* |Laporan monev|Halaman|Kode |.*: ).*") || rows.isEmpty()) {
                        rows.add("");
                    }
                    rows.set(rows.size() - 1, rows.get(rows.size() - 1) + line.replace(" ", ""));
                }
            }
        }
        for (JsonNode c : regions) {
            String code = c.path("region").asString();
            List<String> own = rows.stream().filter(l -> l.startsWith(code) && !l.startsWith(code + ".")).toList();
            JsonNode a = c.path("apparatus");
            JsonNode kinds = c.path("money").path("byPayerKind");
            assertThat(own).as(code + " in the coverage table").anyMatch(l -> l.contains(figures(c.path("registered"), c.path("protected"))));
            assertThat(own).as(code + " in the apparatus table").anyMatch(l -> l.endsWith(figures(a.path("registered"), a.path("protected"),
                    a.path("bpd").path("registered"), a.path("bpd").path("protected"), a.path("rtRw").path("registered"),
                    a.path("rtRw").path("protected"))));
            assertThat(own).as(code + " in the contributions table").anyMatch(l -> l.endsWith(figures(kinds.path("APBD").path("billed"),
                    kinds.path("APBD").path("paid"), kinds.path("APBDES").path("billed"), kinds.path("APBDES").path("paid"))));
            assertThat(own).as(code + " in the Desa Sadar table").anyMatch(l -> l.endsWith(figures(c.path("desaSadar").path("villages"),
                    c.path("desaSadar").path("desa"))));
        }
        JsonNode money = total.path("money");
        assertThat(new BigDecimal(money.path("paid").asString()).signum()).as("contributions were paid in the semester").isPositive();
        assertThat(total.path("apparatus").path("registered").asLong()).as("officials are compared, not only zeros").isPositive();
        assertThat(rows).as("the claims table: benefits paid, contributions paid, the loss ratio in percent")
                .anyMatch(l -> l.contains(figures(money.path("benefitsPaid"), money.path("paid"))
                        + new BigDecimal(money.path("lossRatio").asString()).movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP)
                                .toPlainString().replace('.', ',')));
    }

    /** Figures as the PDF prints them (whole numbers grouped with dots, sen after a decimal comma), run together. */
    private static String figures(JsonNode... values) {
        StringBuilder shown = new StringBuilder();
        for (JsonNode v : values) {
            BigDecimal b = new BigDecimal(v.asString());
            shown.append(grouped(b.longValue()));
            if (b.stripTrailingZeros().scale() > 0) {
                shown.append(',').append(b.setScale(2, java.math.RoundingMode.UNNECESSARY).toPlainString().replaceAll(".*\\.", ""));
            }
        }
        return shown.toString();
    }

    /**
     * The APBD and APBDes contributions of each child region are the bill lines of its workers (by the village on the
     * line) owed by payers of that kind, contribution months of the semester up to its last day, billed after reversals
     * and paid by that day, summed over the base tables: the report reads them from the money rollups by payer kind.
     * Regency 14.09, which no other test uses: officials paid by their villages (APBDes), BPD members by the regency
     * (APBD), farmers by themselves, a kepala desa JHT's worker share too; billed January to November 2026, paid in part, on time and late, one payment
     * reversed; compared for the regency (by district) and its province (by regency), both semesters.
     */
    @Test
    void apbdAndApbdesContributionsOfEachChildEqualItsBillLinesByPayerKind() {
        String regency = "14.09";
        Actor admin = TestUsers.actor("monev-money-admin", Role.ADMIN, "ID");
        history(regency, admin);

        BigDecimal seen = BigDecimal.ZERO;
        for (String region : List.of(regency, regency.substring(0, 2))) {
            for (String semester : List.of("2026-1", "2026-2")) {
                MonevReport report = CurrentActor.runAs(admin, () -> reports.report(region, semester));
                assertThat(report.contributions()).hasSize(report.children().size());
                for (MonevReport.Contribution c : report.contributions()) {
                    BigDecimal[] apbdMoney = direct(c.code(), "APBD", report.from(), report.asOf());
                    BigDecimal[] apbdesMoney = direct(c.code(), "APBDES", report.from(), report.asOf());
                    String why = region + " " + semester + " " + c.code();
                    assertThat(c.apbdBilled().toBigDecimal()).as(why + " APBD billed").isEqualByComparingTo(apbdMoney[0]);
                    assertThat(c.apbdPaid().toBigDecimal()).as(why + " APBD paid").isEqualByComparingTo(apbdMoney[1]);
                    assertThat(c.apbdesBilled().toBigDecimal()).as(why + " APBDes billed").isEqualByComparingTo(apbdesMoney[0]);
                    assertThat(c.apbdesPaid().toBigDecimal()).as(why + " APBDes paid").isEqualByComparingTo(apbdesMoney[1]);
                    seen = seen.add(apbdMoney[1]).add(apbdesMoney[1]);
                }
            }
        }
        assertThat(seen).as("contributions were paid, so paid sums are compared, not only zeros").isPositive();
    }

    /**
     * A regency's history for the report: in its first two districts' first desa, officials paid by their villages
     * (APBDes), BPD members by the regency (APBD), farmers by themselves, a kepala desa JHT's worker share too; billed
     * January to November 2026, paid in part, on time and late, one payment reversed.
     */
    private void history(String regency, Actor admin) {
        List<String> villages = jdbc.sql("""
                select min(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code >= ? and code < ?
                group by left(code, 8) order by 1 limit 2""").params(regency, regency + "/").query(String.class).list();
        assertThat(villages).hasSize(2);
        CoverageFixture fx = new CoverageFixture(jdbc);
        long apbd = fx.payer("APBD:" + regency, "APBD", "Pemerintah Kabupaten", regency);
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (String village : villages) {
            long apbdes = fx.payer("APBDES:" + village, "APBDES", "Pemerintah Desa " + village, village);
            for (String category : List.of("KEPALA_DESA", "PERANGKAT_DESA", "BPD", "PETANI")) {
                long worker = fx.worker(village, "Monev " + village.substring(9) + " " + category, category, false, null);
                switch (category) {
                    case "BPD" -> List.of("JKK", "JKM").forEach(p -> fx.term(worker, village, p, "PU", apbd, apbd, start));
                    case "PETANI" -> {
                        long self = fx.payer("SELF:" + fx.nik(worker), "SELF", "Peserta mandiri", village);
                        List.of("JKK", "JKM").forEach(p -> fx.term(worker, village, p, "BPU", null, self, start));
                    }
                    case "KEPALA_DESA" -> {
                        // the village pays JKK, JKM and JHT's employer share, the kepala desa JHT's worker share: one
                        // worker's lines of two payer kinds
                        long self = fx.payer("SELF:" + fx.nik(worker), "SELF", "Peserta mandiri", village);
                        List.of("JKK", "JKM").forEach(p -> fx.term(worker, village, p, "PU", apbdes, apbdes, start));
                        fx.term(worker, village, "JHT", "PU", apbdes, self, start);
                    }
                    default -> List.of("JKK", "JKM", "JHT").forEach(p -> fx.term(worker, village, p, "PU", apbdes, apbdes, start));
                }
            }
        }
        CurrentActor.runAs(admin, () -> {
            for (YearMonth m = YearMonth.of(2026, 1); !m.isAfter(YearMonth.of(2026, 11)); m = m.plusMonths(1)) {
                runs.run(m, admin, true);
            }
            // the first village pays March on time and May two months late; the regency pays everything in August,
            // then that payment is reversed and half of it paid again in October
            pay("APBDES:" + villages.get(0), YearMonth.of(2026, 3), LocalDate.of(2026, 3, 10), admin);
            pay("APBDES:" + villages.get(0), YearMonth.of(2026, 5), LocalDate.of(2026, 7, 20), admin);
            long reversed = pay("APBD:" + regency, null, LocalDate.of(2026, 8, 20), admin);
            payments.reverse(reversed, "posted twice by the bank", admin);
            pay("APBD:" + regency, YearMonth.of(2026, 2), LocalDate.of(2026, 10, 5), admin);
            return null;
        });
    }

    /** Pays what the payer owes for the month (every month when null) on the day; returns the payment's id. */
    private long pay(String payer, YearMonth month, LocalDate on, Actor actor) {
        BigDecimal owed = new CoverageFixture(jdbc).owed(payer, month);
        assertThat(owed).as(payer + " owes " + month).isPositive();
        return payments.record(new Payments.PaymentRequest(payer, "MONEV-" + RUN + "-" + payer + "-" + on, on, owed, "BANK"), actor).id();
    }

    private BigDecimal[] direct(String region, String kind, LocalDate from, LocalDate asOf) {
        RegionScope r = RegionScope.of(region);
        Object[] params = {r.lo(), r.hi(), Date.valueOf(from), Date.valueOf(asOf.withDayOfMonth(1)), kind};
        BigDecimal billed = jdbc.sql("""
                select coalesce(sum(l.amount), 0) from bill_line l join payer p on p.id = l.payer_id
                where l.village_code >= ? and l.village_code < ? and l.month >= ? and l.month <= ? and p.kind = ?""")
                .params(params).query(BigDecimal.class).single();
        BigDecimal paid = jdbc.sql("""
                select coalesce(sum(a.amount), 0) from payment_allocation a join bill_line l on l.id = a.bill_line_id
                join payer p on p.id = l.payer_id
                where l.village_code >= ? and l.village_code < ? and l.month >= ? and l.month <= ? and p.kind = ?
                  and a.paid_on <= ?""")
                .params(r.lo(), r.hi(), Date.valueOf(from), Date.valueOf(asOf.withDayOfMonth(1)), kind, Date.valueOf(asOf))
                .query(BigDecimal.class).single();
        return new BigDecimal[] {billed, paid};
    }

    @Test
    void theXlsxHasOneSheetPerSectionWithNumbersAsNumbers() throws Exception {
        Http api = Http.withToken(port, token());
        JsonNode report = JSON.readTree(api.get("/api/v1/reports/monev?region=64.02&semester=2026-1&format=json").body());
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes("/api/v1/reports/monev?region=64.02&semester=2026-1&format=xlsx")))) {
            List<String> sheets = new ArrayList<>();
            book.forEach(s -> sheets.add(s.getSheetName()));
            assertThat(sheets).containsExactly("Cakupan", "Aparatur desa", "Iuran APBD dan APBDes", "Desa Sadar Jamsostek",
                    "Klaim dan manfaat", "Regulasi daerah");
            Sheet coverage = book.getSheet("Cakupan");
            Row total = coverage.getRow(coverage.getLastRowNum());
            assertThat(total.getCell(0).getStringCellValue()).isEqualTo("64.02");
            assertThat(total.getCell(3).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat((long) total.getCell(3).getNumericCellValue()).isEqualTo(report.path("total").path("registered").asLong());
            Row money = book.getSheet("Iuran APBD dan APBDes").getRow(book.getSheet("Iuran APBD dan APBDes").getLastRowNum());
            assertThat(money.getCell(4).getNumericCellValue())
                    .isEqualTo(report.path("contributionTotal").path("apbdesBilled").asDouble());
            // each child's row holds the API's figures as numbers
            JsonNode children = JSON.readTree(api.get("/api/v1/coverage/children?region=64.02&date=2026-06-30").body());
            for (int i = 0; i < children.size(); i++) {
                Row row = coverage.getRow(i + 1);
                assertThat(row.getCell(0).getStringCellValue()).isEqualTo(children.get(i).path("region").asString());
                assertThat(row.getCell(3).getNumericCellValue()).isEqualTo(children.get(i).path("registered").asDouble());
                assertThat(row.getCell(4).getNumericCellValue()).isEqualTo(children.get(i).path("protected").asDouble());
            }
            // no sheet holds a number as text: every cell that reads as a number, outside the code column and the
            // regulations' own numbers, is a numeric cell
            for (Sheet sheet : book) {
                Row header = sheet.getRow(0);
                for (Row row : sheet) {
                    for (org.apache.poi.ss.usermodel.Cell cell : row) {
                        String column = header.getCell(cell.getColumnIndex()).getStringCellValue();
                        if (row.getRowNum() == 0 || cell.getCellType() != CellType.STRING || column.equals("Kode")
                                || sheet.getSheetName().equals("Regulasi daerah")) {
                            continue;
                        }
                        assertThat(cell.getStringCellValue()).as(sheet.getSheetName() + " " + column + " row " + row.getRowNum())
                                .doesNotMatch("-?[0-9][0-9.,]*%?");
                    }
                }
            }
        }
    }

    @Test
    void aRegulationInForceDuringTheSemesterIsListedAndOneEndedBeforeIsNot() throws Exception {
        Http api = Http.withToken(port, token());
        assertThat(api.postJson("/api/v1/local-regulations", """
                {"kind": "PERBUP", "number": "7 Tahun 2026 %s", "title": "Perlindungan pekerja rentan", "regionCode": "64.02",
                 "signedOn": "2026-02-01", "inForceFrom": "2026-03-01", "coversVulnerable": true}""".formatted(RUN)).statusCode())
                .isEqualTo(201);
        assertThat(api.postJson("/api/v1/local-regulations", """
                {"kind": "SURAT_EDARAN", "number": "SE-%s", "title": "Edaran lama", "regionCode": "64.02",
                 "signedOn": "2024-01-01", "inForceFrom": "2024-01-01", "inForceUntil": "2025-12-31"}""".formatted(RUN)).statusCode())
                .isEqualTo(201);
        String report = api.get("/api/v1/reports/monev?region=64.02&semester=2026-1&format=json").body();
        assertThat(report).contains("7 Tahun 2026 " + RUN).doesNotContain("SE-" + RUN);
    }

    @Test
    void scopeAndASemesterNotBegunAreChecked() {
        Http api = Http.withToken(port, token());
        assertThat(api.get("/api/v1/reports/monev?region=73.02&semester=2026-1&format=json").statusCode()).isEqualTo(404);
        // the next semester has not begun: a rule's refusal (within the year every coverage date may name)
        java.time.LocalDate today = id.lindung.support.TestClock.businessToday();
        String next = today.getMonthValue() <= 6 ? today.getYear() + "-2" : (today.getYear() + 1) + "-1";
        var future = api.get("/api/v1/reports/monev?region=64.02&semester=" + next + "&format=json");
        assertThat(future.statusCode()).isEqualTo(422);
        assertThat(future.body()).contains("SEMESTER_IN_FUTURE");
    }

    @Test
    void aSemesterBeyondAYearFromTodayIsOutOfRangeAsEveryCoverageDateIs() {
        // 2099-1 was 422 SEMESTER_IN_FUTURE while a date or trend month that far ahead is 400 OUT_OF_RANGE (docs/coverage.md
        // "Dates" names the semester among the values the one rule bounds)
        var far = Http.withToken(port, token()).get("/api/v1/reports/monev?region=64.02&semester=2099-1&format=json");
        assertThat(far.statusCode()).isEqualTo(400);
        assertThat(far.body()).contains("\"field\":\"semester\"").contains("\"code\":\"OUT_OF_RANGE\"");
        // the page says so in its own words, not with another form's OUT_OF_RANGE text (the registry's decile message)
        String page = Http.withToken(port, token()).get("/cakupan/monev/unduh?region=64.02&semester=2099-1&format=pdf&lang=id",
                "text/html").body();
        assertThat(page).contains("lebih dari setahun dari hari ini").doesNotContain("Desil");
    }

    @Test
    void aDistrictIsNotReportedOnOnlyProvincesAndRegenciesAre() {
        Http api = Http.withToken(port, token());
        var district = api.get("/api/v1/reports/monev?region=64.02.03&semester=2026-1&format=json");
        assertThat(district.statusCode()).isEqualTo(422);
        assertThat(district.body()).contains("REGION_LEVEL_NOT_REPORTED");
    }

    @Test
    void theNationIsNotReportedOnAndIsNotCalledADistrictOrVillage() {
        // a national reader asking without a region (or for ID) was told "not for a district or village such as ID"
        Http api = TestUsers.api(port, accounts, "monev-national", Role.MONITOR, "ID");
        var nation = api.get("/api/v1/reports/monev?semester=2026-1&format=json");
        assertThat(nation.statusCode()).isEqualTo(422);
        assertThat(nation.body()).contains("\"code\":\"REGION_LEVEL_NOT_REPORTED\"").contains("seluruh Indonesia (ID)")
                .doesNotContain("kecamatan atau desa");
        var english = api.get("/api/v1/reports/monev?region=ID&semester=2026-1&format=json", "Accept-Language", "en");
        assertThat(english.statusCode()).isEqualTo(422);
        assertThat(english.body()).contains("not for the nation (ID)").doesNotContain("district or village");
        // a district keeps its own sentence
        assertThat(api.get("/api/v1/reports/monev?region=64.02.03&semester=2026-1&format=json").body())
                .contains("kecamatan atau desa seperti 64.02.03");
    }
}
