package id.lindung.region;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A region as the API shows it. {@code potentialWorkforce} is the figure for {@code workforceYear}
 * (the latest year with data unless a year was asked for); {@code workforceRolledUp} says it is the sum
 * of the figures below because the region has none of its own, and {@code workforceChildrenCounted} how many of the
 * {@code childCount} regions directly below have a figure in that sum (fewer than all: the total is incomplete).
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RegionView(String code, String name, RegionLevel level, RegionKind kind, String parent, int childCount,
                         Long potentialWorkforce, Integer workforceYear, String workforceSource,
                         Boolean workforceRolledUp, Boolean workforceDemo, Integer workforceChildrenCounted) {

    /** True when the figure is a sum over only some of the regions directly below. */
    public boolean workforcePartial() {
        return Boolean.TRUE.equals(workforceRolledUp) && workforceChildrenCounted != null && workforceChildrenCounted < childCount;
    }

    static RegionView of(Region r, int childCount, WorkforceFigure f) {
        RegionKind villageKind = r.level() == RegionLevel.VILLAGE ? r.kind() : null;
        return new RegionView(r.code(), r.name(), r.level(), villageKind, r.parentCode(), childCount,
                f == null ? null : f.workers(), f == null ? null : f.year(), f == null ? null : f.source(),
                f == null ? null : f.rolledUp(), f == null ? null : f.demo(),
                f == null || !f.rolledUp() ? null : f.childrenCounted());
    }
}
