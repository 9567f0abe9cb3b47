package id.lindung.claim;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import id.lindung.regulation.Reference;
import id.lindung.shared.Rupiah;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * A case as the API answers it ({@code GET /api/v1/claims/{id}}): the fields first, then what the pages and
 * the case file also show. The NIKs are as the reader may see them ({@link id.lindung.access.PersonalData}).
 *
 * @param eligible     no policy refused the case (warnings and scholarship refusals do not count)
 * @param total        what is paid at once: the cash components decided when the case opened (or at an explicit
 *                     recomputation); the scholarship is paid year by year and is not in it
 * @param recipients   the heirs who receive, by the order of PP 44/2015 Pasal 37 (names); empty for a case paid to
 *                     the worker
 * @param clock        the JKK payment clock (7 working days from a complete file, 1% a day late); null for other cases
 * @param overdue      waiting at its step longer than the branch's setting (lindung.claims.overdue-days.*)
 */
public record ClaimCase(long id, String nik, @JsonProperty("case") ClaimType type, LocalDate incidentDate, ClaimStatus status,
                        boolean eligible, List<Decision> decisions, List<Component> components, Rupiah total,
                        List<Scholarship> scholarships, List<Heir> heirs, List<Document> documents, List<HistoryEntry> history,
                        String workerName, String region, LocalDate reportedOn, List<Child> children, List<String> recipients,
                        Payment payment, String rejectionReason, JkkClock clock, boolean overdue, String regulationVersion,
                        String openedBy, Instant openedAt) {

    /**
     * The legal basis most cash components rest on, when at least two rest on exactly it: the case page and the case
     * file state it once under the components and write a basis on a row only where it differs
     * ({@link Component#legalBasisUnlessShared}). A JKM death's lump sum, periodic payment and funeral costs rest on PP
     * 44/2015 as amended by PP 82/2019, which the page wrote on each row (review of 3 December 2026); the scholarship,
     * on PP 82/2019 and Permenaker 5/2021, keeps its own. Empty when no two components share their basis.
     */
    @JsonIgnore
    public List<Reference> sharedLegalBasis() {
        Map<List<List<Object>>, Integer> counts = new LinkedHashMap<>();
        Map<List<List<Object>>, List<Reference>> bases = new LinkedHashMap<>();
        for (Component k : components) {
            List<Reference> basis = k.legalBasis();
            counts.merge(Component.key(basis), 1, Integer::sum);
            bases.putIfAbsent(Component.key(basis), basis);
        }
        return counts.entrySet().stream().filter(e -> e.getValue() >= 2 && !e.getKey().isEmpty())
                .reduce((a, b) -> b.getValue() > a.getValue() ? b : a).map(e -> bases.get(e.getKey())).orElse(List.of());
    }

    /**
     * Some component's row has a legal basis of its own (other than {@link #sharedLegalBasis}) or none at all: only then
     * do the case page and the case file give the components a legal-basis column. When every component rests on the
     * shared basis, the column was empty on every row above the note that states it (review of 7 December 2026).
     */
    @JsonIgnore
    public boolean rowsNeedTheirOwnLegalBasis() {
        List<Reference> shared = sharedLegalBasis();
        return components.stream().anyMatch(k -> k.legalBasis().isEmpty() || !k.legalBasisUnlessShared(shared).isEmpty());
    }

    /**
     * Where a JP old-age lump sum's {@code JP_CONTRIBUTIONS} come from (docs/claims.md, "Old-age pension"), null without
     * that component. {@code LINDUNG}: only the JP contributions recorded in Lindung (billed and settled for the worker)
     * are paid back; contributions paid before Lindung's history began are not in it unless given as facts.
     * {@code FACTS}: the months given as facts (from {@code facts.contributionStart}, at the average wage), then the months
     * recorded in Lindung after them. Told apart by the component's own references: months computed from facts cite the
     * JP rates and wage caps they were computed with, months recorded in Lindung cite none.
     */
    @JsonProperty("jpContributionsBasis")
    public JpContributionsBasis jpContributionsBasis() {
        return components.stream().filter(c -> "JP_CONTRIBUTIONS".equals(c.code())).findFirst()
                .map(c -> c.references().stream().anyMatch(r -> r.parameter().startsWith("pu.jp."))
                        ? new JpContributionsBasis("FACTS", "The months given as facts (from facts.contributionStart, at the"
                                + " average wage), then the JP contributions recorded in Lindung after them")
                        : new JpContributionsBasis("LINDUNG", "Only the JP contributions recorded in Lindung (billed and paid"
                                + " through Lindung); contributions paid before Lindung's history began are not included:"
                                + " give them as facts (facts.contributionStart, facts.contributionMonths, facts.averageWage)"))
                .orElse(null);
    }

    /** {@link #jpContributionsBasis}: {@code source} LINDUNG or FACTS, and what it means in English (the page says it in its language). */
    public record JpContributionsBasis(String source, String note) {}

    /** One named policy's answer: {@code passed} false with a stable code when it refused or warned. */
    public record Decision(String code, boolean passed, String message, Effect effect) {}

    /** What a failed decision does. */
    public enum Effect {
        /** The case is not eligible (stored REJECTED only when asked, else refused with 422). */
        REFUSES_CASE,
        /** Shown, not refused: BPJS still decides (REPORTED_LATE). */
        WARNING,
        /** The case stands, the scholarship (or one child's) does not. */
        REFUSES_SCHOLARSHIP
    }

    /** One cash component as decided, with the regulation values it came from. */
    public record Component(String code, Rupiah amount, List<Reference> references) {

        /**
         * The component's legal bases for a reader, each regulation and article once: the references are one per value
         * used, and several values of a component usually rest on the same regulation (the case page showed "PP 44/2015
         * as amended by PP 82/2019" three times). A basis is unverified when any value resting on it is; its sources are
         * all of theirs. Not an API field: the answer keeps every reference with its parameter.
         */
        @JsonIgnore
        public List<Reference> legalBasis() {
            Map<List<String>, Reference> bases = new LinkedHashMap<>();
            for (Reference r : references) {
                bases.merge(Arrays.asList(r.regulation(), r.article()), r, (a, b) -> new Reference(null, a.regulation(), a.article(),
                        List.copyOf(new LinkedHashSet<>(Stream.concat(a.sources().stream(), b.sources().stream()).toList())),
                        a.verified() && b.verified(), null));
            }
            return List.copyOf(bases.values());
        }

        /** The component rests on a value the cited sources do not settle (the JP lump sum's returns rate). */
        @JsonIgnore
        public boolean unverified() {
            return references.stream().anyMatch(r -> !r.verified());
        }

        /** The component's legal basis, or nothing when it is {@code shared} (stated once for the components). */
        @JsonIgnore
        public List<Reference> legalBasisUnlessShared(List<Reference> shared) {
            List<Reference> basis = legalBasis();
            return !shared.isEmpty() && key(basis).equals(key(shared)) ? List.of() : basis;
        }

        /** What a reader sees of a basis: its regulation, article and verdict. */
        static List<List<Object>> key(List<Reference> basis) {
            return basis.stream().map(r -> Arrays.<Object>asList(r.regulation(), r.article(), r.verified())).toList();
        }
    }

    /**
     * One school year of one child.
     *
     * @param child      the child's name
     * @param childNo    the child's number on the case (1-based), as uploads name it
     * @param schoolYear "2025/2026" (the Indonesian school year starts in July)
     * @param level      the regulation table's row (TK_SD, SMP, SMA, UNIVERSITY), or FLAT before PP 82/2019
     */
    public record Scholarship(String child, int childNo, String schoolYear, String level, Rupiah amount,
                              ScholarshipStatus status, String stopReason, Payment payment) {}

    /** SCHEDULED (later, or waiting for the year's certificate), DUE (certificate in, case approved), PAID, STOPPED. */
    public enum ScholarshipStatus { SCHEDULED, DUE, PAID, STOPPED }

    /** An heir; {@code rank} 1 receives first (HeirRelationship); {@code recipient} true for those who receive. */
    public record Heir(int no, String name, String nik, HeirRelationship relationship, String bankAccount, int rank,
                       boolean recipient) {}

    /**
     * One line of the checklist, or an uploaded file of a type the checklist does not require. {@code child} and
     * {@code schoolYear} only for SCHOOL_CERTIFICATE.
     */
    public record Document(DocumentType type, boolean required, boolean present, Integer child, String schoolYear,
                           Long documentId, String fileName, String contentType, Long size, String sha256,
                           Instant uploadedAt, String uploadedBy) {}

    /** One step of the case: who moved it where, and when; {@code action} RECOMPUTED for an explicit recomputation. */
    public record HistoryEntry(ClaimStatus status, Instant at, String by, String reason, String action) {}

    /** A child for the scholarship; {@code marriedOn} or {@code employedOn} stop it (recorded on the child). */
    public record Child(int no, String name, LocalDate birthDate, SchoolLevel schoolLevel, LocalDate marriedOn,
                        LocalDate employedOn) {}

    /** A payment of the case or of a scholarship year; {@code heir} is the recipient's name (null: the worker). */
    public record Payment(String reference, LocalDate date, Rupiah amount, String heir, String recordedBy) {}

    /**
     * The JKK clock of PP 44/2015 Pasal 37 (RULES.md 4.2a): due {@code workingDays} working days (Monday to Friday)
     * after the file was complete, and {@code latePercentPerDay} of the total owed for each day after that until paid.
     * Null dates while the file is incomplete.
     */
    public record JkkClock(LocalDate fileCompleteOn, LocalDate dueOn, int workingDays, String latePercentPerDay,
                           LocalDate paidOn, long daysLate, Rupiah lateCompensation) {}
}
