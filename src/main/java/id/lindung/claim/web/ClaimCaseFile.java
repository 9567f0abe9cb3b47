package id.lindung.claim.web;

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
import id.lindung.claim.ClaimCase;
import id.lindung.platform.Citations;
import id.lindung.platform.Formats;
import id.lindung.platform.PdfPageNumbers;
import id.lindung.regulation.Reference;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The case file (berkas klaim) as one PDF: the case, the eligibility decision, the benefit components with their legal
 * references, the JKK payment clock, the heirs and who receives, the document checklist with each file's SHA-256, the
 * scholarship schedule, the payment and the history, with page numbers. Texts come from the bundles in the language
 * asked for (Indonesian unless the reader chose English); dates and amounts are written the Indonesian way.
 */
@Component
class ClaimCaseFile {

    private final MessageSource messages;
    private final Formats fmt;
    private final Clock clock;
    private final id.lindung.registry.Workers workers;

    private final id.lindung.access.AuditLog audit;
    private final Citations citations;
    private final ClaimDecisionText decisionTexts;

    ClaimCaseFile(MessageSource messages, Formats fmt, Clock clock, id.lindung.registry.Workers workers,
                  id.lindung.access.AuditLog audit, Citations citations, ClaimDecisionText decisionTexts) {
        this.decisionTexts = decisionTexts;
        this.audit = audit;
        this.citations = citations;
        this.messages = messages;
        this.fmt = fmt;
        this.clock = clock;
        this.workers = workers;
    }

    /**
     * The case file of the page ({@code /klaim/{id}/berkas.pdf}) and of the API ({@code /api/v1/claims/{id}/pdf}), for
     * the case as the reader may see it (NIKs masked by the module for the roles that see them so).
     */
    byte[] pdf(ClaimCase c, Locale locale) {
        String villageName = c.region() == null ? null : workers.villageName(c.region());
        Locale previous = LocaleContextHolder.getLocale();
        LocaleContextHolder.setLocale(locale); // the month names of Formats follow the document's language
        try {
            byte[] pdf = numberPages(document(c, villageName, new Text(messages, locale)), new Text(messages, locale), c.id());
            // A case file names the worker, the heirs and their accounts: each one handed out is an audited disclosure.
            audit.exported("claim_case_file", String.valueOf(c.id()), c.region(), java.util.Map.of("format", "pdf"));
            return pdf;
        } finally {
            LocaleContextHolder.setLocale(previous);
        }
    }

