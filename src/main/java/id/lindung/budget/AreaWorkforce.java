package id.lindung.budget;

import id.lindung.access.RegionScope;
import id.lindung.region.PotentialWorkforce;
import id.lindung.region.WorkforceFigure;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The potential workforce a coverage ratio divides by: a region's own figure, or the sum of the figures beneath it only
 * when every region directly beneath it (inside the area asked) has one. A sum over 1 of a province's 10 regencies is no
 * province's workforce: a ratio of the whole province's people over it would be several times too high, so there is no
 * figure (the coverage module's PARTIAL, docs/coverage.md).
 */
@Component
class AreaWorkforce {

    private final PotentialWorkforce workforce;
    private final JdbcClient jdbc;

    AreaWorkforce(PotentialWorkforce workforce, JdbcClient jdbc) {
        this.workforce = workforce;
        this.jdbc = jdbc;
    }

    /** The latest whole figure of a region (or of the nation), if any. */
    Optional<Long> of(String code) {
        return workforce.latestYear(code).flatMap(y -> RegionScope.NATIONAL_CODE.equals(code) ? nation(y)
                : Optional.ofNullable(of(code, List.of(code), y).get(code)));
    }

    /** The nation's figure in {@code year}: the sum of every province's, when every province has a whole one. */
    Optional<Long> nation(int year) {
        List<String> provinces = jdbc.sql("select code from region_area where active and parent_code is null")
                .query(String.class).list();
        Map<String, Long> figures = of(RegionScope.NATIONAL_CODE, provinces, year);
        return provinces.isEmpty() || figures.size() < provinces.size() ? Optional.empty()
                : Optional.of(figures.values().stream().mapToLong(Long::longValue).sum());
    }

    /** The whole figures of {@code codes} (regions inside {@code within}, counted inside it) in {@code year}. */
    Map<String, Long> of(String within, Collection<String> codes, int year) {
        Map<String, WorkforceFigure> figures = workforce.figures(within, codes, year);
        RegionScope range = RegionScope.of(within);
        Map<String, Long> children = new HashMap<>();
        jdbc.sql("""
                select parent_code, count(*) from region_area
                where active and parent_code = any(:codes) and code >= :lo and code < :hi group by parent_code""")
                .param("codes", codes.toArray(String[]::new)).param("lo", range.lo()).param("hi", range.hi())
                .query((rs, n) -> children.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> whole = new HashMap<>();
        for (String code : codes) {
            WorkforceFigure f = figures.get(code);
            if (f != null && f.workers() > 0 && (!f.rolledUp() || f.childrenCounted() >= children.getOrDefault(code, 0L))) {
                whole.put(code, f.workers());
            }
        }
        return whole;
    }
}
