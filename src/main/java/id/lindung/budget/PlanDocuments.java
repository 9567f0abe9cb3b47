package id.lindung.budget;

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
import id.lindung.platform.Formats;
import id.lindung.regulation.Unit;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A plan as PDF (OpenPDF) and XLSX (POI): heading, the months by programme and share, the budget lines, what was
 * projected, the unverified regulation values it used and every assumption. Months that use a projected value carry a
 * mark (*), months computed with an unverified value another (†), each explained under the table.
 */
@Component
public class PlanDocuments {

    private static final List<String> PROGRAMS = List.of("JKK", "JKM", "JHT", "JP");
    private static final Locale ID = Locale.forLanguageTag("id");
    private final MessageSource messages;
    private final id.lindung.regulation.RegulationCatalog catalog;
    private final RegionLabels regions;
    private final Formats fmt;

    PlanDocuments(MessageSource messages, id.lindung.regulation.RegulationCatalog catalog, RegionLabels regions, Formats fmt) {
        this.messages = messages;
        this.fmt = fmt;
        this.catalog = catalog;
        this.regions = regions;
    }

    /**
     * The projected parameters by what they are in the page's language (the regulation data's description), not by
     * their internal ids ("pu.jp.wageCap"), which mean nothing to a village treasurer; templates call it as
     * {@code @planDocuments.parameterNames(ids, #locale)}.
     */
    public String parameterNames(List<String> ids, Locale locale) {
        return String.join("; ", ids.stream().map(id -> parameterName(id, locale)).toList());
    }

    String parameterName(String id, Locale locale) {
        return catalog.has(id) ? catalog.parameter(id).description(locale) : id;
    }

    /**
     * The plan's unverified regulation values, one sentence each in the page's language: what the value is, its id, the
     * value, since when, which programmes and months it entered. Empty for none; null for a plan stored before plans
     * listed them (it was costed without the list). The page, the PDF and the XLSX all write these sentences.
     */
    @SuppressWarnings("unchecked")
    public List<String> unverifiedLines(Map<String, Object> plan, Locale locale) {
        Object list = plan.get("unverified");
        if (!(list instanceof List<?>)) {
            return null;
        }
        return ((List<Map<String, Object>>) list).stream().map(u -> {
            String parameter = (String) u.get("parameter");
            List<String> months = (List<String>) u.get("months");
            String value = u.get("value") == null ? "–" : String.valueOf(u.get("value"));
            return t("budget.unverified.item", locale, parameterName(parameter, locale), parameter, shownValue(parameter, value, locale),
                    u.get("from") == null ? "–" : written('D', String.valueOf(u.get("from"))), String.join(", ", (List<String>) u.get("affects")),
                    months.size(), written('M', months.get(0)), written('M', months.get(months.size() - 1)))
                    + (Boolean.TRUE.equals(u.get("projected")) ? " " + t("budget.unverified.projected", locale) : "");
        }).toList();
    }

    /**
     * A regulation value as the catalog page shows it: an amount in rupiah, a named rule (unit CODE, "FLOOR") by its
     * text in the page's language ({@code regulation.code.*}), anything else as stored.
     */
    private String shownValue(String parameter, String value, Locale locale) {
        Unit unit = catalog.has(parameter) ? catalog.parameter(parameter).unit() : null;
        if (unit == Unit.RUPIAH) {
            return written('R', value);
        }
        return unit == Unit.CODE ? messages.getMessage("regulation.code." + value, null, value, locale) : value;
    }

    /**
     * What a plan says when it lists no unverified value, in the page's language: that it used none (an empty list), or
     * why its list is not known (null: the regulation data changed since it was costed, or it was stored before plans
     * listed them); null when it lists some. The page, the PDF and the XLSX write it, so an empty section never reads as
     * either.
     */
    public String unverifiedNote(Map<String, Object> plan, Locale locale) {
        if (plan.get("unverified") instanceof List<?> list) {
            return list.isEmpty() ? t("budget.unverified.none", locale) : null;
        }
        return t(BudgetPlans.UnverifiedSource.REGULATION_CHANGED.name().equals(plan.get("unverifiedSource"))
                ? "budget.unverified.regulationChanged" : "budget.unverified.notListed", locale);
    }

