package id.lindung.billing;

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
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.springframework.stereotype.Component;

/** A bill as a PDF (in Indonesian, for the payer) and as XLSX. */
@Component
public class BillDocuments {

    private static final Locale ID = Locale.forLanguageTag("id");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", ID);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", ID);

    private final Bills bills;
    private final MonthRulesSource rules;
    private final Clock clock;

    BillDocuments(Bills bills, MonthRulesSource rules, Clock clock) {
        this.bills = bills;
        this.rules = rules;
        this.clock = clock;
    }

    static String rupiah(BigDecimal amount) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(ID));
        return "Rp " + f.format(amount);
    }

    static String rupiah(Rupiah amount) {
        return rupiah(amount.toBigDecimal());
    }

    public byte[] pdf(BillSummary bill, List<BillSummary> arrears, id.lindung.access.Actor actor) {
        List<Bills.Line> lines = bills.lines(bill.id(), actor);
        Map<String, Rupiah> byProgram = bills.totalsByProgram(bill.id());
        MonthRules r = rules.forMonth(bill.month());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream stream = out; Document doc = new Document(PageSize.A4.rotate(), 28, 28, 28, 28)) {
            PdfWriter.getInstance(doc, stream);
            doc.open();
            Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 15);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 8);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 9);
            Font bold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 9);
            doc.add(new Paragraph("TAGIHAN IURAN JAMINAN SOSIAL KETENAGAKERJAAN", h1));
            doc.add(new Paragraph("Pembayar: " + bill.payerName() + " (" + bill.payer() + ")", normal));
            doc.add(new Paragraph("Bulan iuran: " + bill.month().format(MONTH)
                    + "    Jatuh tempo: " + bill.dueDate().format(DATE)
                    + "    Kode verifikasi: " + bill.verificationCode(), normal));
            doc.add(new Paragraph("Aturan peserta masuk/keluar di tengah bulan: " + r.joinerLeaverRule(), small));
            doc.add(new Paragraph(" "));

            PdfPTable table = new PdfPTable(new float[] {14, 20, 8, 9, 6, 9, 12, 8, 12});
            table.setWidthPercentage(100);
            for (String h : List.of("NIK", "Nama", "Program", "Porsi", "Segmen", "Jenis", "Dasar", "Tarif", "Iuran")) {
                table.addCell(cell(h, bold, Element.ALIGN_LEFT));
            }
            for (Bills.Line l : lines) {
                table.addCell(cell(l.nik(), normal, Element.ALIGN_LEFT));
                table.addCell(cell(l.name(), normal, Element.ALIGN_LEFT));
                table.addCell(cell(l.programOnDocument(), normal, Element.ALIGN_LEFT));
                table.addCell(cell("EMPLOYER".equals(l.share()) ? "Pemberi kerja" : "Peserta", normal, Element.ALIGN_LEFT));
                table.addCell(cell(l.segment(), normal, Element.ALIGN_LEFT));
                table.addCell(cell(kind(l.kind()), normal, Element.ALIGN_LEFT));
                table.addCell(cell(rupiah(l.base()), normal, Element.ALIGN_RIGHT));
                table.addCell(cell(l.rate() == null ? "tetap" : l.rate().movePointRight(2).stripTrailingZeros().toPlainString() + "%",
                        normal, Element.ALIGN_RIGHT));
                table.addCell(cell(rupiah(l.amount()), normal, Element.ALIGN_RIGHT));
            }
            doc.add(table);
            doc.add(new Paragraph(" "));
            PdfPTable totals = new PdfPTable(new float[] {30, 20});
            totals.setWidthPercentage(45);
            totals.setHorizontalAlignment(Element.ALIGN_LEFT);
            byProgram.forEach((program, amount) -> {
                totals.addCell(cell("Jumlah " + program, normal, Element.ALIGN_LEFT));
                totals.addCell(cell(rupiah(amount), normal, Element.ALIGN_RIGHT));
            });
            totals.addCell(cell("TOTAL IURAN BULAN INI", bold, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(bill.total()), bold, Element.ALIGN_RIGHT));
            totals.addCell(cell("Sudah dibayar", normal, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(bill.paid()), normal, Element.ALIGN_RIGHT));
            Rupiah arrearsTotal = Rupiah.ZERO;
            Rupiah finesTotal = bill.fine();
            for (BillSummary a : arrears) {
                arrearsTotal = arrearsTotal.plus(a.outstanding());
                finesTotal = finesTotal.plus(a.fine());
            }
            totals.addCell(cell("Tunggakan bulan sebelumnya (" + arrears.size() + " bulan)", normal, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(arrearsTotal), normal, Element.ALIGN_RIGHT));
            totals.addCell(cell("Denda keterlambatan", normal, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(finesTotal), normal, Element.ALIGN_RIGHT));
            totals.addCell(cell("JUMLAH YANG HARUS DIBAYAR", bold, Element.ALIGN_LEFT));
            totals.addCell(cell(rupiah(bill.outstanding().plus(arrearsTotal).plus(finesTotal)), bold, Element.ALIGN_RIGHT));
            doc.add(totals);
            doc.add(new Paragraph(" "));
            doc.add(new Paragraph("Dasar perhitungan: " + r.regulationVersion(), small));
            for (String ref : r.references()) {
                doc.add(new Paragraph("- " + ref, small));
            }
            doc.add(new Paragraph("Dokumen ini dibuat oleh Lindung pada " + LocalDate.now(clock).format(DATE)
                    + ". Keaslian dapat diperiksa dengan kode verifikasi " + bill.verificationCode() + ".", small));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    public byte[] xlsx(BillSummary bill, id.lindung.access.Actor actor) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet("Tagihan " + bill.month());
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            int r = 0;
            row(sheet, r++, "Pembayar", bill.payerName() + " (" + bill.payer() + ")");
            row(sheet, r++, "Bulan iuran", bill.month().toString());
            row(sheet, r++, "Jatuh tempo", bill.dueDate().toString());
            row(sheet, r++, "Kode verifikasi", bill.verificationCode());
            r++;
            Row header = sheet.createRow(r++);
            String[] heads = {"NIK", "Nama", "Desa", "Program", "Porsi", "Segmen", "Jenis", "Dasar", "Tarif", "Iuran", "Versi regulasi"};
            for (int i = 0; i < heads.length; i++) {
                header.createCell(i).setCellValue(heads[i]);
            }
            for (Bills.Line l : bills.lines(bill.id(), actor)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(safe(l.nik()));
                row.createCell(1).setCellValue(safe(l.name()));
                row.createCell(2).setCellValue(l.village());
                row.createCell(3).setCellValue(l.programOnDocument());
                row.createCell(4).setCellValue(l.share());
                row.createCell(5).setCellValue(l.segment());
                row.createCell(6).setCellValue(l.kind());
                Cell base = row.createCell(7);
                base.setCellValue(l.base().toBigDecimal().doubleValue());
                base.setCellStyle(money);
                if (l.rate() != null) {
                    row.createCell(8).setCellValue(l.rate().toPlainString());
                }
                Cell amount = row.createCell(9);
                amount.setCellValue(l.amount().toBigDecimal().doubleValue());
                amount.setCellStyle(money);
                row.createCell(10).setCellValue(l.regulationVersion());
            }
            r++;
            Row total = sheet.createRow(r);
            total.createCell(8).setCellValue("Total");
            Cell t = total.createCell(9);
            t.setCellValue(bill.total().toBigDecimal().doubleValue());
            t.setCellStyle(money);
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Text that a spreadsheet would run as a formula is neutralised. */
    static String safe(String text) {
        if (text != null && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return text;
    }

    private static void row(Sheet sheet, int index, String label, String value) {
        Row row = sheet.createRow(index);
        row.createCell(0).setCellValue(label);
        row.createCell(1).setCellValue(safe(value));
    }

    private static String kind(String kind) {
        return switch (kind) {
            case "REVERSAL" -> "Pembatalan";
            case "ADJUSTMENT" -> "Penyesuaian";
            default -> "Tagihan";
        };
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(3);
        return c;
    }
}
