package id.lindung.billing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormat;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A bill as a spreadsheet: the heading (payer, month, due date as a date, code), then one row per line with the
 * base, rate and amount as numbers (formats {@code #,##0} and {@code 0.00%}), shares and kinds in words, and the
 * columns sized for their content. Streaming, so a national payer's bill does not hold every row in memory.
 */
final class BillSheet {

    /** Column widths in characters: NIK, name, village, programme, share, segment, kind, base, rate, amount, version. */
    private static final int[] WIDTHS = {19, 30, 15, 9, 15, 8, 13, 14, 9, 14, 26};
    private static final String[] HEADS = {"nik", "name", "village", "program", "share", "segment", "kind", "base",
            "rate", "contribution", "regulationVersion"};

    private BillSheet() {}

    static byte[] write(BillSummary bill, AmountDue due, List<Bills.Line> lines, BillDocuments.Text t) {
        try (SXSSFWorkbook wb = new SXSSFWorkbook(500); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(t.get("billing.doc.sheet", bill.month().toString()));
            DataFormat formats = wb.createDataFormat();
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(formats.getFormat("#,##0"));
            CellStyle rate = wb.createCellStyle();
            rate.setDataFormat(formats.getFormat("0.00%"));
            CellStyle date = wb.createCellStyle();
            date.setDataFormat(formats.getFormat("d mmmm yyyy"));
            date.setAlignment(org.apache.poi.ss.usermodel.HorizontalAlignment.LEFT);
            Font boldFont = wb.createFont();
            boldFont.setBold(true);
            CellStyle bold = wb.createCellStyle();
            bold.setFont(boldFont);
            CellStyle boldMoney = wb.createCellStyle();
            boldMoney.cloneStyleFrom(money);
            boldMoney.setFont(boldFont);
            for (int i = 0; i < WIDTHS.length; i++) {
                sheet.setColumnWidth(i, WIDTHS[i] * 256);
            }

            int r = 0;
            label(sheet.createRow(r++), t.get("billing.doc.payer"), bold)
                    .createCell(1).setCellValue(BillDocuments.safe(bill.payerName() + " (" + bill.payer() + ")"));
            label(sheet.createRow(r++), t.get("billing.doc.month"), bold)
                    .createCell(1).setCellValue(bill.month().toString());
            Cell dueDate = label(sheet.createRow(r++), t.get("billing.doc.due"), bold).createCell(1);
            dueDate.setCellValue(bill.dueDate());
            dueDate.setCellStyle(date);
            label(sheet.createRow(r++), t.get("billing.doc.code"), bold).createCell(1).setCellValue(bill.verificationCode());
            r++;
            Row header = sheet.createRow(r++);
            for (int i = 0; i < HEADS.length; i++) {
                Cell c = header.createCell(i);
                c.setCellValue(t.get("billing.doc.col." + HEADS[i]));
                c.setCellStyle(bold);
            }
            sheet.createFreezePane(0, r);
            for (Bills.Line l : lines) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(BillDocuments.safe(l.nik()));
                row.createCell(1).setCellValue(BillDocuments.safe(l.name()));
                row.createCell(2).setCellValue(l.village());
                row.createCell(3).setCellValue(t.program(l));
                row.createCell(4).setCellValue(t.get("billing.share." + l.share()));
                row.createCell(5).setCellValue(l.segment());
                row.createCell(6).setCellValue(t.get("billing.kind." + l.kind()));
                number(row, 7, l.base().toBigDecimal(), money);
                if (l.rate() != null) {
                    number(row, 8, l.rate(), rate);
                } else {
                    row.createCell(8).setCellValue(t.get("billing.doc.flat"));
                }
                number(row, 9, l.amount().toBigDecimal(), money);
                row.createCell(10).setCellValue(l.regulationVersion());
            }
            r++;
            Row total = sheet.createRow(r);
            Cell totalLabel = total.createCell(8);
            totalLabel.setCellValue(t.get("billing.doc.sheetTotal"));
            totalLabel.setCellStyle(bold);
            number(total, 9, bill.total().toBigDecimal(), boldMoney);
            // what the payer owes with this bill, as the PDF's totals: paid, earlier arrears, every fine so far (a month
            // paid late but in full keeps its fine, AmountDue), the amount to pay; then the months they come from
            r = summary(sheet, r + 1, t.get("billing.doc.paid"), bill.paid().toBigDecimal(), money, null);
            r = summary(sheet, r, t.get("billing.doc.arrears", due.monthsInArrears()), due.arrears().toBigDecimal(), money, null);
            if (due.finesPaid().isGreaterThan(id.lindung.shared.Rupiah.ZERO)) {
                r = summary(sheet, r, t.get("billing.doc.finesAccrued"), due.finesAccrued().toBigDecimal(), money, null);
                r = summary(sheet, r, t.get("billing.doc.finesPaid"), due.finesPaid().toBigDecimal(), money, null);
            }
            r = summary(sheet, r, t.get(due.finesPaid().isGreaterThan(id.lindung.shared.Rupiah.ZERO) ? "billing.doc.finesOwed"
                    : "billing.doc.fines"), due.fines().toBigDecimal(), money, null);
            r = summary(sheet, r, t.get("billing.doc.toPay"), due.toPay().toBigDecimal(), boldMoney, bold);
            List<BillSummary> owing = new java.util.ArrayList<>(due.earlier());
            BillSummary own = due.owing(bill);
            if (own.fine().isGreaterThan(id.lindung.shared.Rupiah.ZERO)) {
                owing.add(own);
            }
            if (!owing.isEmpty()) {
                r++;
                Row head = sheet.createRow(r++);
                String[] heads = {t.get("billing.doc.month"), t.get("billing.doc.owingUnpaid"), t.get("billing.doc.fines")};
                for (int i = 0; i < heads.length; i++) {
                    Cell c = head.createCell(7 + i);
                    c.setCellValue(heads[i]);
                    c.setCellStyle(bold);
                }
                for (BillSummary b : owing) {
                    Row row = sheet.createRow(r++);
                    row.createCell(7).setCellValue(b.month().toString());
                    number(row, 8, b.outstanding().max(id.lindung.shared.Rupiah.ZERO).toBigDecimal(), money);
                    number(row, 9, b.fine().toBigDecimal(), money);
                }
            }
            wb.write(out);
            wb.dispose();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A labelled amount under the bill's total (label in the rate column, amount in the amount column); the next row. */
    private static int summary(Sheet sheet, int r, String label, BigDecimal amount, CellStyle money, CellStyle labelStyle) {
        Row row = sheet.createRow(r);
        Cell c = row.createCell(8);
        c.setCellValue(label);
        if (labelStyle != null) {
            c.setCellStyle(labelStyle);
        }
        number(row, 9, amount, money);
        return r + 1;
    }

    private static Row label(Row row, String text, CellStyle style) {
        Cell c = row.createCell(0);
        c.setCellValue(text);
        c.setCellStyle(style);
        return row;
    }

    private static void number(Row row, int column, BigDecimal value, CellStyle style) {
        Cell c = row.createCell(column);
        c.setCellValue(value.doubleValue());
        c.setCellStyle(style);
    }
}
