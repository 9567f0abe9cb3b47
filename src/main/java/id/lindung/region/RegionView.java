package id.lindung.region;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A region as the API shows it. {@code potentialWorkforce} is the figure for {@code workforceYear}
 * (the latest year with data unless a year was asked for); {@code workforceRolledUp} says it is the sum
 * of the figures below because the region has none of its own, and {@code workforceChildrenCounted} how many of the
 * {@code childCount} regions directly below have a figure in that sum; {@code workforceWhole} says the figure is complete
 * (its own, or every region beneath has one down to the villages: {@link WholeWorkforce}), else the sum is only shown.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RegionView(String code, String name, RegionLevel level, RegionKind kind, String parent, int childCount,
                         Long potentialWorkforce, Integer workforceYear, String workforceSource,
                         Boolean workforceRolledUp, Boolean workforceDemo, Integer workforceChildrenCounted,
                         Boolean workforceWhole) {

    /**
     * True when the figure is a sum that is not whole ({@link WholeWorkforce}): over only some of the regions directly
     * below, or over all of them while some region further down has none.
     */
    public boolean workforcePartial() {
        return Boolean.TRUE.equals(workforceRolledUp) && !Boolean.TRUE.equals(workforceWhole);
    }

    /** True when the sum is not whole although every region directly below has a figure in it: a gap further down. */
    public boolean workforcePartialFurtherDown() {
        return workforcePartial() && workforceChildrenCounted != null && workforceChildrenCounted >= childCount;
    }

    static RegionView of(Region r, int childCount, WorkforceFigure f) {
        RegionKind villageKind = r.level() == RegionLevel.VILLAGE ? r.kind() : null;
        return new RegionView(r.code(), r.name(), r.level(), villageKind, r.parentCode(), childCount,
                f == null ? null : f.workers(), f == null ? null : f.year(), f == null ? null : f.source(),
                f == null ? null : f.rolledUp(), f == null ? null : f.demo(),
                f == null || !f.rolledUp() ? null : f.childrenCounted(), f == null ? null : f.whole());
    }
}
