package id.lindung.claim;

/**
 * An heir's relationship to the worker, ranked by PP 44/2015 Pasal 37 (RULES.md 4.2a): the widow, widower or children
 * first; then blood relatives in the direct line to the second degree; siblings; parents-in-law; whoever the will
 * names. The funeral arranger receives only the funeral costs, and only when there is no heir.
 */
public enum HeirRelationship {
    SPOUSE(1),
    CHILD(1),
    PARENT(2),
    GRANDPARENT(2),
    GRANDCHILD(2),
    SIBLING(3),
    PARENT_IN_LAW(4),
    WILL(5),
    FUNERAL_ARRANGER(6);

    private final int rank;

    HeirRelationship(int rank) {
        this.rank = rank;
    }

    /** 1 receives first; a higher rank receives only when no heir of a lower rank exists. */
    public int rank() {
        return rank;
    }

    /** An heir in the sense of the law (everyone but the funeral arranger). */
    public boolean heir() {
        return this != FUNERAL_ARRANGER;
    }
}
