package id.lindung.platform;

import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfStamper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The foot of every page of a finished PDF: the document's own words on the left (a bill's code, a case's title) and
 * its page number on the right ("Halaman 1 dari 3"), stamped once the number of pages is known. The documents keep
 * their words and margins; how a page is stamped is written once.
 */
public final class PdfPageNumbers {

    /** A page's number in the document's own words and language, e.g. "Halaman 1 dari 3". */
    @FunctionalInterface
    public interface Label {
        String of(int page, int pages);
    }

    private PdfPageNumbers() {
    }

    /**
     * The document with {@code left} and each page's {@code number} at its foot, {@code margin} points in from either side
     * and {@code baseline} points up from the bottom edge.
     */
    public static byte[] stamp(byte[] pdf, String left, Label number, float margin, float baseline) {
        try (PdfReader reader = new PdfReader(pdf); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            PdfStamper stamper = new PdfStamper(reader, out);
            Font font = FontFactory.getFont(FontFactory.HELVETICA, 7);
            int pages = reader.getNumberOfPages();
            for (int page = 1; page <= pages; page++) {
                float width = reader.getPageSize(page).getWidth();
                PdfContentByte over = stamper.getOverContent(page);
                ColumnText.showTextAligned(over, Element.ALIGN_LEFT, new Phrase(left, font), margin, baseline, 0);
                ColumnText.showTextAligned(over, Element.ALIGN_RIGHT, new Phrase(number.of(page, pages), font),
                        width - margin, baseline, 0);
            }
            stamper.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
