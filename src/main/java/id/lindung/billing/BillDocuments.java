package id.lindung.billing;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.lindung.regulation.DatedValue;
import id.lindung.shared.Rupiah;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A bill as a PDF (for the payer: one A4 page for an ordinary bill, with how and by when to pay, the fine rule, the
 * verification address and its QR code, the regulations cited once as footnotes, page numbers) and as XLSX (numbers
 * as numbers with formats). Texts come from the message bundles in the language asked for (Indonesian by default).
 */
@Component
public class BillDocuments {

    private static final Locale ID = Locale.forLanguageTag("id");
    private static final float QR_SIZE = 78;

    private final Bills bills;
    private final MonthRulesSource rules;
    private final BillVersions versions;
    private final MessageSource messages;
    private final Clock clock;
    private final id.lindung.platform.Citations regulationTexts;

    BillDocuments(Bills bills, MonthRulesSource rules, BillVersions versions, MessageSource messages, Clock clock,
                  id.lindung.platform.Citations regulationTexts) {
        this.regulationTexts = regulationTexts;
        this.bills = bills;
        this.rules = rules;
        this.versions = versions;
        this.messages = messages;
        this.clock = clock;
    }

    static String rupiah(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(ID));
        return "Rp " + f.format(amount);
    }

    static String rupiah(Rupiah amount) {
        return rupiah(amount.toBigDecimal());
    }

    /** A rate as people write it: the fraction 0.0024 as "0,24%" (Indonesian) or "0.24%" (English). */
    static String percent(BigDecimal fraction, Locale locale) {
        DecimalFormat f = new DecimalFormat("0.####", DecimalFormatSymbols.getInstance(locale));
        return f.format(fraction.movePointRight(2)) + "%";
    }

    /**
     * The bill as PDF. {@code verificationUrl} is the public page's address with this bill's code (printed and in
     * the QR code); the bill as given must already be shown to {@code actor} (masked where the role sees it so).
     */
    public byte[] pdf(BillSummary bill, AmountDue due, id.lindung.access.Actor actor, String verificationUrl,
                      Locale locale) {
        Text t = new Text(messages, locale);
        List<Bills.Line> lines = bills.lines(bill.id(), actor);
        Map<String, Rupiah> byProgram = bills.totalsByProgram(bill.id());
        MonthRules r = rules.forMonth(bill.month());
        BillCitations citations = new BillCitations(r, messages, regulationTexts, locale);
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        DateTimeFormatter month = DateTimeFormatter.ofPattern("MMMM yyyy", locale);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream stream = out; Document doc = new Document(PageSize.A4, 28, 28, 26, 34)) {
            PdfWriter writer = PdfWriter.getInstance(doc, stream);
            doc.open();
            Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12.5f);
            Font tiny = FontFactory.getFont(FontFactory.HELVETICA, 6.5f);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 7.5f);
            Font smallBold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f);

            // heading: who, which month, by when, the code; the QR code of the verification address at the right
            PdfPTable head = new PdfPTable(new float[] {80, 20});
            head.setWidthPercentage(100);
            PdfPCell left = new PdfPCell();
            left.setBorder(Rectangle.NO_BORDER);
            left.addElement(new Paragraph(t.get("billing.doc.title"), h1));
            left.addElement(labelled(t.get("billing.doc.payer"), bill.payerName() + " (" + bill.payer() + ")", bold, normal));
            left.addElement(labelled(t.get("billing.doc.month"), bill.month().format(month), bold, normal));
            left.addElement(labelled(t.get("billing.doc.due"), bill.dueDate().format(date), bold, normal));
            left.addElement(labelled(t.get("billing.doc.code"),
                    t.get("billing.doc.codeVersion", bill.verificationCode(), versions.currentVersion(bill.id())), bold, normal));
            Paragraph verify = new Paragraph(t.get("billing.doc.verifyAt", verificationUrl), small);
            verify.setSpacingBefore(2);
            left.addElement(verify);
            head.addCell(left);
            PdfPCell qr = new PdfPCell(VerificationQr.image(verificationUrl, QR_SIZE), false);
            qr.setBorder(Rectangle.NO_BORDER);
            qr.setHorizontalAlignment(Element.ALIGN_RIGHT);
            head.addCell(qr);
            doc.add(head);

            float width = doc.right() - doc.left();
            PdfPTable table = linesTable(lines, t, locale, small, smallBold, width);

            // below the lines: how to pay (left) beside the totals (right)
            PdfPTable below = new PdfPTable(new float[] {52, 48});
            below.setWidthPercentage(100);
            below.setSpacingBefore(6);
            PdfPCell howTo = new PdfPCell();
            howTo.setBorder(Rectangle.NO_BORDER);
            howTo.setPaddingRight(8);
            howTo.addElement(new Paragraph(t.get("billing.doc.howToPay"), bold));
            TreeSet<String> segments = new TreeSet<>(java.util.Comparator.reverseOrder());
            lines.forEach(l -> segments.add(l.segment()));
            for (Paragraph p : paymentTerms(bill, r, segments, citations, t, date, small, tiny)) {
                howTo.addElement(p);
            }
            below.addCell(howTo);

            PdfPTable totals = new PdfPTable(new float[] {67, 33});
            totals.setWidthPercentage(100);
            byProgram.forEach((program, amount) -> {
                Phrase label = new Phrase(t.get("billing.doc.sumOf", program), normal);
                String segment = lines.stream().filter(l -> l.program().equals(program)).map(Bills.Line::segment)
                        .findFirst().orElse("PU");
                superscript(label, citations.forProgram(program, segment), tiny);
                totals.addCell(cell(label, Element.ALIGN_LEFT));
                totals.addCell(cell(rupiah(amount), normal, Element.ALIGN_RIGHT));
            });
            totals.addCell(cell(t.get("billing.doc.total"), bold, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(bill.total()), bold, Element.ALIGN_RIGHT));
            totals.addCell(cell(t.get("billing.doc.paid"), normal, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(bill.paid()), normal, Element.ALIGN_RIGHT));
            // the earlier months' unpaid contributions, and every fine accrued so far: a month paid late but in full
            // still owes its fine (AmountDue), and the months it comes from are named under the totals
            totals.addCell(cell(t.get("billing.doc.arrears", due.monthsInArrears()), normal, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(due.arrears()), normal, Element.ALIGN_RIGHT));
            if (due.finesPaid().isGreaterThan(Rupiah.ZERO)) {
                // a fine payment pays fines only (FinePayments): the fines accrued, what was paid of them, what is owed
                totals.addCell(cell(t.get("billing.doc.finesAccrued"), normal, Element.ALIGN_LEFT));
                totals.addCell(cell(rupiah(due.finesAccrued()), normal, Element.ALIGN_RIGHT));
                totals.addCell(cell(t.get("billing.doc.finesPaid"), normal, Element.ALIGN_LEFT));
                totals.addCell(cell(rupiah(due.finesPaid()), normal, Element.ALIGN_RIGHT));
            }
            totals.addCell(cell(t.get(due.finesPaid().isGreaterThan(Rupiah.ZERO) ? "billing.doc.finesOwed" : "billing.doc.fines"),
                    normal, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(due.fines()), normal, Element.ALIGN_RIGHT));
            totals.addCell(cell(t.get("billing.doc.toPay"), bold, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(due.toPay()), bold, Element.ALIGN_RIGHT));
            PdfPCell totalsCell = new PdfPCell(totals);
            totalsCell.setBorder(Rectangle.NO_BORDER);
            below.addCell(totalsCell);
            // what follows the lines is one block, measured as it is printed, so the footnotes never leave the totals
            PdfPCell ending = new PdfPCell();
            ending.setBorder(Rectangle.NO_BORDER);
            ending.setPadding(0);
            ending.addElement(below);

            Paragraph owing = earlierMonths(bill, due, t, month, small);
            if (owing != null) {
                ending.addElement(owing);
            }
            Paragraph rule = new Paragraph(t.get("billing.doc.partialMonth", r.joinerLeaverRule()), tiny);
            rule.setSpacingBefore(4);
            ending.addElement(rule);
            // the regulations cited above, each once
            Paragraph notes = new Paragraph(t.get("billing.doc.references") + ": ", tiny);
            String separator = "";
            for (Map.Entry<Integer, String> note : citations.footnotes()) {
                notes.add(new Chunk(separator, tiny));
                notes.add(superscriptChunk(Integer.toString(note.getKey()), tiny));
                notes.add(new Chunk(" " + note.getValue(), tiny));
                separator = "; ";
            }
            ending.addElement(notes);
            ending.addElement(new Paragraph(t.get("billing.doc.footer", LocalDate.now(clock).format(date), r.regulationVersion()), tiny));
            PdfPTable end = new PdfPTable(1);
            end.setTotalWidth(width);
            end.setLockedWidth(true);
            end.addCell(ending);
            BillPdfPages.addLinesThenEnd(doc, writer, table, end);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return BillPdfPages.numberPages(out.toByteArray(), t, bill.verificationCode());
    }

    /** The bill's lines under their column heads, repeated on every page the table runs over. */
    private static PdfPTable linesTable(List<Bills.Line> lines, Text t, Locale locale, Font small, Font smallBold, float width) {
        PdfPTable table = new PdfPTable(new float[] {15, 21, 7, 11, 7.5f, 10, 12, 6.5f, 11});
        table.setTotalWidth(width);
        table.setLockedWidth(true);
        table.setSpacingBefore(BillPdfPages.GAP);
        table.setHeaderRows(1);
        for (String key : List.of("nik", "name", "program", "share", "segment", "kind", "base", "rate", "contribution")) {
            table.addCell(cell(t.get("billing.doc.col." + key), smallBold, Element.ALIGN_LEFT));
        }
        for (Bills.Line l : lines) {
            table.addCell(cell(l.nik(), small, Element.ALIGN_LEFT));
            table.addCell(cell(l.name(), small, Element.ALIGN_LEFT));
            table.addCell(cell(t.program(l), small, Element.ALIGN_LEFT));
            table.addCell(cell(t.get("billing.share." + l.share()), small, Element.ALIGN_LEFT));
            table.addCell(cell(l.segment(), small, Element.ALIGN_LEFT));
            table.addCell(cell(t.get("billing.kind." + l.kind()), small, Element.ALIGN_LEFT));
            table.addCell(cell(rupiah(l.base()), small, Element.ALIGN_RIGHT));
            table.addCell(cell(l.rate() == null ? t.get("billing.doc.flat") : percent(l.rate(), locale), small, Element.ALIGN_RIGHT));
            table.addCell(cell(rupiah(l.amount()), small, Element.ALIGN_RIGHT));
        }
        return table;
    }

    /**
     * The months behind the arrears and fines of the totals, one by one ("Agustus 2026: iuran lunas, denda Rp 3.445"), so
     * a treasurer sees where a fine comes from; null when nothing earlier is owed and the bill has no fine.
     */
    private static Paragraph earlierMonths(BillSummary bill, AmountDue due, Text t, DateTimeFormatter month, Font font) {
        List<String> parts = new java.util.ArrayList<>();
        for (BillSummary b : due.earlier()) {
            parts.add(owingOf(b, t, month));
        }
        BillSummary own = due.owing(bill);
        if (own.fine().isGreaterThan(Rupiah.ZERO)) {
            parts.add(owingOf(own, t, month));
        }
        if (parts.isEmpty()) {
            return null;
        }
        Paragraph p = new Paragraph(t.get("billing.doc.owingByMonth") + ": " + String.join("; ", parts), font);
        p.setSpacingBefore(4);
        return p;
    }

    private static String owingOf(BillSummary b, Text t, DateTimeFormatter month) {
        String contribution = b.outstanding().isGreaterThan(Rupiah.ZERO)
                ? t.get("billing.doc.owingContribution", rupiah(b.outstanding())) : t.get("billing.doc.owingNone");
        String fine = b.fine().isGreaterThan(Rupiah.ZERO) ? ", " + t.get("billing.doc.owingFine", rupiah(b.fine())) : "";
        return b.month().format(month) + ": " + contribution + fine;
    }

    /** Where and how to pay, the due date and the fine rule in words, from the month's regulation values. */
    private List<Paragraph> paymentTerms(BillSummary bill, MonthRules r, java.util.Collection<String> segments,
                                         BillCitations citations, Text t, DateTimeFormatter date, Font font, Font marks) {
        List<Paragraph> terms = new java.util.ArrayList<>();
        terms.add(new Paragraph(t.get("billing.doc.where", bill.payer()), font));
        Paragraph due = new Paragraph(t.get("billing.doc.dueOfBill", bill.dueDate().format(date)), font);
        for (String segment : segments) {
            String prefix = segment.toLowerCase(Locale.ROOT);
            DatedValue day = r.values().get(prefix + ".due.day");
            DatedValue after = r.values().get(prefix + ".due.monthsAfter");
            if (day == null || after == null) {
                continue;
            }
            int monthsAfter = after.whole();
            String dueMonth = monthsAfter <= 1 ? t.get("billing.doc.dueMonth." + monthsAfter)
                    : t.get("billing.doc.dueMonth.n", monthsAfter);
            due.add(new Chunk(" " + t.get("billing.doc.dueRule." + segment, day.whole(), dueMonth), font));
            superscript(due, citations.forDueDate(segment), marks);
        }
        DatedValue nonWorking = r.values().get("due.nonWorkingDay");
        if (nonWorking != null && "NEXT_WORKING_DAY".equals(nonWorking.text())) {
            due.add(new Chunk(" " + t.get("billing.doc.nextWorkingDay"), font));
        }
        terms.add(due);
        Paragraph fine = new Paragraph();
        fine.setFont(font);
        for (String segment : segments) {
            BigDecimal rate = r.fineRate(id.lindung.shared.Segment.valueOf(segment));
            String text = rate.signum() == 0 ? t.get("billing.doc.noFine." + segment)
                    : t.get("billing.doc.fine." + segment, percent(rate, t.locale()));
            fine.add(new Chunk((fine.isEmpty() ? "" : " ") + text, font));
            superscript(fine, citations.forFine(segment), marks);
        }
        terms.add(fine);
        return terms;
    }

    /** The bill as XLSX in the page's language: rates and amounts as numbers with formats, columns sized. */
    public byte[] xlsx(BillSummary bill, AmountDue due, id.lindung.access.Actor actor, Locale locale) {
        return BillSheet.write(bill, due, bills.lines(bill.id(), actor), new Text(messages, locale));
    }

    /** Text that a spreadsheet would run as a formula is neutralised. */
    static String safe(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static Paragraph labelled(String label, String value, Font labelFont, Font valueFont) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(label + ": ", labelFont));
        p.add(new Chunk(value == null ? "" : value, valueFont));
        return p;
    }

    private static void superscript(Phrase phrase, String markers, Font font) {
        if (!markers.isEmpty()) {
            phrase.add(superscriptChunk(markers, font));
        }
    }

    private static Chunk superscriptChunk(String text, Font font) {
        Chunk c = new Chunk(text, font);
        c.setTextRise(3);
        return c;
    }

    private static PdfPCell cell(String text, Font font, int align) {
        return cell(new Phrase(text == null ? "" : text, font), align);
    }

    private static PdfPCell cell(Phrase phrase, int align) {
        PdfPCell c = new PdfPCell(phrase);
        c.setHorizontalAlignment(align);
        c.setPaddingTop(1.5f);
        c.setPaddingBottom(2.5f);
        c.setPaddingLeft(2.5f);
        c.setPaddingRight(2.5f);
        return c;
    }

    /** The bundle texts of one document in one language. */
    record Text(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        /** The programme of a line; an instalment of the JP deferred by PP 49/2020 says so. */
        String program(Bills.Line l) {
            return l.deferredJp() ? get("billing.doc.deferredJp", l.program()) : l.program();
        }
    }
}
