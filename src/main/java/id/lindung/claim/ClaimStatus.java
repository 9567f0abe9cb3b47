package id.lindung.claim;

import java.util.EnumSet;
import java.util.Set;

/** Where a case stands. SUBMITTED → VERIFIED → APPROVED or REJECTED → PAID (an APPROVED case only). */
public enum ClaimStatus {
    SUBMITTED,
    VERIFIED,
    APPROVED,
    REJECTED,
    PAID;

    /** The steps allowed from this status; anything else is a conflict (409). */
    public Set<ClaimStatus> next() {
        return switch (this) {
            case SUBMITTED -> EnumSet.of(VERIFIED, REJECTED);
            case VERIFIED -> EnumSet.of(APPROVED, REJECTED);
            case APPROVED -> EnumSet.of(PAID);
            case REJECTED, PAID -> EnumSet.noneOf(ClaimStatus.class);
        };
    }

    public boolean canMoveTo(ClaimStatus to) {
        return next().contains(to);
    }

    /** Still waiting for someone (so it can be overdue). */
    public boolean open() {
        return this == SUBMITTED || this == VERIFIED || this == APPROVED;
    }
}
