package id.lindung.benefit;

/** Why a JHT balance is paid (RULES.md 4.4, Permenaker 4/2022). */
public enum JhtReason {
    /** The participant reached the JHT age (56): full balance. */
    AGE_56,
    /** Resignation, after the waiting month from the last day of work: full balance. */
    RESIGNATION,
    /** Dismissal (PHK), after the waiting month from the last day of work: full balance. */
    DISMISSAL,
    /** Leaving Indonesia for good: full balance. */
    LEAVING_INDONESIA,
    /** Total permanent disability: full balance. */
    TOTAL_DISABILITY,
    /** Death: full balance to the heirs. */
    DEATH,
    /** Partial claim to prepare for retirement (at most 10%), once, after 10 years of membership. */
    PARTIAL_RETIREMENT,
    /** Partial claim for housing (at most 30%), once, after 10 years of membership. */
    PARTIAL_HOUSING;

    public boolean partial() {
        return this == PARTIAL_RETIREMENT || this == PARTIAL_HOUSING;
    }
}
