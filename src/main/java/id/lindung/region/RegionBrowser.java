package id.lindung.region;

import id.lindung.access.RegionScope;
import id.lindung.platform.Page;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Regions with child counts and workforce figures, as the API and the browser show them. */
@Service
public class RegionBrowser {

    private final Regions regions;
    private final PotentialWorkforce workforce;
    private final JdbcClient jdbc;

    RegionBrowser(Regions regions, PotentialWorkforce workforce, JdbcClient jdbc) {
        this.regions = regions;
        this.workforce = workforce;
        this.jdbc = jdbc;
    }

    public RegionView view(String code, RegionScope scope, Integer year) {
        Region r = regions.get(code, scope);
        WorkforceFigure f = visibleFigure(r.code(), scope, year);
        return RegionView.of(r, regions.childCount(code), f);
    }

    /** Children of {@code code} (or the provinces when null), one page, each with its count and figure. */
    public Page<RegionView> children(String code, RegionScope scope, Integer year, int page, int size) {
        Page<Region> children = code == null ? regions.provinces(scope, page, size) : regions.children(code, scope, page, size);
        List<String> codes = children.items().stream().map(Region::code).toList();
        Map<String, Integer> counts = childCounts(codes);
        Integer y = year != null ? year : workforce.latestYear(code == null ? RegionScope.NATIONAL_CODE : code).orElse(null);
        Map<String, WorkforceFigure> figures = y == null ? Map.of() : workforce.figures(codes, y);
        return new Page<>(children.items().stream()
                .map(r -> RegionView.of(r, counts.getOrDefault(r.code(), 0),
                        scope.covers(r.code()) ? figures.get(r.code()) : null))
                .toList(), children.page(), children.size(), children.total());
    }

    /**
     * The breadcrumb: the regions above {@code code} and the region itself, each with its child count and, where the user
     * may open it, its figure (an ancestor above the user's scope is only named), as {@link #view} shows one region.
     */
    public List<RegionView> ancestors(String code, RegionScope scope, Integer year) {
        List<Region> chain = regions.ancestors(code, scope);
        Map<String, Integer> counts = childCounts(chain.stream().map(Region::code).toList());
        return chain.stream().map(r -> RegionView.of(r, counts.getOrDefault(r.code(), 0), visibleFigure(r.code(), scope, year))).toList();
    }

    /** Workforce figures only for regions the user may open, not for the ancestors they only see named. */
    private WorkforceFigure visibleFigure(String code, RegionScope scope, Integer year) {
        return scope.covers(code) ? workforce.figure(code, year).orElse(null) : null;
    }

    private Map<String, Integer> childCounts(List<String> codes) {
        Map<String, Integer> counts = new HashMap<>();
        if (!codes.isEmpty()) {
            jdbc.sql("select parent_code, count(*) from region where active and parent_code = any(:codes) group by parent_code")
                    .param("codes", codes.toArray(String[]::new))
                    .query((rs, n) -> counts.put(rs.getString(1), rs.getInt(2))).list();
        }
        return counts;
    }
}
