package id.lindung.region;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A region as the API shows it. {@code potentialWorkforce} is the figure for {@code workforceYear}
 * (the latest year with data unless a year was asked for); {@code workforceRolledUp} says it is the sum
 * of the figures below because the region has none of its own.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record RegionView(String code, String name, RegionLevel level, RegionKind kind, String parent, int childCount,
                         Long potentialWorkforce, Integer workforceYear, String workforceSource,
                         Boolean workforceRolledUp, Boolean workforceDemo) {

    static RegionView of(Region r, int childCount, WorkforceFigure f) {
        RegionKind villageKind = r.level() == RegionLevel.VILLAGE ? r.kind() : null;
        return new RegionView(r.code(), r.name(), r.level(), villageKind, r.parentCode(), childCount,
                f == null ? null : f.workers(), f == null ? null : f.year(), f == null ? null : f.source(),
                f == null ? null : f.rolledUp(), f == null ? null : f.demo());
    }
}
