package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.shared.Rupiah;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A late fine stays owed once it has accrued (RULES.md 1.5: paid "together with the next month's contributions"; issue 5:
 * "shown on the next bill"), also when the late month was then paid in full: the later bill's PDF, XLSX, page and API
 * keep it. Review of 6 December 2026: August 2026 of APBDES:64.02.02.2002, paid late in full with a fine of Rp 3,445,
 * was missing from the December bill's "Denda keterlambatan", which summed only the still unpaid months' fines.
 */
@IntegrationTest
class LateFinesOnLaterBillsIntegrationTests {

    static final Actor ADMIN = TestUsers.actor("late-fines-admin", Role.ADMIN, "ID");

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired BillingRuns runs;
    @Autowired Payments payments;
    @Autowired Bills bills;
    @Autowired BillDocuments documents;
    @Autowired TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private void pay(String payer, String reference, LocalDate date, String amount) {
        BillingFixture.pay(payments, ADMIN, payer, reference, date, amount);
    }

    /**
     * A village with one official (JKK + JKM PU, Rp 10,800 a month) billed July to September 2024. July (due 15 August) is
     * paid in full on 10 September, one started month late: its fine is 2% of 10,800 = Rp 216. August is paid on
     * 12 September, before its due date (16 September, the 15th being a Sunday): no fine. September is unpaid and not yet
     * due on 1 October.
     */
    private BillSummary septemberOf(String desa) {
        BillingFixture fx = new BillingFixture(jdbc);
        fx.villageWithOneOfficial(desa, "Sekdes " + desa, "PERANGKAT_DESA", LocalDate.of(2024, 1, 1));
        for (int m = 7; m <= 9; m++) {
            YearMonth month = YearMonth.of(2024, m);
            CurrentActor.runAs(ADMIN, () -> runs.run(month, ADMIN, true));
        }
        String payer = "APBDES:" + desa;
        pay(payer, "JUL-" + desa, LocalDate.of(2024, 9, 10), "10800");
        pay(payer, "AUG-" + desa, LocalDate.of(2024, 9, 12), "10800");
        clock.fixAt(BillingFixture.morningOf(LocalDate.of(2024, 10, 1)));
        BillSummary july = bills.find(payer, YearMonth.of(2024, 7), ADMIN, null).get(0);
        assertThat(july.outstanding()).isEqualTo(Rupiah.ZERO);
        assertThat(july.fine()).as("July paid one started month late").isEqualTo(Rupiah.of(216));
        return bills.find(payer, YearMonth.of(2024, 9), ADMIN, null).get(0);
    }

    @Test
    void aFineOfAMonthPaidLateButInFullStaysOwedOnEveryLaterBill() throws Exception {
        BillSummary september = septemberOf("73.02.05.2003");
        AmountDue due = bills.amountDue(september, ADMIN, null);
        assertThat(due.earlier()).extracting(BillSummary::month).as("July keeps its fine; August owes nothing")
                .containsExactly(YearMonth.of(2024, 7));
        assertThat(due.arrears()).isEqualTo(Rupiah.ZERO);
        assertThat(due.monthsInArrears()).isZero();
        assertThat(due.fines()).isEqualTo(Rupiah.of(216));
        assertThat(due.toPay()).isEqualTo(Rupiah.of(10_800 + 216));

        try (PdfReader reader = new PdfReader(documents.pdf(september, due, ADMIN, "https://lindung.example/v", Locale.forLanguageTag("id")))) {
            // the totals' cells are extracted without a space between label and amount: compared without spaces
            String text = new PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", "");
            assertThat(text).contains("Tunggakanbulansebelumnya(0bulan)Rp0", "DendaketerlambatanRp216",
                    "JUMLAHYANGHARUSDIBAYARRp11.016", "Juli2024:iuranlunas,dendaRp216");
        }
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(documents.xlsx(september, due, ADMIN, Locale.forLanguageTag("id"))))) {
            List<String> rows = new ArrayList<>();
            for (Row row : wb.getSheetAt(0)) {
                if (row.getCell(8) != null && row.getCell(9) != null && row.getCell(9).getCellType() == CellType.NUMERIC) {
                    rows.add(text(row.getCell(8)) + " = " + (long) row.getCell(9).getNumericCellValue());
                }
            }
            assertThat(rows).contains("Denda keterlambatan = 216", "JUMLAH YANG HARUS DIBAYAR = 11016", "0 = 216");
        }
    }

    @Test
    void theBillPageAndTheBillApiShowTheFineOfAnEarlierMonthPaidLate() {
        BillSummary september = septemberOf("73.02.05.2004");
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "late-fines-dpmd", Role.DPMD, "73.02"));
        String page = dpmd.get("/tagihan/" + september.id(), "text/html").body();
        assertThat(page.replaceAll("\\s+", " ")).contains("Tunggakan dan denda bulan sebelumnya", "iuran lunas", "Denda</span> Rp <span>216",
                "11.016");
        String api = dpmd.get("/api/v1/bills/" + september.id()).body();
        assertThat(api).contains("\"amountDue\":{", "\"arrears\":0", "\"monthsInArrears\":0", "\"fines\":216", "\"toPay\":11016",
                "{\"month\":\"2024-07\",\"outstanding\":0,\"fine\":216}");
    }

    private static String text(org.apache.poi.ss.usermodel.Cell cell) {
        return cell.getCellType() == CellType.STRING ? cell.getStringCellValue() : Long.toString((long) cell.getNumericCellValue());
    }
}
