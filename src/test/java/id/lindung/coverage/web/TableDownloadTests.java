package id.lindung.coverage.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.platform.CsvDialect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Review of 2 December 2026: a coverage CSV cell never starts a formula, also after a leading tab or carriage return. */
class TableDownloadTests {

    @Test
    void aWorkersNameInTheDesaSadarCsvCannotRunAsAFormula() {
        var table = new DashboardTables.Table("desa-sadar", List.of("a", "b"), List.of(List.<Object>of("72.04.02.2007", "\t=cmd|' /C calc'!A0")));
        String csv = new String(TableDownload.csv(table, k -> k, CsvDialect.COMMA), StandardCharsets.UTF_8);
        assertThat(csv).contains(",'\t=cmd").doesNotContain(",\t=cmd");
    }

    @Test
    void inTheSemicolonDialectAFormulaInANameIsStillKeptAsText() {
        var table = new DashboardTables.Table("desa-sadar", List.of("a", "b"), List.of(List.<Object>of("72.04.02.2007", "=1+1;x")));
        String csv = new String(TableDownload.csv(table, k -> k, CsvDialect.SEMICOLON), StandardCharsets.UTF_8);
        assertThat(csv).isEqualTo("\uFEFFa;b\r\n72.04.02.2007;\"'=1+1;x\"\r\n");
    }
}
