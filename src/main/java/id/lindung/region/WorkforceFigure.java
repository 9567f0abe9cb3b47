package id.lindung.region;

/**
 * The potential workforce of a region in a year. When the region has no figure of its own it is the
 * sum of the figures below it ({@code rolledUp}, from {@code childrenCounted} of the regions directly below); {@code demo}
 * marks invented demonstration figures. {@code whole} says the figure is complete ({@link WholeWorkforce}): its own, or
 * a sum over every region beneath it down to the villages; a sum that is not whole is shown, never divided by.
 */
public record WorkforceFigure(String regionCode, int year, long workers, String source, boolean rolledUp, boolean demo,
                              int childrenCounted, boolean whole) {

    /** A region's own figure. */
    public WorkforceFigure(String regionCode, int year, long workers, String source, boolean rolledUp, boolean demo) {
        this(regionCode, year, workers, source, rolledUp, demo, 0, !rolledUp);
    }

    /** A sum of the figures beneath, from {@code childrenCounted} regions directly below; its wholeness not yet known. */
    public WorkforceFigure(String regionCode, int year, long workers, String source, boolean rolledUp, boolean demo,
                           int childrenCounted) {
        this(regionCode, year, workers, source, rolledUp, demo, childrenCounted, false);
    }
}
