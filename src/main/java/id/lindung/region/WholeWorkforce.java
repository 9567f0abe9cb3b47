package id.lindung.region;

/**
 * The potential workforce a coverage ratio divides by, for one region (or the nation, {@code ID}) and year: the one
 * definition coverage and budget share (docs/coverage.md, "potential"). A region is whole when it has its own figure,
 * or when every active region directly below it is whole, recursively; a sum over only some of them would overstate
 * the ratio, so then there is no figure.
 *
 * @param workers    the whole figure; null unless {@link Status#OWN} or {@link Status#SUM_OF_CHILDREN}
 * @param below      active regions directly below (provinces for the nation); 0 for a village or a region without figures
 * @param belowWhole how many of them are whole: for PARTIAL, the page names how many are not
 */
public record WholeWorkforce(String regionCode, int year, Long workers, Status status, int below, int belowWhole) {

    /** How the region's figure stands in the year. */
    public enum Status {
        /** Its own imported figure. */
        OWN,
        /** No own figure, but every region directly below is whole: their sum. */
        SUM_OF_CHILDREN,
        /** Figures at or below some regions beneath, not all: no figure. */
        PARTIAL,
        /** No figure at or beneath the region. */
        MISSING
    }

    static WholeWorkforce missing(String regionCode, int year) {
        return new WholeWorkforce(regionCode, year, null, Status.MISSING, 0, 0);
    }

    /** True when there is a figure to divide by (it may still be 0). */
    public boolean whole() {
        return workers != null;
    }
}
