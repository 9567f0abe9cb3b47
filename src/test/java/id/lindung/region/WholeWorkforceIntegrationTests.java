package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A region's potential workforce is whole (a ratio may divide by it) when it has its own figure, or when every region
 * directly below is whole, recursively down to the villages: not when each region directly below merely has some
 * figure beneath it (docs/coverage.md, "potential"). Kota Gorontalo (75.71: 9 districts, 50 villages) in a year no
 * other test uses.
 */
@IntegrationTest
class WholeWorkforceIntegrationTests {

    static final String REGENCY = "75.71";
    static final int YEAR = 2096;
    static final Actor ADMIN = TestUsers.actor("whole-admin", Role.ADMIN, "ID");

    @Autowired PotentialWorkforce workforce;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void removeFigures() {
        jdbc.sql("delete from potential_workforce where year = ?").param(YEAR).update();
    }

    /** The active villages of the regency, by district, in code order. */
    Map<String, List<String>> villagesByDistrict() {
        return jdbc.sql("select code from region_area where level = 'VILLAGE' and active and code >= ? and code < ? order by code")
                .param(REGENCY).param(REGENCY + "/").query(String.class).list().stream()
                .collect(Collectors.groupingBy(c -> c.substring(0, 8), java.util.TreeMap::new, Collectors.toList()));
    }

    void importFigures(Map<String, Long> figures) {
        StringBuilder csv = new StringBuilder("region_code,year,potential_workers,source\n");
        figures.forEach((code, n) -> csv.append(code).append(',').append(YEAR).append(',').append(n).append(",BPS Podes\n"));
        CurrentActor.runAs(ADMIN, () -> workforce.importCsv(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), ADMIN, false));
    }

    WholeWorkforce whole(String code) {
        return workforce.whole(List.of(code), YEAR).get(code);
    }

    @Test
    void oneVillageWithoutAFigureDeepDownLeavesItsDistrictRegencyAndProvinceWithoutAWholeFigure() {
        Map<String, List<String>> byDistrict = villagesByDistrict();
        assertThat(byDistrict).hasSize(9);
        String lastDistrict = ((java.util.TreeMap<String, List<String>>) byDistrict).lastKey();
        List<String> itsVillages = byDistrict.get(lastDistrict);
        String missing = itsVillages.get(itsVillages.size() - 1);
        Map<String, Long> figures = new java.util.TreeMap<>();
        byDistrict.values().forEach(vs -> vs.forEach(v -> figures.put(v, 100L + v.hashCode() % 50)));
        long all = figures.values().stream().mapToLong(Long::longValue).sum();
        figures.remove(missing);
        importFigures(figures);

        // every district has a figure beneath it, so judged one level down the regency looked whole
        assertThat(whole(lastDistrict)).extracting(WholeWorkforce::status, WholeWorkforce::workers, WholeWorkforce::below,
                WholeWorkforce::belowWhole).containsExactly(WholeWorkforce.Status.PARTIAL, null, itsVillages.size(), itsVillages.size() - 1);
        assertThat(whole(REGENCY)).extracting(WholeWorkforce::status, WholeWorkforce::workers, WholeWorkforce::below,
                WholeWorkforce::belowWhole).containsExactly(WholeWorkforce.Status.PARTIAL, null, 9, 8);
        assertThat(whole("75").status()).isEqualTo(WholeWorkforce.Status.PARTIAL);
        assertThat(whole(byDistrict.keySet().iterator().next()).status()).isEqualTo(WholeWorkforce.Status.SUM_OF_CHILDREN);
        assertThat(whole(missing).status()).isEqualTo(WholeWorkforce.Status.MISSING);
        // the region list still shows the sum, marked as not whole although all 9 districts are in it
        WorkforceFigure shown = workforce.figure(REGENCY, YEAR).orElseThrow();
        assertThat(shown.childrenCounted()).isEqualTo(9);
        assertThat(shown.whole()).isFalse();

        importFigures(Map.of(missing, all - figures.values().stream().mapToLong(Long::longValue).sum()));

        assertThat(whole(REGENCY)).extracting(WholeWorkforce::status, WholeWorkforce::workers, WholeWorkforce::belowWhole)
                .containsExactly(WholeWorkforce.Status.SUM_OF_CHILDREN, all, 9);
        assertThat(workforce.figure(REGENCY, YEAR).orElseThrow().whole()).isTrue();
        assertThat(whole("75").status()).as("the province's other regencies have none").isEqualTo(WholeWorkforce.Status.PARTIAL);
        assertThat(whole("ID").status()).isEqualTo(WholeWorkforce.Status.PARTIAL);
    }

    @Test
    void aRegionsOwnFigureIsWholeWhateverLiesBeneathAndStandsForAllItsVillages() {
        importFigures(Map.of(REGENCY, 90_000L));
        assertThat(whole(REGENCY)).extracting(WholeWorkforce::status, WholeWorkforce::workers)
                .containsExactly(WholeWorkforce.Status.OWN, 90_000L);
        String firstDistrict = villagesByDistrict().keySet().iterator().next();
        assertThat(whole(firstDistrict).status()).as("nothing imported below the regency").isEqualTo(WholeWorkforce.Status.MISSING);
        removeFigures();

        // one district by its own figure, every other by its villages: whole, the sum of the topmost figures
        Map<String, Long> figures = new java.util.TreeMap<>();
        villagesByDistrict().forEach((district, villages) -> {
            if (district.equals(firstDistrict)) {
                figures.put(district, 5_000L);
            } else {
                villages.forEach(v -> figures.put(v, 200L));
            }
        });
        importFigures(figures);
        long expected = figures.values().stream().mapToLong(Long::longValue).sum();
        assertThat(whole(REGENCY)).extracting(WholeWorkforce::status, WholeWorkforce::workers)
                .containsExactly(WholeWorkforce.Status.SUM_OF_CHILDREN, expected);
        assertThat(whole(firstDistrict).status()).isEqualTo(WholeWorkforce.Status.OWN);
    }

    @Test
    void aRemovedFigureTakesTheWholenessAboveItAway() {
        Map<String, Long> figures = new java.util.TreeMap<>();
        villagesByDistrict().values().forEach(vs -> vs.forEach(v -> figures.put(v, 300L)));
        importFigures(figures);
        assertThat(whole(REGENCY).whole()).isTrue();
        jdbc.sql("delete from potential_workforce where region_code = ? and year = ?").param(figures.keySet().iterator().next())
                .param(YEAR).update();
        assertThat(whole(REGENCY).status()).isEqualTo(WholeWorkforce.Status.PARTIAL);
    }
}
