package id.lindung.registry;

/** Why a membership term ended. CHANGED and TRANSFERRED are set by the registry itself. */
public enum EndReason {
    DECEASED, RESIGNED, END_OF_TERM, LAPSED, TRANSFERRED, CHANGED, OTHER;

    /**
     * True when a term ending for this reason is continued by a successor term of the same worker and programme from
     * its end date (its terms changed, or the worker moved to another village). Published to other modules as
     * {@code registry_membership_term.continued} (V53), which must say the same.
     */
    public boolean continued() {
        return this == CHANGED || this == TRANSFERRED;
    }
}
