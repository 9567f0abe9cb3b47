package id.lindung.claim;

import com.fasterxml.jackson.annotation.JsonProperty;
import id.lindung.benefit.JhtReason;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/** What callers send to {@link Claims}: the API's JSON bodies, also what the pages fill in. */
public final class ClaimRequests {

    private ClaimRequests() {}

    /**
     * Opening a case (only the fields the case type needs). {@code submitIfIneligible}: store a case the policies refuse,
     * as REJECTED with its codes, instead of refusing the request.
     */
    public record Open(String nik, @JsonProperty("case") ClaimType type, LocalDate incidentDate, LocalDate reportedOn,
                       Facts facts, List<ChildInput> children, List<HeirInput> heirs, ClaimedCosts claimedCosts,
                       BigDecimal percent, Integer months, Boolean submitIfIneligible) {

        public Open {
            submitIfIneligible = Boolean.TRUE.equals(submitIfIneligible);
            children = children == null ? List.of() : children;
            heirs = heirs == null ? List.of() : heirs;
        }
    }

    /**
     * Facts the registry does not hold, or overrides of what it holds. {@code wage}: default the wage (PU) or declared
     * income (BPU) of the programme's term on the incident date. JP: {@code contributionMonths} and
     * {@code averageWage} (default from the JP terms). JKP: {@code contributionMonths24}, {@code consecutiveMonths}
     * (default from the JKP terms). JHT: {@code jhtReason} (default DEATH for a death, else required),
     * {@code employmentEnd}, {@code contributionStart} and {@code contributionMonths} (default the JHT terms' months
     * and wages), {@code partialClaimed}. JKK_MEDICAL: {@code transportMode}.
     */
    public record Facts(BigDecimal wage, Integer contributionMonths, BigDecimal averageWage, Integer contributionMonths24,
                        Integer consecutiveMonths, JhtReason jhtReason, LocalDate employmentEnd, YearMonth contributionStart,
                        Boolean partialClaimed, TransportMode transportMode) {

        public static final Facts NONE = new Facts(null, null, null, null, null, null, null, null, null, null);
    }

    /** The transport of a work-accident victim; each mode has its ceiling in the regulation (jkk.transport.*.max). */
    public enum TransportMode { LAND, SEA, AIR }

    public record ChildInput(String name, LocalDate birthDate, SchoolLevel schoolLevel) {}

    public record HeirInput(String name, String nik, HeirRelationship relationship, String bankAccount) {}

    /** JKK_MEDICAL: care and transport costs as claimed (rupiah). */
    public record ClaimedCosts(BigDecimal medical, BigDecimal transport) {}

    /** A step of the workflow; {@code reason} required for REJECTED, {@code payment} for PAID. */
    public record Transition(ClaimStatus to, String reason, PaymentInput payment) {}

    /** A payment: {@code heir} is the recipient's NIK or name (must be a recipient of the case; empty: the worker). */
    public record PaymentInput(String reference, LocalDate date, BigDecimal amount, String heir) {}

    /** A scholarship year's payment; {@code child} is the child's number on the case (null: refused as REQUIRED). */
    public record ScholarshipPayment(Integer child, String schoolYear, PaymentInput payment) {}

    /** What stops a child's scholarship besides age 23, recorded on the child with its date. */
    public enum ChildStop { MARRIED, EMPLOYED }

    public record ChildStopInput(ChildStop stop, LocalDate on) {}

    /** An explicit recomputation with the regulation data as it is now; the reason is kept in the history and audit. */
    public record Recompute(String reason) {}

    /** The list's filters; null means any. {@code region} must lie in the caller's scope. */
    public record Filter(String region, ClaimStatus status, ClaimType type, Boolean overdue, int page, int size) {}
}
