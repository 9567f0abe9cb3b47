package id.lindung.budget;

import id.lindung.access.RegionScope;
import id.lindung.region.PotentialWorkforce;
import id.lindung.region.WholeWorkforce;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The potential workforce a budget's coverage ratio divides by: the region module's whole figure
 * ({@link WholeWorkforce}, the one definition coverage uses too: a region's own figure, or the sum beneath it only when
 * every region beneath it has one, down to the villages). A figure of 0 divides nothing, so it counts as none.
 */
@Component
class AreaWorkforce {

    private final PotentialWorkforce workforce;

    AreaWorkforce(PotentialWorkforce workforce) {
        this.workforce = workforce;
    }

    /** The whole figure of a region (or of the nation, {@code ID}) in the latest year with figures, if any. */
    Optional<Long> of(String code) {
        return workforce.latestWhole(code).map(WholeWorkforce::workers).filter(w -> w > 0);
    }

    /**
     * The whole figures of {@code codes} (regions, or {@code ID}) counted inside the area {@code within}, in {@code year};
     * codes without one are left out. A code above the area (a province row of a what-if narrowed to a regency) counts
     * only the area's people, so it takes the area's figure.
     */
    Map<String, Long> of(RegionScope within, Collection<String> codes, int year) {
        Map<String, WholeWorkforce> figures = workforce.whole(java.util.stream.Stream.concat(codes.stream(), java.util.stream.Stream.of(within.code()))
                .distinct().toList(), year);
        Map<String, Long> whole = new HashMap<>();
        for (String code : codes) {
            WholeWorkforce w = figures.get(within.covers(code) ? code : within.code());
            if (w.whole() && w.workers() > 0) {
                whole.put(code, w.workers());
            }
        }
        return whole;
    }
}
