package id.lindung.coverage.web;

import id.lindung.coverage.MonevReport;
import id.lindung.platform.Formats;
import java.time.Clock;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The monitoring report's rendering alone (no database): a province-sized report (23 regencies, {@code
 * -Dlindung.bench.sadar} Desa Sadar villages, default 6,500, Aceh's desa count) rendered as PDF and XLSX a few times.
 * Prints the times; asserts nothing about time.
 * Run: {@code ./mvnw -B -o test -Dgroups=benchmark -Dsurefire.excludedGroups= -Dtest=MonevDocumentsBenchmark}
 */
@Tag("benchmark")
class MonevDocumentsBenchmark {

    @Test
    void rendersAProvinceReport() {
        int villages = Integer.getInteger("lindung.bench.sadar", 6_500);
        MonevReport report = MonevDocumentsTests.provinceReport(villages);
        Formats fmt = new Formats(Clock.systemDefaultZone());
        for (int run = 0; run < 3; run++) {
            long t = System.nanoTime();
            byte[] pdf = MonevDocuments.pdf(report, k -> k, fmt);
            double pdfMs = (System.nanoTime() - t) / 1e6;
            t = System.nanoTime();
            byte[] xlsx = MonevDocuments.xlsx(report, k -> k);
            double xlsxMs = (System.nanoTime() - t) / 1e6;
            System.out.printf("BENCH monev rendering, %,d Desa Sadar villages: pdf %.0f ms (%,d bytes), xlsx %.0f ms (%,d bytes)%n",
                    villages, pdfMs, pdf.length, xlsxMs, xlsx.length);
        }
    }
}
