package id.lindung.claim;

import id.lindung.access.Actor;
import id.lindung.access.PersonalData;
import id.lindung.claim.ClaimCase.Document;
import id.lindung.claim.ClaimCase.Heir;
import id.lindung.claim.ClaimCase.Payment;
import id.lindung.claim.ClaimCase.Scholarship;
import id.lindung.claim.ClaimCase.ScholarshipStatus;
import id.lindung.claim.ClaimStore.CaseRow;
import id.lindung.claim.ClaimStore.DocumentRow;
import id.lindung.claim.ClaimStore.ScholarshipRow;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * A case as a reader sees it, from its stored parts: the checklist against the uploads, each scholarship year's status,
 * who receives, the JKK clock and whether it is overdue, all computed at reading time from what was decided and stored
 * (the amounts are never recomputed here). NIKs, birth dates and bank accounts are shown as {@link PersonalData} allows.
 */
final class ClaimView {

    /** The stored parts of one case. */
    record Parts(CaseRow row, List<ClaimCase.Decision> decisions, List<ClaimCase.Component> components, List<Heir> heirs,
                 List<ClaimCase.Child> children, List<ScholarshipRow> scholarships, List<DocumentRow> documents,
                 List<ClaimCase.HistoryEntry> history) {}

    private ClaimView() {}

    static ClaimCase of(Parts p, Actor actor, ClaimSettings settings, LocalDate today, Instant now) {
        CaseRow row = p.row();
        boolean full = PersonalData.seesFull(actor);
        // what people typed (file names, reasons, payment references, names) may quote a NIK: a masked reader sees every
        // long digit run as PersonalData.maskTyped shows it, in the API answer, the page and the case file alike
        UnaryOperator<String> typed = full ? UnaryOperator.identity() : PersonalData::maskTyped;
        OptionalInt receiving = row.type().death()
                ? HeirOrder.receivingRank(p.heirs().stream().map(Heir::relationship).toList()) : OptionalInt.empty();
        List<Heir> heirs = p.heirs().stream().map(h -> new Heir(h.no(), typed.apply(h.name()), h.nik() == null ? null : PersonalData.nik(actor, h.nik()),
                h.relationship(), full ? h.bankAccount() : maskAccount(h.bankAccount()), h.rank(),
                receiving.isPresent() && h.rank() == receiving.getAsInt())).toList();
        List<String> recipients = heirs.stream().filter(Heir::recipient).map(Heir::name).toList();
        Map<Integer, ClaimCase.Child> children = p.children().stream().collect(Collectors.toMap(ClaimCase.Child::no, Function.identity()));
        boolean payable = row.status() == ClaimStatus.APPROVED || row.status() == ClaimStatus.PAID;
        List<Scholarship> scholarships = new ArrayList<>();
        for (ScholarshipRow s : p.scholarships()) {
            ScholarshipStatus status = s.paidOn() != null ? ScholarshipStatus.PAID
                    : s.stopReason() != null ? ScholarshipStatus.STOPPED
                    : payable && certificate(p.documents(), s.child(), s.schoolYear()) ? ScholarshipStatus.DUE
                    : ScholarshipStatus.SCHEDULED;
            ClaimCase.Child child = children.get(s.child());
            String childName = child == null ? null : typed.apply(child.name());
            scholarships.add(new Scholarship(childName, s.child(), ScholarshipSchedule.label(s.schoolYear()),
                    s.level(), s.amount(), status, s.stopReason(), s.paidOn() == null ? null
                    : new Payment(typed.apply(s.paymentReference()), s.paidOn(), s.paidAmount(), childName, s.paidBy())));
        }
        List<ClaimCase.Child> shownChildren = p.children().stream().map(c -> new ClaimCase.Child(c.no(), typed.apply(c.name()),
                PersonalData.birthDateValue(actor, c.birthDate()), c.schoolLevel(), c.marriedOn(), c.employedOn())).toList();
        Payment payment = row.paidOn() == null ? null
                : new Payment(typed.apply(row.paymentReference()), row.paidOn(), row.paidAmount(), typed.apply(row.paidHeir()), row.paidBy());
        List<Document> documents = checklist(row.type(), p.documents(), p.scholarships(), today).stream()
                .map(d -> d.fileName() == null || full ? d : new Document(d.type(), d.required(), d.present(), d.child(),
                        d.schoolYear(), d.documentId(), typed.apply(d.fileName()), d.contentType(), d.size(), d.sha256(),
                        d.uploadedAt(), d.uploadedBy())).toList();
        List<ClaimCase.HistoryEntry> history = p.history().stream().map(h -> new ClaimCase.HistoryEntry(h.status(), h.at(), h.by(),
                typed.apply(h.reason()), h.action())).toList();
        ClaimCase.JkkClock clock = row.type().workAccident() && row.status() != ClaimStatus.REJECTED
                ? settings.jkkClock.on(row.fileCompleteOn(), row.paidOn(), row.total(), today) : null;
        return new ClaimCase(row.id(), PersonalData.nik(actor, row.nik()), row.type(), row.incidentDate(), row.status(),
                row.eligible(), p.decisions(), p.components(), row.total(), scholarships, heirs,
                documents, history, row.workerName(), row.regionCode(),
                row.reportedOn(), shownChildren, recipients, payment, typed.apply(row.rejectionReason()), clock,
                overdue(row.status(), row.statusSince(), settings, now), row.regulationVersion(), row.openedBy(), row.openedAt());
    }

