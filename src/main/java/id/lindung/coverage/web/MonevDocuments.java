package id.lindung.coverage.web;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfTemplate;
import com.lowagie.text.pdf.PdfWriter;
import id.lindung.coverage.DesaSadarVillages;
import id.lindung.coverage.LocalRegulation;
import id.lindung.coverage.MonevReport;
import id.lindung.platform.Formats;
import id.lindung.platform.TableDownload;
import id.lindung.shared.Rupiah;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The monitoring report as PDF (OpenPDF: the region and period in every page's header, page numbers, tables and the
 * server-drawn chart) and as XLSX (one sheet per section, numbers as numbers). Both take their figures from one
 * {@link MonevReport} and their words from the message bundles through {@code label}.
 */
final class MonevDocuments {

    private MonevDocuments() {}

    /** A section as a table of typed cells, shared by the PDF and the XLSX. */
    static List<TableDownload.Table> sections(MonevReport r, Function<String, String> label) {
        List<TableDownload.Table> tables = new ArrayList<>();
        List<List<Object>> coverage = new ArrayList<>();
        for (MonevReport.Row row : withTotal(r)) {
            coverage.add(cells(row.code(), row.name(), row.potential(), row.registered(), row.protectedWorkers(), percent(row.ratio()),
                    row.previousProtected(), percent(row.previousRatio()), row.change()));
        }
        tables.add(new TableDownload.Table(label.apply("monev.sheet.coverage"), List.of("dashboard.col.code", "dashboard.col.name",
                "dashboard.col.potential", "dashboard.col.registered", "dashboard.col.protected", "monev.col.ratioPercent",
                "monev.col.previousProtected", "monev.col.previousRatio", "monev.col.change"), coverage));
        List<List<Object>> apparatus = new ArrayList<>();
        for (MonevReport.Row row : withTotal(r)) {
            apparatus.add(cells(row.code(), row.name(), row.apparatusRegistered(), row.apparatusProtected(), row.bpdRegistered(),
                    row.bpdProtected(), row.rtRwRegistered(), row.rtRwProtected()));
        }
        tables.add(new TableDownload.Table(label.apply("monev.sheet.apparatus"), List.of("dashboard.col.code", "dashboard.col.name",
                "dashboard.col.apparatusRegistered", "dashboard.col.apparatusProtected", "monev.col.bpdRegistered",
                "monev.col.bpdProtected", "monev.col.rtRwRegistered", "monev.col.rtRwProtected"), apparatus));
        List<List<Object>> money = new ArrayList<>();
        List<MonevReport.Contribution> contributions = new ArrayList<>(r.contributions());
        contributions.add(r.contributionTotal());
        for (MonevReport.Contribution c : contributions) {
            money.add(cells(c.code(), c.name(), amount(c.apbdBilled()), amount(c.apbdPaid()), amount(c.apbdesBilled()),
                    amount(c.apbdesPaid())));
        }
        tables.add(new TableDownload.Table(label.apply("monev.sheet.contributions"), List.of("dashboard.col.code",
                "dashboard.col.name", "monev.col.apbdBilled", "monev.col.apbdPaid", "monev.col.apbdesBilled", "monev.col.apbdesPaid"), money));
        List<List<Object>> sadar = new ArrayList<>();
        for (MonevReport.Row row : withTotal(r)) {
            sadar.add(cells(row.code(), row.name(), row.desaSadar(), row.desa()));
        }
        for (DesaSadarVillages.Village v : r.desaSadar()) {
            sadar.add(cells(v.code(), v.name(), "SADAR", null));
        }
        tables.add(new TableDownload.Table(label.apply("monev.sheet.desaSadar"), List.of("dashboard.col.code", "dashboard.col.name",
                "dashboard.col.desaSadar", "dashboard.col.desa"), sadar));
        MonevReport.Claims claims = r.claims();
        tables.add(new TableDownload.Table(label.apply("monev.sheet.claims"), List.of("monev.col.claims", "monev.col.benefitsPaid",
                "monev.col.contributionsPaid", "monev.col.lossRatioPercent", "monev.col.source"),
                List.of(cells(claims.claims(), amount(claims.benefitsPaid()), amount(claims.contributionsPaid()),
                        percent(claims.lossRatio()), label.apply("monev.source." + claims.benefitsSource())))));
        List<List<Object>> regs = new ArrayList<>();
        for (LocalRegulation l : r.regulations()) {
            regs.add(cells(label.apply("localRegulation.kind." + l.kind().name()), l.number(), l.title(), l.regionCode(),
                    l.signedOn(), l.inForceFrom(), l.inForceUntil(),
                    l.file() == null ? "" : l.file().sha256()));
        }
        tables.add(new TableDownload.Table(label.apply("monev.sheet.regulations"), List.of("localRegulation.kind",
                "localRegulation.number", "localRegulation.titleField", "localRegulation.region", "localRegulation.signedOnField",
                "localRegulation.inForceFrom", "localRegulation.inForceUntil", "monev.col.sha256"), regs));
        return tables;
    }

