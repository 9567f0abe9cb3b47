package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.platform.InputProblem;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LocalRegulationFileTests {

    static byte[] pdf() {
        return "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void aPdfIsJudgedByItsBytesNotItsName() {
        assertThat(new LocalRegulationFile("perbup.pdf", pdf()).problem()).isEmpty();
        assertThat(new LocalRegulationFile("perbup.txt", pdf()).problem()).isEmpty();
        assertThat(new LocalRegulationFile("perbup.pdf", "<html>not a pdf</html>".getBytes(StandardCharsets.UTF_8)).problem())
                .map(InputProblem::code).contains("FILE_NOT_PDF");
    }

    @Test
    void aFileMustStartWithThePdfHeaderNotMerelyHoldItInItsFirstBytes() {
        byte[] html = "<html><!-- %PDF-1.4 --></html>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(new LocalRegulationFile("perbup.pdf", html).problem()).map(InputProblem::code).contains("FILE_NOT_PDF");
        byte[] leading = ("\n" + new String(pdf(), StandardCharsets.US_ASCII)).getBytes(StandardCharsets.US_ASCII);
        assertThat(new LocalRegulationFile("perbup.pdf", leading).problem()).map(InputProblem::code).contains("FILE_NOT_PDF");
    }

    @Test
    void theNameIsKeptEndingInPdfAndAnOverrideCharacterIsRefused() {
        assertThat(new LocalRegulationFile("..\\..\\evil.html", pdf()).storedName()).isEqualTo("evil.html.pdf");
        assertThat(new LocalRegulationFile("Perbup.PDF", pdf()).storedName()).isEqualTo("Perbup.PDF");
        assertThat(new LocalRegulationFile("x".repeat(300) + ".html", pdf()).storedName()).hasSize(200).endsWith(".html.pdf");
        assertThat(new LocalRegulationFile("perbup\u202Efdp.exe", pdf()).problem()).map(InputProblem::code)
                .contains("FILE_NAME_INVALID");
        assertThat(LocalRegulationFile.servedName("perbup\u202Efdp.exe")).isEqualTo("dokumen.pdf");
        assertThat(LocalRegulationFile.servedName("evil.html")).isEqualTo("evil.html.pdf");
    }

    @Test
    void aPdfCutShortBeforeItsTrailerIsRefused() {
        byte[] whole = pdf();
        byte[] truncated = java.util.Arrays.copyOf(whole, whole.length - 8);
        assertThat(new LocalRegulationFile("cut.pdf", truncated).problem()).map(InputProblem::code).contains("FILE_NOT_PDF");
    }

    @Test
    void anEmptyOrOversizedFileIsRefusedWithItsOwnCode() {
        assertThat(new LocalRegulationFile("x.pdf", new byte[0]).problem()).map(InputProblem::code).contains("FILE_EMPTY");
        byte[] big = new byte[LocalRegulationFile.MAX_BYTES + 1];
        System.arraycopy(pdf(), 0, big, 0, 8);
        assertThat(new LocalRegulationFile("x.pdf", big).problem()).map(InputProblem::code).contains("FILE_TOO_LARGE");
    }

    @Test
    void theHashIsTheSha256OfTheBytes() {
        assertThat(new LocalRegulationFile("x.pdf", "abc".getBytes(StandardCharsets.US_ASCII)).sha256())
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    @Test
    void theStoredNameIsTheLastPathSegmentWithoutQuotes() {
        assertThat(new LocalRegulationFile("C:\\scan\\Perbup \"4\".pdf", pdf()).storedName()).isEqualTo("Perbup 4.pdf");
        assertThat(new LocalRegulationFile(null, pdf()).storedName()).isEqualTo("dokumen.pdf");
    }
}
