package id.lindung.claim;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.FontFactory;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import id.lindung.shared.Rupiah;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.text.NumberFormat;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * The case file as PDF (OpenPDF): the case, its decisions, benefit components with their regulation references, heirs
 * and who receives, the document checklist with each file's SHA-256, the scholarship schedule, the JKK clock and the
 * history, in the reader's language. The case given is already masked for the reader.
 */
@Service
class ClaimFile {

    private final MessageSource messages;
    private final Clock clock;

    ClaimFile(MessageSource messages, Clock clock) {
        this.messages = messages;
        this.clock = clock;
    }

    byte[] pdf(ClaimCase c, Locale locale) {
        DateTimeFormatter date = DateTimeFormatter.ofPattern("d MMMM yyyy", locale);
        NumberFormat money = NumberFormat.getIntegerInstance(Locale.forLanguageTag("id"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream stream = out; Document doc = new Document(PageSize.A4, 36, 36, 32, 36)) {
            PdfWriter.getInstance(doc, stream);
            doc.open();
            Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
            Font h2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f);
            doc.add(new Paragraph(t(locale, "claim.file.title"), h1));
            doc.add(labelled(t(locale, "claim.file.number"), String.valueOf(c.id()), bold, normal));
            doc.add(labelled(t(locale, "claim.file.worker"), c.workerName() + " (" + c.nik() + "), " + c.region(), bold, normal));
            doc.add(labelled(t(locale, "claim.file.case"), t(locale, "claim.type." + c.type()), bold, normal));
            doc.add(labelled(t(locale, "claim.file.incidentDate"), c.incidentDate().format(date), bold, normal));
            doc.add(labelled(t(locale, "claim.file.status"), t(locale, "claim.status." + c.status()), bold, normal));
            doc.add(labelled(t(locale, "claim.file.eligible"), t(locale, c.eligible() ? "claim.file.yes" : "claim.file.no"), bold, normal));
            doc.add(labelled(t(locale, "claim.file.regulation"), c.regulationVersion(), bold, normal));

            section(doc, t(locale, "claim.file.decisions"), h2);
            table(doc, normal, new float[] {30, 10, 60}, c.decisions().stream()
                    .map(d -> List.of(d.code(), t(locale, d.passed() ? "claim.file.yes" : "claim.file.no"), d.message())).toList());

            section(doc, t(locale, "claim.file.components"), h2);
            table(doc, normal, new float[] {25, 20, 55}, c.components().stream().map(x -> List.of(x.code(), rp(money, x.amount()),
                    String.join("; ", x.legalBasis().stream().map(r -> r.citation()).toList()))).toList());
            doc.add(labelled(t(locale, "claim.file.total"), rp(money, c.total()), bold, bold));
            if (c.clock() != null) {
                doc.add(new Paragraph(c.clock().dueOn() == null ? t(locale, "claim.file.clockIncomplete")
                        : t(locale, "claim.file.clock", c.clock().dueOn().format(date), c.clock().fileCompleteOn().format(date),
                        c.clock().daysLate(), rp(money, c.clock().lateCompensation())), normal));
            }
            if (c.payment() != null) {
                doc.add(new Paragraph(t(locale, "claim.file.payment", c.payment().reference(), c.payment().date().format(date),
                        money.format(c.payment().amount().toBigDecimal())), normal));
            }

            if (!c.heirs().isEmpty()) {
                section(doc, t(locale, "claim.file.heirs"), h2);
                table(doc, normal, new float[] {30, 25, 25, 20}, c.heirs().stream().map(h -> List.of(h.name(), nn(h.nik()),
                        t(locale, "claim.heir." + h.relationship()), h.recipient() ? t(locale, "claim.file.recipient") : "")).toList());
            }

            section(doc, t(locale, "claim.file.documents"), h2);
            table(doc, normal, new float[] {30, 15, 55}, c.documents().stream().map(d -> List.of(
                    t(locale, "claim.document." + d.type()) + (d.schoolYear() == null ? "" : " " + d.child() + " " + d.schoolYear()),
                    t(locale, d.present() ? "claim.file.present" : "claim.file.missing"),
                    d.present() ? d.fileName() + " SHA-256 " + d.sha256() : "")).toList());

            if (!c.scholarships().isEmpty()) {
                section(doc, t(locale, "claim.file.scholarships"), h2);
                table(doc, normal, new float[] {30, 15, 20, 15, 20}, c.scholarships().stream().map(s -> List.of(nn(s.child()),
                        s.schoolYear(), t(locale, "claim.level." + s.level()), rp(money, s.amount()),
                        t(locale, "claim.scholarshipStatus." + s.status()))).toList());
            }

            section(doc, t(locale, "claim.file.history"), h2);
            DateTimeFormatter at = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", locale).withZone(clock.getZone());
            table(doc, normal, new float[] {25, 20, 20, 35}, c.history().stream().map(h -> List.of(at.format(h.at()),
                    t(locale, "claim.status." + h.status()), h.by(), nn(h.reason()))).toList());
            doc.add(new Paragraph(t(locale, "claim.file.printed", LocalDate.now(clock).format(date)), normal));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    private static String rp(NumberFormat money, Rupiah amount) {
        return "Rp " + money.format(amount.toBigDecimal());
    }

    private static String nn(String s) {
        return s == null ? "" : s;
    }

    private static void section(Document doc, String title, Font font) {
        Paragraph p = new Paragraph(title, font);
        p.setSpacingBefore(8);
        p.setSpacingAfter(3);
        doc.add(p);
    }

    private static void table(Document doc, Font font, float[] widths, List<List<String>> rows) {
        if (rows.isEmpty()) {
            return;
        }
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        for (List<String> row : rows) {
            for (String cell : row) {
                PdfPCell c = new PdfPCell(new Phrase(cell, font));
                c.setHorizontalAlignment(Element.ALIGN_LEFT);
                c.setPadding(2.5f);
                table.addCell(c);
            }
        }
        doc.add(table);
    }

    private static Paragraph labelled(String label, String value, Font labelFont, Font valueFont) {
        Paragraph p = new Paragraph();
        p.add(new Chunk(label + ": ", labelFont));
        p.add(new Chunk(value == null ? "" : value, valueFont));
        return p;
    }
}
