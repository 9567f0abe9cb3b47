package id.lindung.billing;

import com.lowagie.text.Document;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.lindung.platform.PdfPageNumbers;

/**
 * How a bill's PDF runs over its pages: where the lines break so that the totals and footnotes never stand on a page
 * of their own, and each page's number and code, stamped once the count of pages is known. Apart from
 * {@link BillDocuments}, which decides what the bill says, because these rules hold whatever the content.
 */
final class BillPdfPages {

    /** Space kept between the lines and what follows them, as the table's own spacing before it. */
    static final float GAP = 6;

    private static final float SLACK = 4;

    /** The lines the totals take to a new page with them when they do not fit below the table. */
    static final int LINES_KEPT_WITH_TOTALS = 3;

    private BillPdfPages() {}

    /**
     * The lines, then the totals, payment terms and footnotes ({@code end}). The table runs over as many pages as it
     * needs, its heads repeated; when {@code end} does not fit below its last line (37 lines and more on the first page,
     * review of 6 December 2026), the last {@link #LINES_KEPT_WITH_TOTALS} lines start a new page under the heads with
     * {@code end} after them, so the footnotes never stand on a page of their own, away from what they annotate.
     */
    static void addLinesThenEnd(Document doc, PdfWriter writer, PdfPTable table, PdfPTable end) {
        float pageHeight = doc.top() - doc.bottom();
        float heads = table.getRowHeight(0);
        float left = writer.getVerticalPosition(true) - doc.bottom() - GAP - heads;
        int rows = table.size();
        for (int row = 1; row < rows; row++) {
            float height = table.getRowHeight(row);
            if (height > left) {
                left = pageHeight - heads;
            }
            left -= height;
        }
        int kept = Math.min(LINES_KEPT_WITH_TOTALS, rows - 1);
        // a little room to spare: the rows' measured heights round, and a block that misses by a point goes over alone
        if (end.getTotalHeight() + GAP + SLACK <= left || kept <= 0) {
            doc.add(table);
        } else {
            PdfPTable before = new PdfPTable(table);
            PdfPTable after = new PdfPTable(table);
            for (int row = rows - 1; row >= rows - kept; row--) {
                before.deleteRow(row);
            }
            for (int row = rows - kept - 1; row >= 1; row--) {
                after.deleteRow(row);
            }
            doc.add(before);
            doc.newPage();
            doc.add(after);
        }
        end.setSpacingBefore(GAP);
        doc.add(end);
    }

    /** "Halaman 1 dari 2" at the foot of every page, with the code, once the number of pages is known. */
    static byte[] numberPages(byte[] pdf, BillDocuments.Text t, String code) {
        return PdfPageNumbers.stamp(pdf, t.get("billing.doc.code") + " " + code, (page, pages) -> t.get("billing.doc.page", page, pages),
                28, 18);
    }
}
