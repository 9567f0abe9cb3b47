package id.lindung.coverage.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Review of 2 December 2026: a coverage CSV cell never starts a formula, also after a leading tab or carriage return. */
class TableDownloadTests {

    @Test
    void aCsvCellStartingWithAFormulaCharacterTabOrCarriageReturnIsKeptAsText() {
        assertThat(TableDownload.quote("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(TableDownload.quote("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(TableDownload.quote("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(TableDownload.quote("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(TableDownload.quote("Desa Tompe")).isEqualTo("Desa Tompe");
    }

    @Test
    void aWorkersNameInTheDesaSadarCsvCannotRunAsAFormula() {
        var table = new DashboardTables.Table("desa-sadar", List.of("a", "b"), List.of(List.<Object>of("72.04.02.2007", "\t=cmd|' /C calc'!A0")));
        String csv = new String(TableDownload.csv(table, k -> k), StandardCharsets.UTF_8);
        assertThat(csv).contains(",'\t=cmd").doesNotContain(",\t=cmd");
    }
}