    private static final Font H1 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 13);
    private static final Font H2 = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 10);
    private static final Font NORMAL = FontFactory.getFont(FontFactory.HELVETICA, 8.5f);
    private static final Font BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 8.5f);
    private static final Font SMALL = FontFactory.getFont(FontFactory.HELVETICA, 7.5f);
    private static final Font SMALL_BOLD = FontFactory.getFont(FontFactory.HELVETICA_BOLD, 7.5f);

    private byte[] document(ClaimCase c, String villageName, Text t) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (OutputStream stream = out; Document doc = new Document(PageSize.A4, 36, 36, 36, 42)) {
            PdfWriter.getInstance(doc, stream);
            doc.open();
            doc.add(new Paragraph(t.get("claim.doc.title", c.id()), H1));
            doc.add(new Paragraph(t.get("claim.type." + c.type().name()), BOLD));

            // the case
            PdfPTable facts = keyValues();
            row(facts, t.get("claim.case.worker"), c.workerName());
            row(facts, t.get("claim.field.nik"), c.nik());
            row(facts, t.get("claim.list.village"), villageName == null ? c.region() : villageName + " (" + c.region() + ")");
            row(facts, t.get("claim.case.incidentDate"), fmt.date(c.incidentDate()));
            row(facts, t.get("claim.case.reportedOn"), fmt.date(c.reportedOn()));
            row(facts, t.get("claim.case.status"), t.get("claim.status." + c.status().name())
                    + (c.overdue() ? " (" + t.get("claim.overdue") + ")" : ""));
            if (c.rejectionReason() != null) {
                row(facts, t.get("claim.transition.reason"), ClaimCasePage.reasonText(c.rejectionReason(), messages, t.locale()));
            }
            row(facts, t.get("claim.case.openedBy"), c.openedBy() + " · " + fmt.time(c.openedAt()));
            row(facts, t.get("claim.case.regulationVersion"), c.regulationVersion());
            doc.add(facts);

            // the decision
            heading(doc, t.get("claim.decision.title") + ": "
                    + (c.eligible() ? t.get("claim.preview.eligible") : t.get("claim.preview.notEligible")));
            PdfPTable decisions = table(new float[] {18, 82});
            for (ClaimCase.Decision d : c.decisions()) {
                boolean warning = d.effect() == ClaimCase.Effect.WARNING;
                decisions.addCell(cell(d.passed() ? t.get("claim.decision.passed")
                        : warning ? t.get("claim.decision.warning") : t.get("claim.decision.failed"), d.passed() ? SMALL : SMALL_BOLD, Element.ALIGN_LEFT));
                decisions.addCell(cell(decisionTexts.of(d, t.locale()), SMALL, Element.ALIGN_LEFT));
            }
            doc.add(decisions);

            // the benefit
            heading(doc, t.get("claim.components.title"));
            if (c.components().isEmpty()) {
                doc.add(new Paragraph(t.get("claim.components.none"), NORMAL));
            } else {
                List<Reference> shared = c.sharedLegalBasis();
                // the legal-basis column only when some row has a basis of its own, as on the case page
                boolean rowBasis = c.rowsNeedTheirOwnLegalBasis();
                PdfPTable components = rowBasis ? table(new float[] {38, 20, 42}) : table(new float[] {66, 34});
                header(components, rowBasis ? new String[] {t.get("claim.components.component"), t.get("claim.components.amount"),
                        t.get("claim.components.references")} : new String[] {t.get("claim.components.component"), t.get("claim.components.amount")});
                for (ClaimCase.Component k : c.components()) {
                    components.addCell(cell(componentName(k.code(), t), SMALL, Element.ALIGN_LEFT));
                    components.addCell(cell(fmt.rupiah(k.amount()), SMALL, Element.ALIGN_RIGHT));
                    if (rowBasis) {
                        List<Reference> own = k.legalBasisUnlessShared(shared);
                        components.addCell(cell(k.legalBasis().isEmpty() ? "–" : own.isEmpty() ? t.get("claim.components.sharedBelow")
                                : references(own, t), SMALL, Element.ALIGN_LEFT));
                    }
                }
                components.addCell(cell(t.get("claim.components.total"), SMALL_BOLD, Element.ALIGN_LEFT));
                components.addCell(cell(fmt.rupiah(c.total()), SMALL_BOLD, Element.ALIGN_RIGHT));
                if (rowBasis) {
                    components.addCell(cell("", SMALL, Element.ALIGN_LEFT));
                }
                doc.add(components);
                if (!shared.isEmpty()) {
                    doc.add(new Paragraph(t.get(rowBasis ? "claim.components.sharedReferences" : "claim.components.everyReference")
                            + ": " + references(shared, t), SMALL));
                }
                if (c.components().stream().anyMatch(k -> "SCHOLARSHIP_MAX".equals(k.code()))) {
                    doc.add(new Paragraph(t.get("claim.components.scholarshipNote"), SMALL));
                }
                if (c.jpContributionsBasis() != null) {
                    // only what Lindung recorded, or the facts given before it: as the case page says
                    doc.add(new Paragraph(t.get("claim.components.jpContributions." + c.jpContributionsBasis().source()), SMALL));
                }
                if (c.components().stream().anyMatch(k -> "JP_RETURNS".equals(k.code()) && k.unverified())) {
                    doc.add(new Paragraph(t.get("claim.components.jpReturnsNote"), SMALL));
                }
            }

            // the JKK clock
            if (c.clock() != null) {
                heading(doc, t.get("claim.clock.title"));
                doc.add(new Paragraph(t.get("claim.clock.rule"), SMALL));
                PdfPTable clockTable = keyValues();
                if (c.clock().fileCompleteOn() == null) {
                    doc.add(new Paragraph(t.get("claim.clock.incomplete"), NORMAL));
                } else {
                    row(clockTable, t.get("claim.clock.completeOn"), fmt.date(c.clock().fileCompleteOn()));
                    row(clockTable, t.get("claim.clock.dueOn"), fmt.date(c.clock().dueOn()));
                    if (c.clock().paidOn() != null) {
                        row(clockTable, t.get("claim.clock.paidOn"), fmt.date(c.clock().paidOn()));
                    }
                    row(clockTable, t.get("claim.clock.daysLate"), Long.toString(c.clock().daysLate()));
                    row(clockTable, t.get("claim.clock.compensation"), fmt.rupiah(c.clock().lateCompensation()));
                    doc.add(clockTable);
                }
            }

            // the heirs
            if (c.type().death() || !c.heirs().isEmpty()) {
                heading(doc, t.get("claim.heirs.title"));
                doc.add(new Paragraph(t.get("claim.heirs.order"), SMALL));
                if (c.heirs().isEmpty()) {
                    doc.add(new Paragraph(t.get("claim.heirs.none"), NORMAL));
                } else {
                    PdfPTable heirs = table(new float[] {26, 20, 20, 8, 26});
                    header(heirs, t.get("claim.new.heirName"), t.get("claim.field.nik"), t.get("claim.new.relationship"), t.get("claim.heirs.rank"),
                            t.get("claim.heirs.receives"));
                    for (ClaimCase.Heir h : c.heirs()) {
                        heirs.addCell(cell(h.name(), SMALL, Element.ALIGN_LEFT));
                        heirs.addCell(cell(h.nik() == null ? "–" : h.nik(), SMALL, Element.ALIGN_LEFT));
                        heirs.addCell(cell(t.get("claim.heir." + h.relationship().name()), SMALL, Element.ALIGN_LEFT));
                        heirs.addCell(cell(Integer.toString(h.rank()), SMALL, Element.ALIGN_RIGHT));
                        heirs.addCell(cell(h.recipient() ? t.get("claim.heirs.receives") : t.get("claim.heirs.notReceiving"),
                                h.recipient() ? SMALL_BOLD : SMALL, Element.ALIGN_LEFT));
                    }
                    doc.add(heirs);
                }
            }

            // the documents
            heading(doc, t.get("claim.documents.title"));
            PdfPTable documents = table(new float[] {34, 10, 10, 46});
            header(documents, t.get("claim.documents.type"), t.get("claim.documents.required"), t.get("claim.documents.present"),
                    t.get("claim.doc.file"));
            for (ClaimCase.Document d : c.documents()) {
                String name = t.get("claim.document." + d.type().name())
                        + (d.schoolYear() == null ? "" : " · " + t.get("claim.scholarships.child") + " " + d.child() + " · " + d.schoolYear());
                documents.addCell(cell(name, SMALL, Element.ALIGN_LEFT));
                documents.addCell(cell(d.required() ? t.get("yes") : t.get("claim.documents.optional"), SMALL, Element.ALIGN_LEFT));
                documents.addCell(cell(d.present() ? t.get("claim.documents.present") : t.get("claim.documents.missing"),
                        d.present() || !d.required() ? SMALL : SMALL_BOLD, Element.ALIGN_LEFT));
                documents.addCell(cell(d.fileName() == null ? "" : d.fileName() + " · " + fmt.time(d.uploadedAt())
                        + (d.sha256() == null ? "" : "\nSHA-256 " + d.sha256()), SMALL, Element.ALIGN_LEFT));
            }
            doc.add(documents);

            // the scholarship schedule
            if (c.type().grantsScholarship()) {
                heading(doc, t.get("claim.scholarships.title"));
                if (c.scholarships().isEmpty()) {
                    doc.add(new Paragraph(t.get("claim.scholarships.none"), NORMAL));
                } else {
                    PdfPTable years = table(new float[] {28, 14, 22, 16, 20});
                    header(years, t.get("claim.scholarships.child"), t.get("claim.scholarships.schoolYear"),
                            t.get("claim.scholarships.level"), t.get("claim.scholarships.amount"), t.get("claim.scholarships.status"));
                    for (ClaimCase.Scholarship s : c.scholarships()) {
                        years.addCell(cell(s.child(), SMALL, Element.ALIGN_LEFT));
                        years.addCell(cell(s.schoolYear(), SMALL, Element.ALIGN_LEFT));
                        years.addCell(cell(t.orElse("claim.level." + s.level(), s.level()), SMALL, Element.ALIGN_LEFT));
                        years.addCell(cell(fmt.rupiah(s.amount()), SMALL, Element.ALIGN_RIGHT));
                        String status = t.get("claim.scholarshipStatus." + s.status().name());
                        if (s.stopReason() != null) {
                            status += " · " + t.orElse("claim.stop." + s.stopReason(), s.stopReason());
                        }
                        if (s.payment() != null) {
                            status += " · " + fmt.date(s.payment().date()) + " · " + s.payment().reference();
                        }
                        years.addCell(cell(status, SMALL, Element.ALIGN_LEFT));
                    }
                    doc.add(years);
                }
            }

            // the payment
            if (c.payment() != null) {
                heading(doc, t.get("claim.doc.payment"));
                PdfPTable paid = keyValues();
                row(paid, t.get("claim.transition.reference"), c.payment().reference());
                row(paid, t.get("claim.transition.paymentDate"), fmt.date(c.payment().date()));
                row(paid, t.get("claim.transition.amount"), fmt.rupiah(c.payment().amount()));
                row(paid, t.get("claim.transition.heir"), c.payment().heir() == null ? t.get("claim.transition.participant") : c.payment().heir());
                row(paid, t.get("claim.doc.recordedBy"), c.payment().recordedBy());
                doc.add(paid);
            }

            // the history
            heading(doc, t.get("claim.history.title"));
            PdfPTable history = table(new float[] {26, 24, 20, 30});
            header(history, t.get("claim.doc.when"), t.get("claim.doc.step"), t.get("claim.doc.who"), t.get("claim.transition.reason"));
            for (ClaimCase.HistoryEntry h : c.history()) {
                history.addCell(cell(fmt.time(h.at()), SMALL, Element.ALIGN_LEFT));
                history.addCell(cell(h.action() == null ? t.get("claim.status." + h.status().name())
                        : t.orElse("claim.action." + h.action(), t.get("claim.status." + h.status().name())), SMALL, Element.ALIGN_LEFT));
                history.addCell(cell(h.by(), SMALL, Element.ALIGN_LEFT));
                history.addCell(cell(h.reason() == null ? "" : ClaimCasePage.reasonText(h.reason(), messages, t.locale()),
                        SMALL, Element.ALIGN_LEFT));
            }
            doc.add(history);

            Paragraph footer = new Paragraph(t.get("claim.doc.printed", fmt.date(LocalDate.now(clock))), SMALL);
            footer.setSpacingBefore(10);
            doc.add(footer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The component's name in the document's language: the claim's own text, else the simulation's. */
    private static String componentName(String code, Text t) {
        String own = t.orElse("claim.component." + code, null);
        return own != null ? own : t.orElse("simulation.component." + code, t.get("claim.component.other"));
    }

    /**
     * "PP 44/2015 sebagaimana diubah dengan PP 82/2019 Pasal 34 [S74]; ..." in the document's language, with unverified
     * values marked, each legal basis once.
     */
    private String references(List<Reference> references, Text t) {
        List<String> parts = new ArrayList<>();
        for (Reference r : references) {
            parts.add(citations.citation(r.regulation(), r.article(), r.sources(), t.locale())
                    + (r.verified() ? "" : " (" + t.get("regulation.unverified") + ")"));
        }
        return String.join("; ", new java.util.LinkedHashSet<>(parts));
    }

    /** "Halaman 1 dari 3" and the case number at the foot of every page, once the number of pages is known. */
    private static byte[] numberPages(byte[] pdf, Text t, long id) {
        return PdfPageNumbers.stamp(pdf, t.get("claim.doc.title", id), (page, pages) -> t.get("claim.doc.page", page, pages), 36, 20);
    }

    private static void heading(Document doc, String text) {
        Paragraph p = new Paragraph(text, H2);
        p.setSpacingBefore(9);
        p.setSpacingAfter(3);
        doc.add(p);
    }

    private static PdfPTable keyValues() {
        PdfPTable table = new PdfPTable(new float[] {30, 70});
        table.setWidthPercentage(100);
        table.setSpacingBefore(4);
        return table;
    }

    private static void row(PdfPTable table, String label, String value) {
        PdfPCell l = cell(label, BOLD, Element.ALIGN_LEFT);
        l.setBorder(Rectangle.NO_BORDER);
        PdfPCell v = cell(value == null ? "–" : value, NORMAL, Element.ALIGN_LEFT);
        v.setBorder(Rectangle.NO_BORDER);
        table.addCell(l);
        table.addCell(v);
    }

    private static PdfPTable table(float[] widths) {
        PdfPTable table = new PdfPTable(widths);
        table.setWidthPercentage(100);
        table.setHeaderRows(0);
        return table;
    }

    private static void header(PdfPTable table, String... titles) {
        for (String title : titles) {
            PdfPCell c = cell(title, SMALL_BOLD, Element.ALIGN_LEFT);
            c.setGrayFill(0.92f);
            table.addCell(c);
        }
        table.setHeaderRows(1);
    }

    private static PdfPCell cell(String text, Font font, int align) {
        PdfPCell c = new PdfPCell(new Phrase(text == null ? "" : text, font));
        c.setHorizontalAlignment(align);
        c.setPaddingTop(1.5f);
        c.setPaddingBottom(3f);
        c.setPaddingLeft(3f);
        c.setPaddingRight(3f);
        return c;
    }

    /** The bundle texts of one document in one language. */
    record Text(MessageSource messages, Locale locale) {
        String get(String key, Object... args) {
            return messages.getMessage(key, args, locale);
        }

        String orElse(String key, String fallback) {
            return messages.getMessage(key, null, fallback, locale);
        }
    }
}