    /** True when a month of the plan (a row of its months) was computed with an unverified value. */
    public static boolean unverifiedMonth(Map<String, Object> month) {
        return month.get("unverified") instanceof List<?> l && !l.isEmpty();
    }

    private String t(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    static String rupiah(Object amount) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(ID));
        return "Rp " + f.format(new BigDecimal(String.valueOf(amount)));
    }

    /** The budget line's name in the page's language; an APBD agency's own name as given. */
    public String lineName(String line, Locale locale) {
        return switch (line) {
            case BudgetLines.PERSONNEL, BudgetLines.SOCIAL_PROTECTION, BudgetLines.ALL -> t("budget.line." + line, locale);
            default -> line;
        };
    }

    @SuppressWarnings("unchecked")
    public byte[] pdf(Map<String, Object> plan, Locale locale) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream stream = out; Document doc = new Document(PageSize.A4.rotate(), 28, 28, 26, 30)) {
            PdfWriter.getInstance(doc, stream);
            doc.open();
            Font h1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 12.5f);
            Font small = FontFactory.getFont(FontFactory.HELVETICA, 7.5f);
            Font smallBold = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f);
            Font normal = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
            doc.add(new Paragraph(t("budget.doc.title", locale, plan.get("year")), h1));
            doc.add(new Paragraph(t("budget.doc.payer", locale) + ": " + plan.get("payerName") + " (" + plan.get("payer") + ")", normal));
            doc.add(new Paragraph(t("budget.doc.region", locale) + ": " + regionOf(plan), normal));
            doc.add(new Paragraph(t("budget.doc.status", locale) + ": " + t("budget.status." + plan.get("status"), locale)
                    + " · " + t("budget.doc.referenceDate", locale) + ": " + written('D', String.valueOf(plan.get("referenceDate")))
                    + " · " + t("budget.doc.people", locale) + ": " + written('N', String.valueOf(plan.get("people"))), normal));
            PdfPTable table = new PdfPTable(new float[] {12, 11, 11, 11, 11, 13, 13, 14, 4});
            table.setWidthPercentage(100);
            table.setSpacingBefore(8);
            table.setHeaderRows(1);
            table.addCell(cell(t("budget.doc.month", locale), smallBold, Element.ALIGN_LEFT));
            for (String p : PROGRAMS) {
                table.addCell(cell(p, smallBold, Element.ALIGN_RIGHT));
            }
            table.addCell(cell(t("budget.doc.payerShare", locale), smallBold, Element.ALIGN_RIGHT));
            table.addCell(cell(t("budget.doc.workerShare", locale), smallBold, Element.ALIGN_RIGHT));
            table.addCell(cell(t("budget.doc.total", locale), smallBold, Element.ALIGN_RIGHT));
            table.addCell(cell("", smallBold, Element.ALIGN_LEFT));
            for (Map<String, Object> m : (List<Map<String, Object>>) plan.get("months")) {
                Map<String, Object> by = (Map<String, Object>) m.get("byProgram");
                table.addCell(cell(written('M', (String) m.get("month")), small, Element.ALIGN_LEFT));
                for (String p : PROGRAMS) {
                    table.addCell(cell(rupiah(by.get(p)), small, Element.ALIGN_RIGHT));
                }
                table.addCell(cell(rupiah(m.get("payerShare")), small, Element.ALIGN_RIGHT));
                table.addCell(cell(rupiah(m.get("workerShare")), small, Element.ALIGN_RIGHT));
                table.addCell(cell(rupiah(m.get("total")), small, Element.ALIGN_RIGHT));
                table.addCell(cell((((List<?>) m.get("projected")).isEmpty() ? "" : "*") + (unverifiedMonth(m) ? "†" : ""),
                        smallBold, Element.ALIGN_CENTER));
            }
            Map<String, Object> by = (Map<String, Object>) plan.get("byProgram");
            table.addCell(cell(t("budget.doc.year", locale), smallBold, Element.ALIGN_LEFT));
            for (String p : PROGRAMS) {
                table.addCell(cell(rupiah(by.get(p)), smallBold, Element.ALIGN_RIGHT));
            }
            table.addCell(cell(rupiah(plan.get("payerShare")), smallBold, Element.ALIGN_RIGHT));
            table.addCell(cell(rupiah(plan.get("workerShare")), smallBold, Element.ALIGN_RIGHT));
            table.addCell(cell(rupiah(plan.get("total")), smallBold, Element.ALIGN_RIGHT));
            table.addCell(cell(((List<?>) plan.get("projected")).isEmpty() ? "" : "*", smallBold, Element.ALIGN_CENTER));
            doc.add(table);
            if (!((List<?>) plan.get("projected")).isEmpty()) {
                doc.add(new Paragraph("* " + t("budget.doc.projectedMark", locale, parameterNames((List<String>) plan.get("projected"), locale)), small));
            }
            List<String> unverified = unverifiedLines(plan, locale);
            if (unverified != null && !unverified.isEmpty()) {
                doc.add(new Paragraph("† " + t("budget.unverified.title", locale), smallBold));
                for (String line : unverified) {
                    doc.add(new Paragraph("– " + line, small));
                }
            } else {
                doc.add(new Paragraph(unverifiedNote(plan, locale), small));
            }
            doc.add(new Paragraph(t("budget.doc.lines", locale), smallBold));
            for (Map<String, Object> g : (List<Map<String, Object>>) plan.get("budgetLines")) {
                doc.add(new Paragraph(lineName((String) g.get("line"), locale) + ": " + rupiah(g.get("total")), small));
            }
            doc.add(new Paragraph(t("budget.doc.assumptions", locale), smallBold));
            for (Map<String, Object> a : (List<Map<String, Object>>) plan.get("assumptions")) {
                doc.add(new Paragraph("– " + assumption(a, locale), small));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * Which arguments of an assumption are a date (D), a month (M), a count of people (N) or an amount (R), written as
     * every page writes them ("4 Des 2026", "Mar 2027", "1.000", "Rp 11.652.700"); others (-) are shown as stored.
     */
    private static final Map<String, String> ARGUMENT_KINDS = Map.of(
            "MEMBERS_ON_REFERENCE_DATE", "DN",
            "COHORTS_PAID_BY_PAYER", "N",
            "JOINERS_LEAVERS", "-NMNNN",
            "NAMED_LIST", "-N",
            "NAMED_LIST_MEMBERS", "N",
            "PROJECTED_PARAMETER", "-DR",
            "WAGE_BELOW_USUAL_MINIMUM", "-RR");

    /** An assumption in the page's language (bundle key {@code budget.assumption.<code>}), else its English text. */
    @SuppressWarnings("unchecked")
    public String assumption(Map<String, Object> a, Locale locale) {
        List<String> args = new java.util.ArrayList<>((List<String>) a.get("args"));
        String kinds = ARGUMENT_KINDS.getOrDefault((String) a.get("code"), "");
        for (int i = 0; i < Math.min(kinds.length(), args.size()); i++) {
            args.set(i, written(kinds.charAt(i), args.get(i)));
        }
        if ("PROJECTED_PARAMETER".equals(a.get("code")) && !args.isEmpty()) {
            // the parameter by its description, not its internal id
            args.set(0, parameterName(args.get(0), locale));
        }
        return messages.getMessage("budget.assumption." + a.get("code"), args.toArray(), (String) a.get("text"), locale);
    }

    /** One stored argument as pages write its kind; a value that does not parse is shown as stored. */
    private String written(char kind, String value) {
        try {
            return switch (kind) {
                case 'D' -> fmt.date(java.time.LocalDate.parse(value));
                case 'M' -> fmt.month(java.time.YearMonth.parse(value));
                case 'N' -> fmt.count(new BigDecimal(value));
                case 'R' -> fmt.rupiah(new BigDecimal(value));
                default -> value;
            };
        } catch (java.time.format.DateTimeParseException | NumberFormatException e) {
            return value;
        }
    }

    @SuppressWarnings("unchecked")
    public byte[] xlsx(Map<String, Object> plan, Locale locale) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.createSheet(t("budget.doc.sheet", locale, plan.get("year")));
            CellStyle money = wb.createCellStyle();
            money.setDataFormat(wb.createDataFormat().getFormat("#,##0"));
            int r = 0;
            sheet.createRow(r++).createCell(0).setCellValue(t("budget.doc.title", locale, plan.get("year")));
            Row payer = sheet.createRow(r++);
            payer.createCell(0).setCellValue(t("budget.doc.payer", locale));
            payer.createCell(1).setCellValue(plan.get("payerName") + " (" + plan.get("payer") + ")");
            Row region = sheet.createRow(r++);
            region.createCell(0).setCellValue(t("budget.doc.region", locale));
            region.createCell(1).setCellValue(regionOf(plan));
            Row status = sheet.createRow(r++);
            status.createCell(0).setCellValue(t("budget.doc.status", locale));
            status.createCell(1).setCellValue(t("budget.status." + plan.get("status"), locale));
            r++;
            Row head = sheet.createRow(r++);
            String[] heads = {t("budget.doc.month", locale), "JKK", "JKM", "JHT", "JP", t("budget.doc.payerShare", locale),
                    t("budget.doc.workerShare", locale), t("budget.doc.total", locale), t("budget.doc.projected", locale),
                    t("budget.doc.unverified", locale)};
            for (int i = 0; i < heads.length; i++) {
                head.createCell(i).setCellValue(heads[i]);
                sheet.setColumnWidth(i, (i == 0 ? 12 : 16) * 256);
            }
            for (Map<String, Object> m : (List<Map<String, Object>>) plan.get("months")) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue((String) m.get("month"));
                Map<String, Object> by = (Map<String, Object>) m.get("byProgram");
                int c = 1;
                for (String p : PROGRAMS) {
                    number(row, c++, by.get(p), money);
                }
                number(row, c++, m.get("payerShare"), money);
                number(row, c++, m.get("workerShare"), money);
                number(row, c++, m.get("total"), money);
                row.createCell(c++).setCellValue(String.join(", ", (List<String>) m.get("projected")));
                if (unverifiedMonth(m)) {
                    row.createCell(c).setCellValue(String.join(", ", (List<String>) m.get("unverified")));
                }
            }
            Row total = sheet.createRow(r++);
            total.createCell(0).setCellValue(t("budget.doc.year", locale));
            Map<String, Object> by = (Map<String, Object>) plan.get("byProgram");
            int c = 1;
            for (String p : PROGRAMS) {
                number(total, c++, by.get(p), money);
            }
            number(total, c++, plan.get("payerShare"), money);
            number(total, c++, plan.get("workerShare"), money);
            number(total, c++, plan.get("total"), money);
            total.createCell(c).setCellValue(String.join(", ", (List<String>) plan.get("projected")));
            r++;
            List<String> unverified = unverifiedLines(plan, locale);
            if (unverified != null && !unverified.isEmpty()) {
                sheet.createRow(r++).createCell(0).setCellValue(t("budget.unverified.title", locale));
                for (String line : unverified) {
                    sheet.createRow(r++).createCell(0).setCellValue(line);
                }
            } else {
                sheet.createRow(r++).createCell(0).setCellValue(unverifiedNote(plan, locale));
            }
            r++;
            sheet.createRow(r++).createCell(0).setCellValue(t("budget.doc.lines", locale));
            for (Map<String, Object> g : (List<Map<String, Object>>) plan.get("budgetLines")) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(lineName((String) g.get("line"), locale));
                number(row, 7, g.get("total"), money);
            }
            r++;
            sheet.createRow(r++).createCell(0).setCellValue(t("budget.doc.assumptions", locale));
            for (Map<String, Object> a : (List<Map<String, Object>>) plan.get("assumptions")) {
                sheet.createRow(r++).createCell(0).setCellValue(assumption(a, locale));
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void number(Row row, int column, Object value, CellStyle style) {
        var cell = row.createCell(column);
        cell.setCellValue(new BigDecimal(String.valueOf(value)).doubleValue());
        cell.setCellStyle(style);
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text, font));
        c.setHorizontalAlignment(align);
        c.setPadding(2.5f);
        return c;
    }

    /** The plan's region by name, its code after it: "Desa Bakungan, Kec. Loa Janan, Kabupaten Kutai Kartanegara (64.02.03.2001)". */
    private String regionOf(Map<String, Object> plan) {
        String code = (String) plan.get("regionCode");
        String label = regions.label(code);
        return label.equals(code) ? code : label + " (" + code + ")";
    }
}
