package id.lindung.region;

/**
 * The potential workforce of a region in a year. When the region has no figure of its own it is the
 * sum of the figures below it ({@code rolledUp}, from {@code childrenCounted} of the regions directly below); {@code demo} marks invented demonstration figures.
 */
public record WorkforceFigure(String regionCode, int year, long workers, String source, boolean rolledUp, boolean demo,
                              int childrenCounted) {

    /** A region's own figure. */
    public WorkforceFigure(String regionCode, int year, long workers, String source, boolean rolledUp, boolean demo) {
        this(regionCode, year, workers, source, rolledUp, demo, 0);
    }
}
