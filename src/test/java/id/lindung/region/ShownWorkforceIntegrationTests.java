package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The figure /wilayah and the dashboard's source line show for a region (its own, else the sum of the topmost figures
 * beneath it, from how many regions directly below, their sources, demo or not, whole or not) is kept per region and
 * year (V183) so that a page reads its regions by key instead of every figure beneath them. The kept answer must equal
 * the one counted directly from the figures and the region list, after imports, changes, removals and region changes
 * (a village retired, a village moved to another district). Regencies 12.73 (4 districts, 17 villages) and 12.74, in a
 * year no other test uses.
 */
@IntegrationTest
class ShownWorkforceIntegrationTests {

    static final int YEAR = 2093;
    static final String REGENCY = "12.73";
    static final String OTHER_REGENCY = "12.74";
    static final Actor ADMIN = TestUsers.actor("shown-admin", Role.ADMIN, "ID");

    @Autowired PotentialWorkforce workforce;
    @Autowired RegionBrowser browser;
    @Autowired JdbcClient jdbc;

    @AfterEach
    void removeFigures() {
        jdbc.sql("delete from potential_workforce where year = ?").param(YEAR).update();
    }

    @Test
    void theKeptFigureOfEveryRegionEqualsTheDirectSumAfterImportsChangesAndRegionChanges() {
        Map<String, List<String>> byDistrict = villagesByDistrict();
        assertThat(byDistrict).hasSize(4);
        List<String> districts = new ArrayList<>(byDistrict.keySet());
        List<String> whole = byDistrict.get(districts.get(0));
        List<String> underOwn = byDistrict.get(districts.get(1));
        List<String> partial = byDistrict.get(districts.get(2));

        Map<String, String> figures = new LinkedHashMap<>();
        whole.forEach(v -> figures.put(v, 100 + Math.floorMod(v.hashCode(), 50) + ",BPS Podes"));
        figures.put(districts.get(1), "5000,Dukcapil");
        figures.put(underOwn.get(0), "70,BPS Podes");     // beneath the district's own figure: not counted above it
        figures.put(partial.get(0), "40,Sensus Desa");
        figures.put(OTHER_REGENCY, "90000,BPS Sakernas");
        importFigures(figures, false);
        importFigures(Map.of(partial.get(1), "60,Contoh"), true);
        assertKeptEqualsDirect("after the imports");

        // changed figures and sources, a removed figure
        importFigures(Map.of(whole.get(0), "999,BPS Sakernas", districts.get(1), "4000,Dukcapil 2"), false);
        jdbc.sql("delete from potential_workforce where region_code = ? and year = ?").param(partial.get(0)).param(YEAR).update();
        assertKeptEqualsDirect("after a change and a removal");

        // a retired village no longer counts above it: its district is not whole either (V180) and the sum shown says so
        String retired = whole.get(whole.size() - 1);
        String moved = partial.get(1);
        String movedFrom = districts.get(2);
        String movedTo = districts.get(3);
        try {
            jdbc.sql("update region set active = false where code = ?").param(retired).update();
            assertKeptEqualsDirect("after a village was retired");
            jdbc.sql("update region set parent_code = ? where code = ?").param(movedTo).param(moved).update();
            assertKeptEqualsDirect("after a village moved to another district");
            assertThat(workforce.figure(movedTo, YEAR)).as("the moved village's figure counts in its new district")
                    .get().extracting(WorkforceFigure::workers).isEqualTo(60L);
        } finally {
            jdbc.sql("update region set parent_code = ? where code = ?").param(movedFrom).param(moved).update();
            jdbc.sql("update region set active = true where code = ?").param(retired).update();
        }
        assertKeptEqualsDirect("after both region changes were undone");

        // the browser reads the same figures, and the latest year of a region is the year of the figures beneath it
        var page = browser.children(REGENCY, RegionScope.NATIONAL, YEAR, 0, 100);
        page.items().forEach(r -> assertThat(r.potentialWorkforce()).as(r.code())
                .isEqualTo(direct(r.code()).map(WorkforceFigure::workers).orElse(null)));
        assertThat(workforce.latestYear(REGENCY)).contains(YEAR);
        assertThat(workforce.figure(REGENCY, null)).isEqualTo(direct(REGENCY));
    }

