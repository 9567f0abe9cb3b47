package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** User review of 3 December 2026: Excel with Indonesian settings opened every CSV download as one column. */
class CsvDialectTests {

    @Test
    void aFileToReadIsSemicolonSeparatedWhenItsHeaderHasSemicolonsAndNoComma() throws Exception {
        assertThat(separatorOf("region_code;year;potential_workers;source\n73.02.01;2023;4000;BPS, Sakernas\n")).isEqualTo(';');
        assertThat(separatorOf("\uFEFFpayer;reference;date;amount\r\nx;y;z;1\r\n")).isEqualTo(';');
        assertThat(separatorOf("payer,reference,date,amount\nx;1,y,z,1\n")).isEqualTo(',');
        assertThat(separatorOf("source,note;with semicolon\n")).as("a comma in the header decides").isEqualTo(',');
        assertThat(separatorOf("")).isEqualTo(',');
        // the stream is read again from its first byte
        var in = new java.io.BufferedInputStream(new java.io.ByteArrayInputStream("a;b\n1;2\n".getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        CsvDialect.separatorOf(in);
        assertThat(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("a;b\n1;2\n");
    }

    private static char separatorOf(String text) throws Exception {
        return CsvDialect.separatorOf(new java.io.BufferedInputStream(
                new java.io.ByteArrayInputStream(text.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void noDelimiterOrCommaIsTheCommaDialectAndSemicolonTheExcelOne() {
        assertThat(CsvDialect.of(null)).isEqualTo(CsvDialect.COMMA);
        assertThat(CsvDialect.of("")).isEqualTo(CsvDialect.COMMA);
        assertThat(CsvDialect.of("comma")).isEqualTo(CsvDialect.COMMA);
        assertThat(CsvDialect.of("semicolon")).isEqualTo(CsvDialect.SEMICOLON);
        assertThat(CsvDialect.of("SEMICOLON")).isEqualTo(CsvDialect.SEMICOLON);
    }

    @Test
    void anUnknownDelimiterIsRefusedWithItsCodeAndField() {
        for (String value : List.of("tab", ";", ",", "pipe")) {
            assertThatThrownBy(() -> CsvDialect.of(value)).isInstanceOfSatisfying(InvalidInputException.class, e -> {
                assertThat(e.kind()).isEqualTo(InvalidInputException.Kind.INVALID);
                assertThat(e.code()).isEqualTo("DELIMITER_INVALID");
                assertThat(e.problems()).singleElement().extracting(InputProblem::field).isEqualTo("delimiter");
            });
        }
    }

    @Test
    void theSemicolonDialectSeparatesBySemicolonsAndTheCommaDialectByCommas() {
        assertThat(CsvDialect.SEMICOLON.record(List.of("a", "b", "c"))).isEqualTo("a;b;c\r\n");
        assertThat(CsvDialect.COMMA.record(List.of("a", "b", "c"))).isEqualTo("a,b,c\r\n");
    }

    @Test
    void onlyFractionalNumbersGetADecimalCommaAndNoNumberGetsAThousandsSeparator() {
        assertThat(CsvDialect.SEMICOLON.cell(new BigDecimal("0.2473"))).isEqualTo("0,2473");
        assertThat(CsvDialect.SEMICOLON.cell(new BigDecimal("12.5"))).isEqualTo("12,5");
        assertThat(CsvDialect.SEMICOLON.cell(new BigDecimal("1030388"))).isEqualTo("1030388");
        assertThat(CsvDialect.SEMICOLON.cell(1_234_567L)).isEqualTo("1234567");
        assertThat(CsvDialect.SEMICOLON.cell(-5L)).isEqualTo("-5");
        assertThat(CsvDialect.SEMICOLON.cell(new BigDecimal("1E+3"))).isEqualTo("1000");
        assertThat(CsvDialect.COMMA.cell(new BigDecimal("0.2473"))).isEqualTo("0.2473");
        assertThat(CsvDialect.COMMA.cell(new BigDecimal("1030388"))).isEqualTo("1030388");
    }

    @Test
    void aTextHoldingTheSeparatorAQuoteOrALineBreakIsQuoted() {
        assertThat(CsvDialect.SEMICOLON.text("Desa A; Desa B")).isEqualTo("\"Desa A; Desa B\"");
        assertThat(CsvDialect.SEMICOLON.text("Tompe, Sirenja")).isEqualTo("Tompe, Sirenja");
        assertThat(CsvDialect.SEMICOLON.text("Jl. \"Merdeka\"")).isEqualTo("\"Jl. \"\"Merdeka\"\"\"");
        assertThat(CsvDialect.SEMICOLON.text("a\nb")).isEqualTo("\"a\nb\"");
        assertThat(CsvDialect.COMMA.text("Tompe, Sirenja")).isEqualTo("\"Tompe, Sirenja\"");
        assertThat(CsvDialect.COMMA.text("Desa A; Desa B")).isEqualTo("Desa A; Desa B");
    }

    @Test
    void aFormulaStaysTextInBothDialects() {
        for (CsvDialect dialect : CsvDialect.values()) {
            assertThat(dialect.text("=SUM(A1)")).isEqualTo("'=SUM(A1)");
            assertThat(dialect.cell("@x")).isEqualTo("'@x");
            assertThat(dialect.text("\t=1+1")).isEqualTo("'\t=1+1");
            assertThat(dialect.text("-1+1")).isEqualTo("'-1+1");
        }
        assertThat(CsvDialect.SEMICOLON.text("=1;2")).isEqualTo("\"'=1;2\"");
        // review of 2 December 2026 (coverage downloads): a quoted formula, and one after a carriage return
        assertThat(CsvDialect.COMMA.text("=HYPERLINK(\"http://x\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\")\"");
        assertThat(CsvDialect.COMMA.text("\r=1+1")).isEqualTo("\"'\r=1+1\"");
    }

    @Test
    void onlyTheSemicolonDialectStartsWithAByteOrderMark() throws Exception {
        StringWriter semicolon = new StringWriter();
        try (var csv = CsvDialect.SEMICOLON.writer(semicolon)) {
            csv.writeRecord("nama", "desa");
            csv.writeRecord("Ni Luh Putu Ayu", "Tompe; Sirenja");
        }
        assertThat(semicolon.toString()).isEqualTo("\uFEFFnama;desa\r\nNi Luh Putu Ayu;\"Tompe; Sirenja\"\r\n");
        StringWriter comma = new StringWriter();
        try (var csv = CsvDialect.COMMA.writer(comma)) {
            csv.writeRecord("nama", "desa");
        }
        assertThat(comma.toString()).isEqualTo("nama,desa\r\n");
    }
}