    static boolean overdue(ClaimStatus status, Instant since, ClaimSettings settings, Instant now) {
        Duration after = settings.overdueAfter(status);
        return after != null && since.plus(after).isBefore(now);
    }

    /** The required documents, then other uploads, then the school certificate of each school year begun. */
    static List<Document> checklist(ClaimType type, List<DocumentRow> uploads, List<ScholarshipRow> years, LocalDate today) {
        List<Document> list = new ArrayList<>();
        List<DocumentType> required = DocumentChecklist.required(type);
        for (DocumentType t : required) {
            DocumentRow latest = uploads.stream().filter(d -> d.type() == t).reduce((a, b) -> b).orElse(null);
            list.add(document(t, true, latest, null, null));
        }
        for (DocumentRow d : uploads) {
            if (!required.contains(d.type()) && d.type() != DocumentType.SCHOOL_CERTIFICATE) {
                list.add(document(d.type(), false, d, null, null));
            }
        }
        int current = ScholarshipSchedule.schoolYearOf(today);
        for (ScholarshipRow y : years) {
            DocumentRow cert = uploads.stream().filter(d -> d.type() == DocumentType.SCHOOL_CERTIFICATE
                    && y.child() == d.child() && y.schoolYear() == d.schoolYear()).reduce((a, b) -> b).orElse(null);
            if (cert != null || (y.schoolYear() <= current && y.stopReason() == null)) {
                list.add(document(DocumentType.SCHOOL_CERTIFICATE, false, cert, y.child(), y.schoolYear()));
            }
        }
        return list;
    }

    /** The required types not uploaded yet, in checklist order. */
    static List<DocumentType> missing(ClaimType type, List<DocumentRow> uploads) {
        return DocumentChecklist.required(type).stream().filter(t -> uploads.stream().noneMatch(d -> d.type() == t)).toList();
    }

    private static Document document(DocumentType type, boolean required, DocumentRow d, Integer child, Integer year) {
        String label = year == null ? null : ScholarshipSchedule.label(year);
        if (d == null) {
            return new Document(type, required, false, child, label, null, null, null, null, null, null, null);
        }
        return new Document(type, required, true, child, label, d.id(), d.fileName(), d.contentType(), d.size(), d.sha256(),
                d.uploadedAt(), d.uploadedBy());
    }

    private static boolean certificate(List<DocumentRow> uploads, int child, int schoolYear) {
        return uploads.stream().anyMatch(d -> d.type() == DocumentType.SCHOOL_CERTIFICATE && d.child() != null
                && d.child() == child && d.schoolYear() != null && d.schoolYear() == schoolYear);
    }

    /** A bank account for a masked reader: its last 4 characters. */
    static String maskAccount(String account) {
        if (account == null) {
            return null;
        }
        return account.length() <= 4 ? "*".repeat(account.length()) : "*".repeat(account.length() - 4) + account.substring(account.length() - 4);
    }
}
