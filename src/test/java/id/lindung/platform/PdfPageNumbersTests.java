package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** The foot of every page of a finished PDF names the document and the page among all the pages. */
class PdfPageNumbersTests {

    @Test
    void everyPageIsNumberedAmongAllThePagesBesideTheDocumentsOwnWords() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Document doc = new Document(PageSize.A4)) {
            PdfWriter.getInstance(doc, out);
            doc.open();
            for (int page = 1; page <= 3; page++) {
                doc.add(new Paragraph("body " + page));
                doc.newPage();
            }
        }
        byte[] stamped = PdfPageNumbers.stamp(out.toByteArray(), "Kode ABC-123", (page, pages) -> "Halaman " + page + " dari " + pages,
                28, 18);
        try (PdfReader reader = new PdfReader(stamped)) {
            assertThat(reader.getNumberOfPages()).isEqualTo(3);
            PdfTextExtractor text = new PdfTextExtractor(reader);
            for (int page = 1; page <= 3; page++) {
                assertThat(text.getTextFromPage(page)).contains("body " + page, "Kode ABC-123", "Halaman " + page + " dari 3");
            }
        }
    }
}
