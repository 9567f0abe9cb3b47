package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.platform.Formats;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.context.support.ResourceBundleMessageSource;

class PlanDocumentsTests {

    static final PlanDocuments DOCUMENTS = new PlanDocuments(messages(), null, null,
            new Formats(Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneId.of("Asia/Jakarta"))));

    static ResourceBundleMessageSource messages() {
        ResourceBundleMessageSource m = new ResourceBundleMessageSource();
        m.setBasename("messages");
        m.setDefaultEncoding("UTF-8");
        m.setFallbackToSystemLocale(false);
        return m;
    }

    static String shown(Locale locale, Map<String, Object> assumption) {
        LocaleContextHolder.setLocale(locale);
        return DOCUMENTS.assumption(assumption, locale);
    }

    /** Documents whose every region is Desa Bakungan. */
    private static PlanDocuments inBakungan() {
        RegionLabels regions = new RegionLabels(null) {
            @Override
            public String label(String code) {
                return "Desa Bakungan";
            }
        };
        return new PlanDocuments(messages(), null, regions,
                new Formats(Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneId.of("Asia/Jakarta"))));
    }

    @AfterEach
    void reset() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void anAssumptionWritesItsDatesMonthsAndCountsAsEveryPageDoesNotAsStored() {
        Map<String, Object> members = PlanAssumptions.assumption("MEMBERS_ON_REFERENCE_DATE", "on {0} ({1} people)",
                LocalDate.of(2026, 12, 4), 1000);
        assertThat(shown(Locale.forLanguageTag("id"), members)).contains("pada 4 Des 2026 (1.000 orang)");
        assertThat(shown(Locale.ENGLISH, members)).as("an apostrophe of the text quotes nothing")
                .startsWith("The people of the payer's memberships on 4 Dec 2026 (1,000 people)");
        assertThat(shown(Locale.ENGLISH, PlanAssumptions.assumption("PAST_YEAR", "{0} is past", 2025))).startsWith("2025 is past");
        Map<String, Object> flows = PlanAssumptions.assumption("JOINERS_LEAVERS", "{0}: {1} people in {2}", "NELAYAN", 1200,
                YearMonth.of(2027, 3), 3, 1, 1400);
        assertThat(shown(Locale.forLanguageTag("id"), flows)).startsWith("NELAYAN: 1.200 orang pada Mar 2027").endsWith("1.400 orang pada Desember");
        assertThat(shown(Locale.forLanguageTag("id"), PlanAssumptions.assumption("PAST_YEAR", "{0} is past", 2025)))
                .as("a year is no count").startsWith("Tahun 2025 ");
    }

    @Test
    void theIndonesianPlanPdfWritesItsReferenceDateMonthsAndPeopleTheIndonesianWay() throws Exception {
        PlanDocuments documents = inBakungan();
        Map<String, Object> programs = Map.of("JKK", 10800, "JKM", 14400, "JHT", 0, "JP", 0);
        Map<String, Object> plan = Map.ofEntries(Map.entry("year", 2027), Map.entry("payerName", "Pemerintah Desa Bakungan"),
                Map.entry("payer", "APBDES:64.02.03.2001"), Map.entry("regionCode", "64.02.03.2001"), Map.entry("status", "DRAFT"),
                Map.entry("referenceDate", "2026-12-04"), Map.entry("people", 1200),
                Map.entry("months", java.util.List.of(Map.of("month", "2027-03", "byProgram", programs, "payerShare", 1077000,
                        "workerShare", 0, "total", 1077000, "projected", java.util.List.of()))),
                Map.entry("byProgram", programs), Map.entry("payerShare", 1077000), Map.entry("workerShare", 0),
                Map.entry("total", 1077000), Map.entry("projected", java.util.List.of()), Map.entry("budgetLines", java.util.List.of()),
                Map.entry("assumptions", java.util.List.of()));
        Locale indonesian = Locale.forLanguageTag("id");
        LocaleContextHolder.setLocale(indonesian);
        try (var reader = new com.lowagie.text.pdf.PdfReader(documents.pdf(plan, indonesian))) {
            String text = new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
            assertThat(text).contains("Tanggal acuan: 4 Des 2026", "Jumlah orang: 1.200", "Mar 2027", "Rp 1.077.000")
                    .doesNotContain("2026-12-04", "2027-03");
        }
    }

    @Test
    void anUnverifiedNamedRuleIsShownByItsTextInThePageLanguageNotByItsCode() {
        PlanDocuments documents = new PlanDocuments(messages(), id.lindung.regulation.RegulationCatalog.loadBundled(), null,
                new Formats(Clock.fixed(Instant.parse("2026-12-04T03:00:00Z"), ZoneId.of("Asia/Jakarta"))));
        Map<String, Object> plan = Map.of("unverified", java.util.List.of(Map.of("parameter", "bpu.income.bandBasis",
                "value", "FLOOR", "from", "2015-07-01", "affects", java.util.List.of("JKK", "JKM"),
                "months", java.util.List.of("2027-01", "2027-12"), "projected", false)));
        assertThat(documents.unverifiedLines(plan, Locale.forLanguageTag("id"))).singleElement().asString()
                .contains("(bpu.income.bandBasis) = Batas bawah rentang sejak").doesNotContain("= FLOOR");
        assertThat(documents.unverifiedLines(plan, Locale.ENGLISH)).singleElement().asString()
                .contains("(bpu.income.bandBasis) = Lowest income of the band from");
    }

    /** A plan of one month, the rest of it as the documents need it, with {@code unverified} and its source as given. */
    private static Map<String, Object> planWithUnverified(Object unverified, String source) {
        Map<String, Object> programs = Map.of("JKK", 10800, "JKM", 14400, "JHT", 0, "JP", 0);
        Map<String, Object> plan = new java.util.HashMap<>(Map.ofEntries(Map.entry("year", 2027),
                Map.entry("payerName", "Pemerintah Desa Bakungan"), Map.entry("payer", "APBDES:64.02.03.2001"),
                Map.entry("regionCode", "64.02.03.2001"), Map.entry("status", "DRAFT"), Map.entry("referenceDate", "2026-12-04"),
                Map.entry("people", 1), Map.entry("months", java.util.List.of(Map.of("month", "2027-03", "byProgram", programs,
                        "payerShare", 25200, "workerShare", 0, "total", 25200, "projected", java.util.List.of()))),
                Map.entry("byProgram", programs), Map.entry("payerShare", 25200), Map.entry("workerShare", 0),
                Map.entry("total", 25200), Map.entry("projected", java.util.List.of()), Map.entry("budgetLines", java.util.List.of()),
                Map.entry("assumptions", java.util.List.of()), Map.entry("unverifiedSource", source)));
        plan.put("unverified", unverified);
        return plan;
    }

    private static String pdfText(PlanDocuments documents, Map<String, Object> plan, Locale locale) throws Exception {
        try (var reader = new com.lowagie.text.pdf.PdfReader(documents.pdf(plan, locale))) {
            return new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1).replaceAll("\\s+", " ");
        }
    }

    private static String xlsxText(PlanDocuments documents, Map<String, Object> plan, Locale locale) throws Exception {
        StringBuilder text = new StringBuilder();
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(documents.xlsx(plan, locale)))) {
            for (var row : wb.getSheetAt(0)) {
                for (var cell : row) {
                    text.append(cell.toString()).append('\n');
                }
            }
        }
        return text.toString();
    }

    @Test
    void thePlanPdfAndXlsxSayWhetherAPlanUsedNoUnverifiedValueOrItsListIsNotKnownInsteadOfShowingNothing() throws Exception {
        PlanDocuments documents = inBakungan();
        Locale indonesian = Locale.forLanguageTag("id");
        LocaleContextHolder.setLocale(indonesian);
        Map<String, Object> none = planWithUnverified(java.util.List.of(), "COSTED");
        Map<String, Object> changed = planWithUnverified(null, "REGULATION_CHANGED");
        Map<String, Object> before = planWithUnverified(null, "NOT_COSTED_AGAIN");

        assertThat(pdfText(documents, none, indonesian)).contains("Tidak ada nilai regulasi belum terverifikasi");
        assertThat(pdfText(documents, changed, indonesian)).contains("data regulasi telah berubah");
        assertThat(pdfText(documents, before, indonesian)).contains("disimpan sebelum nilai belum terverifikasi dicatat")
                .doesNotContain("data regulasi telah berubah");
        assertThat(xlsxText(documents, none, indonesian)).contains("Tidak ada nilai regulasi belum terverifikasi");
        assertThat(xlsxText(documents, changed, indonesian)).contains("data regulasi telah berubah");
        LocaleContextHolder.setLocale(Locale.ENGLISH);
        assertThat(xlsxText(documents, none, Locale.ENGLISH)).contains("This plan uses no unverified regulation value.");
        assertThat(pdfText(documents, before, Locale.ENGLISH)).contains("stored before unverified values were recorded");
    }
}