    static byte[] xlsx(MonevReport r, Function<String, String> label) {
        return TableDownload.xlsx(sections(r, label), label);
    }

    static byte[] pdf(MonevReport r, Function<String, String> label, Formats fmt) {
        List<TableDownload.Table> sections = sections(r, label);
        String header = label.apply("monev.title") + " · " + r.name() + " (" + r.region() + ") · "
                + label.apply("monev.semester") + " " + r.semester() + " · " + fmt.date(r.from()) + " – " + fmt.date(r.asOf());
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Document document = new Document(PageSize.A4.rotate(), 30, 30, 50, 40);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
            writer.setPageEvent(new PageHeaderAndNumber(header, label.apply("monev.pageOf"), small));
            document.open();
            Font title = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 14);
            Font heading = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 11);
            document.add(new Paragraph(label.apply("monev.title") + ": " + r.name() + " (" + r.region() + ")", title));
            document.add(new Paragraph(label.apply("monev.semester") + " " + r.semester() + " (" + fmt.date(r.from()) + " – "
                    + fmt.date(r.asOf()) + "); " + label.apply("monev.previous") + " " + fmt.date(r.previousAsOf()), small));
            document.add(new Paragraph(label.apply("monev.definitions"), small));
            MonevReport.Row t = r.total();
            document.add(new Paragraph(label.apply("dashboard.registered") + ": " + fmt.count(t.registered()) + " · "
                    + label.apply("dashboard.protected") + ": " + fmt.count(t.protectedWorkers()) + " · "
                    + label.apply("dashboard.col.potential") + ": " + (t.potential() == null ? "-" : fmt.count(t.potential())) + " · "
                    + label.apply("dashboard.col.ratio") + ": " + (t.ratio() == null ? "-" : fmt.ratio(t.ratio())),
                    heading));
            Image chart = Image.getInstance(MonevChart.WIDTH, MonevChart.HEIGHT, 3, 8, MonevChart.rgb(r.children(),
                    label.apply("monev.chart"), label.apply("monev.previous") + " " + fmt.date(r.previousAsOf()), fmt.date(r.asOf()),
                    fmt::decimal));
            chart.scaleToFit(700, 300);
            chart.setAlignment(Element.ALIGN_CENTER);
            document.add(chart);
            if (!r.children().isEmpty() && r.children().size() <= MonevChart.MAX_LABELLED) {
                document.add(chartLegend(r.children(), small));
            }
            for (TableDownload.Table table : sections) {
                Paragraph h = new Paragraph(table.name(), heading);
                h.setSpacingBefore(10);
                h.setSpacingAfter(4);
                document.add(h);
                if (table.name().equals(label.apply("monev.sheet.claims")) && "NOT_CONNECTED".equals(r.claims().benefitsSource())) {
                    document.add(new Paragraph(label.apply("monev.source.NOT_CONNECTED"), small));
                }
                if (table.name().equals(label.apply("monev.sheet.desaSadar")) && !r.desaSadar().isEmpty()) {
                    // the regions' rows as a table; the villages (thousands in a province) as a list, see villageList
                    List<List<Object>> regions = table.rows().subList(0, table.rows().size() - r.desaSadar().size());
                    document.add(table(new TableDownload.Table(table.name(), table.columns(), regions), label, fmt));
                    Paragraph list = new Paragraph(label.apply("monev.desaSadarList") + ": " + fmt.count((long) r.desaSadar().size()), small);
                    list.setSpacingBefore(6);
                    document.add(list);
                    villageList(document, writer, r.desaSadar(), small);
                } else {
                    document.add(table(table, label, fmt));
                }
            }
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The names behind the chart's numbers, directly under it: "1  Loa Kulu (64.02.03)", in rows of five. */
    private static PdfPTable chartLegend(List<MonevReport.Row> rows, Font font) {
        int columns = 5;
        PdfPTable legend = new PdfPTable(columns);
        legend.setWidthPercentage(100);
        legend.getDefaultCell().setBorder(PdfPCell.NO_BORDER);
        legend.getDefaultCell().setPadding(1);
        for (int i = 0; i < rows.size(); i++) {
            MonevReport.Row row = rows.get(i);
            legend.addCell(new Phrase((i + 1) + "  " + row.name() + " (" + row.code() + ")", font));
        }
        for (int i = rows.size() % columns; i > 0 && i < columns; i++) {
            legend.addCell("");
        }
        return legend;
    }

    /**
     * The report's header on every page and "Halaman n dari N" under it: the total is not known until the document is
     * closed, so each page takes a template that is filled then ({@code pageOf} is the message with {0} for the page
     * and {1} for the total, as the bundle holds it).
     */
    static final class PageHeaderAndNumber extends PdfPageEventHelper {

        private final String header;
        private final String pageOf;
        private final Font font;
        private final BaseFont base;
        private PdfTemplate total;

        PageHeaderAndNumber(String header, String pageOf, Font font) {
            this.header = header;
            this.pageOf = pageOf.contains("{1}") ? pageOf : pageOf + " {0} / {1}";
            this.font = font;
            this.base = font.getCalculatedBaseFont(false);
        }

        @Override
        public void onOpenDocument(PdfWriter w, Document d) {
            total = w.getDirectContent().createTemplate(base.getWidthPoint("00000", font.getSize()), font.getSize() + 2);
        }

        @Override
        public void onEndPage(PdfWriter w, Document d) {
            PdfContentByte page = w.getDirectContent();
            ColumnText.showTextAligned(page, Element.ALIGN_LEFT, new Phrase(header, font), d.left(), d.top() + 20, 0);
            int at = pageOf.indexOf("{1}");
            String before = pageOf.substring(0, at).replace("{0}", Integer.toString(w.getPageNumber()));
            String after = pageOf.substring(at + 3).replace("{0}", Integer.toString(w.getPageNumber()));
            float size = font.getSize();
            float y = d.bottom() - 20;
            // right-aligned as wide as a total of four digits would make it
            float x = d.right() - base.getWidthPoint(before + "0000" + after, size);
            page.beginText();
            page.setFontAndSize(base, size);
            page.showTextAligned(Element.ALIGN_LEFT, before, x, y, 0);
            page.endText();
            float totalX = x + base.getWidthPoint(before, size);
            page.addTemplate(total, totalX, y - 2);
            if (!after.isEmpty()) {
                page.beginText();
                page.setFontAndSize(base, size);
                page.showTextAligned(Element.ALIGN_LEFT, after, totalX + base.getWidthPoint("0000", size), y, 0);
                page.endText();
            }
        }

        @Override
        public void onCloseDocument(PdfWriter w, Document d) {
            total.beginText();
            total.setFontAndSize(base, font.getSize());
            total.showTextAligned(Element.ALIGN_LEFT, Integer.toString(w.getPageNumber() - 1), 0, 2, 0);
            total.endText();
        }
    }

    /**
     * The Desa Sadar villages as lines of text ("code name") in four columns per page, from below the current content,
     * then a new page for what follows. Written straight onto the page: as table cells (each laid out once to measure
     * its row and once to draw it) a province's 6,500 villages took most of the PDF's time (docs/benchmarks.md). A
     * name too long for its column is cut with an ellipsis.
     */
    private static void villageList(Document document, PdfWriter writer, List<DesaSadarVillages.Village> villages, Font font) {
        BaseFont base = font.getCalculatedBaseFont(false);
        float size = font.getSize();
        float leading = size + 2.5f;
        int columns = 4;
        float width = (document.right() - document.left()) / columns;
        float top = writer.getVerticalPosition(true) - leading;
        float y = top;
        int column = 0;
        PdfContentByte page = writer.getDirectContent();
        page.beginText();
        page.setFontAndSize(base, size);
        for (DesaSadarVillages.Village v : villages) {
            if (y < document.bottom()) {
                y = top;
                if (++column == columns) {
                    page.endText();
                    document.newPage();
                    top = document.top() - leading;
                    y = top;
                    column = 0;
                    page = writer.getDirectContent();
                    page.beginText();
                    page.setFontAndSize(base, size);
                }
            }
            page.showTextAligned(Element.ALIGN_LEFT, fit(v.code() + "  " + v.name(), base, size, width - 8),
                    document.left() + column * width, y, 0);
            y -= leading;
        }
        page.endText();
        document.newPage();
    }

    private static String fit(String text, BaseFont font, float size, float width) {
        if (font.getWidthPoint(text, size) <= width) {
            return text;
        }
        String cut = text;
        while (cut.length() > 1 && font.getWidthPoint(cut + "…", size) > width) {
            cut = cut.substring(0, cut.length() - 1);
        }
        return cut + "…";
    }

    private static PdfPTable table(TableDownload.Table t, Function<String, String> label, Formats fmt) {
        Font head = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7);
        Font body = FontFactory.getFont(FontFactory.HELVETICA, 7);
        PdfPTable table = new PdfPTable(t.columns().size());
        table.setWidthPercentage(100);
        table.setHeaderRows(1);
        for (String c : t.columns()) {
            PdfPCell cell = new PdfPCell(new Phrase(label.apply(c), head));
            cell.setBackgroundColor(new java.awt.Color(0xe6, 0xef, 0xe9));
            table.addCell(cell);
        }
        if (t.rows().isEmpty()) {
            PdfPCell none = new PdfPCell(new Phrase(label.apply("monev.none"), body));
            none.setColspan(t.columns().size());
            table.addCell(none);
        }
        for (List<Object> row : t.rows()) {
            for (Object v : row) {
                PdfPCell cell = new PdfPCell(new Phrase(text(v, fmt), body));
                if (v instanceof BigDecimal || v instanceof Long) {
                    cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                }
                table.addCell(cell);
            }
        }
        return table;
    }

    /**
     * A cell as the PDF prints it, in the report's language: counts grouped, percentages and percentage points (the
     * report's only decimals) always with two decimals ("0,90", never "0,9" beside "0,92"), nothing for none.
     */
    static String text(Object v, Formats fmt) {
        if (v == null) {
            return "-";
        }
        if (v instanceof Long l) {
            return fmt.count(l);
        }
        if (v instanceof BigDecimal b) {
            return b.stripTrailingZeros().scale() <= 0 && b.scale() != 2 ? fmt.count(b) : fmt.fixed(b, 2);
        }
        if (v instanceof java.time.LocalDate d) {
            // "1 Mar 2025", as the report's header writes its dates (the regulations' were ISO: review of 6 December 2026)
            return fmt.date(d);
        }
        return v.toString();
    }

    private static List<MonevReport.Row> withTotal(MonevReport r) {
        List<MonevReport.Row> rows = new ArrayList<>(r.children());
        rows.add(r.total());
        return rows;
    }

    private static BigDecimal percent(BigDecimal ratio) {
        return ratio == null ? null : ratio.movePointRight(2).setScale(2, java.math.RoundingMode.HALF_UP);
    }

    /** Whole rupiah as a whole number (no ",00" in the PDF), an amount with sen as it is. */
    private static BigDecimal amount(Rupiah r) {
        BigDecimal b = r.toBigDecimal();
        return b.stripTrailingZeros().scale() <= 0 ? b.setScale(0) : b;
    }

    private static List<Object> cells(Object... values) {
        List<Object> row = new ArrayList<>(values.length);
        for (Object v : values) {
            row.add(v instanceof Integer i ? Long.valueOf(i) : v);
        }
        return row;
    }
}