    /** Every region of both regencies, their province and the nation: kept figure = direct figure, field by field. */
    void assertKeptEqualsDirect(String when) {
        List<String> codes = new ArrayList<>(List.of(RegionScope.NATIONAL_CODE, "12", REGENCY, OTHER_REGENCY));
        codes.addAll(jdbc.sql("select code from region where code >= ? and code < ? or code >= ? and code < ? order by code")
                .param(REGENCY + ".").param(REGENCY + "/").param(OTHER_REGENCY + ".").param(OTHER_REGENCY + "/")
                .query(String.class).list());
        Map<String, WorkforceFigure> kept = workforce.figures(codes, YEAR);
        for (String code : codes) {
            assertThat(Optional.ofNullable(kept.get(code))).as(when + ": " + code).isEqualTo(direct(code));
            assertThat(workforce.figure(code, YEAR)).as(when + ": " + code + " alone").isEqualTo(direct(code));
        }
    }

    /**
     * The figure counted directly from the figures and the region list: the region's own; else every figure beneath
     * it (by the regions' parents) reached through active regions with no own figure in between, summed, with the
     * regions directly below they come through, their sources sorted, demo when any is; whole when its own, or when
     * every active region directly below is whole, recursively. Every figure of the year lies in province 12.
     */
    Optional<WorkforceFigure> direct(String target) {
        Map<String, Object[]> own = new HashMap<>();
        jdbc.sql("select region_code, potential_workers, source, demo from potential_workforce where year = ?").param(YEAR)
                .query((rs, n) -> own.put(rs.getString(1), new Object[] {rs.getLong(2), rs.getString(3), rs.getBoolean(4)}))
                .list();
        Map<String, String> parent = new HashMap<>();
        Map<String, Boolean> active = new HashMap<>();
        jdbc.sql("select code, parent_code, active from region where code >= '12' and code < '12/'")
                .query((rs, n) -> {
                    parent.put(rs.getString(1), rs.getString(2));
                    return active.put(rs.getString(1), rs.getBoolean(3));
                }).list();
        Object[] mine = own.get(target);
        if (mine != null) {
            return Optional.of(new WorkforceFigure(target, YEAR, (Long) mine[0], (String) mine[1], false, (Boolean) mine[2]));
        }
        boolean nation = RegionScope.NATIONAL_CODE.equals(target);
        long sum = 0;
        boolean demo = false;
        Set<String> sources = new TreeSet<>();
        Set<String> through = new TreeSet<>();
        for (var f : own.entrySet()) {
            List<String> path = pathUp(f.getKey(), target, parent);
            if (path != null && path.stream().allMatch(active::get) && path.stream().skip(1).noneMatch(own::containsKey)) {
                sum += (Long) f.getValue()[0];
                sources.add((String) f.getValue()[1]);
                demo |= (Boolean) f.getValue()[2];
                through.add(path.get(path.size() - 1));
            }
        }
        if (through.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new WorkforceFigure(target, YEAR, sum, String.join("; ", sources), true, demo, through.size(),
                wholeDirect(target, own.keySet(), parent)));
    }

    /** The regions from {@code code} up to (not including) {@code target} by their parents; null when not beneath it. */
    static List<String> pathUp(String code, String target, Map<String, String> parent) {
        List<String> path = new ArrayList<>();
        for (String at = code; at != null; at = parent.get(at)) {
            if (at.equals(target)) {
                return path;
            }
            path.add(at);
        }
        return RegionScope.NATIONAL_CODE.equals(target) ? path : null;
    }

    boolean wholeDirect(String code, Set<String> own, Map<String, String> parent) {
        if (own.contains(code)) {
            return true;
        }
        if (own.stream().noneMatch(c -> pathUp(c, code, parent) != null)) {
            return false;
        }
        List<String> children = RegionScope.NATIONAL_CODE.equals(code)
                ? jdbc.sql("select code from region where active and level = 'PROVINCE' order by code").query(String.class).list()
                : jdbc.sql("select code from region where active and parent_code = ? order by code").param(code).query(String.class).list();
        return !children.isEmpty() && children.stream().allMatch(c -> wholeDirect(c, own, parent));
    }

    Map<String, List<String>> villagesByDistrict() {
        Map<String, List<String>> result = new java.util.TreeMap<>();
        jdbc.sql("select parent_code, code from region where level = 'VILLAGE' and active and code >= ? and code < ? order by code")
                .param(REGENCY).param(REGENCY + "/")
                .query((rs, n) -> result.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2))).list();
        return result;
    }

    /** code → "workers,source" */
    void importFigures(Map<String, String> figures, boolean demo) {
        StringBuilder csv = new StringBuilder("region_code,year,potential_workers,source\n");
        figures.forEach((code, value) -> csv.append(code).append(',').append(YEAR).append(',').append(value).append('\n'));
        CurrentActor.runAs(ADMIN, () -> workforce.importCsv(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), ADMIN, demo));
    }
}
