package id.lindung.claim;

/**
 * A child's schooling when the case opens. The regulation's scholarship table groups kindergarten and primary school
 * ({@code TK_SD}); {@code NONE} is a child below school age, whose scholarship starts on entering school.
 */
public enum SchoolLevel {
    NONE, TK, SD, SMP, SMA, UNIVERSITY;

    /** The level's row in the regulation's scholarship table (scholarship.&lt;row&gt;.perYear), null for NONE. */
    public String tableRow() {
        return switch (this) {
            case NONE -> null;
            case TK, SD -> "TK_SD";
            case SMP -> "SMP";
            case SMA -> "SMA";
            case UNIVERSITY -> "UNIVERSITY";
        };
    }
}
