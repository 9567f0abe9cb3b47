package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.budget.WhatIf;
import id.lindung.region.PotentialWorkforce;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Coverage and budget divide by one definition of a whole potential workforce (region.WholeWorkforce): with one village
 * of Kabupaten Boalemo (75.02: 7 districts, 82 villages) without a figure, neither the dashboard nor the what-if gives
 * the regency a ratio, and both say why; with it, both divide by the same sum.
 */
@IntegrationTest
class WholePotentialIntegrationTests {

    static final String REGENCY = "75.02";
    static final LocalDate ON = LocalDate.of(2026, 6, 1);
    static final Actor ADMIN = TestUsers.actor("whole-cov-admin", Role.ADMIN, "ID");

    @LocalServerPort int port;
    @Autowired CoverageIndicators indicators;
    @Autowired WhatIf whatIf;
    @Autowired PotentialWorkforce workforce;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    void importFigures(List<String> villages) {
        StringBuilder csv = new StringBuilder("region_code,year,potential_workers,source\n");
        villages.forEach(v -> csv.append(v).append(",2026,500,BPS Podes\n"));
        CurrentActor.runAs(ADMIN, () -> workforce.importCsv(
                new ByteArrayInputStream(csv.toString().getBytes(StandardCharsets.UTF_8)), ADMIN, false));
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> whatIfRegency() {
        Map<String, Object> r = whatIf.run(new WhatIf.Policy(null, true, 8, null, 0, null, null, null, REGENCY), ADMIN);
        return ((List<Map<String, Object>>) r.get("regencies")).get(0);
    }

    @Test
    void oneVillageWithoutAFigureDeepDownLeavesTheRegencyWithoutARatioInCoverageAndBudgetAlike() {
        List<String> villages = jdbc.sql("select code from region_area where level = 'VILLAGE' and active and code >= ? and code < ? order by code")
                .param(REGENCY).param(REGENCY + "/").query(String.class).list();
        String missing = villages.get(villages.size() - 1);
        try {
            importFigures(villages.subList(0, villages.size() - 1));

            Coverage regency = CurrentActor.runAs(ADMIN, () -> indicators.of(REGENCY, ON));
            assertThat(regency.potentialStatus()).isEqualTo("PARTIAL");
            assertThat(regency.potential()).isNull();
            assertThat(regency.ratio()).isNull();
            assertThat(regency.potentialBelow()).isEqualTo(new Coverage.PotentialBelow(7, 6));
            Coverage district = CurrentActor.runAs(ADMIN, () -> indicators.children(REGENCY, ON)).stream()
                    .filter(c -> missing.startsWith(c.region() + ".")).findFirst().orElseThrow();
            assertThat(district.potentialStatus()).isEqualTo("PARTIAL");
            assertThat(whatIfRegency().get("potentialWorkforce")).isNull();
            assertThat(whatIfRegency().get("coverageRatio")).isNull();
            String api = Http.withToken(port, TestUsers.token(accounts, "whole-dpmd", Role.DPMD, REGENCY))
                    .get("/api/v1/coverage?region=" + REGENCY + "&date=" + ON, "application/json").body();
            assertThat(api).contains("\"potentialStatus\":\"PARTIAL\",\"potentialBelow\":{\"regions\":7,\"whole\":6}")
                    .contains("\"ratio\":null");
            String page = Http.withToken(port, TestUsers.token(accounts, "whole-dpmd", Role.DPMD, REGENCY))
                    .get("/cakupan?region=" + REGENCY + "&date=" + ON + "&lang=id", "text/html").body();
            assertThat(page).contains("Data potensi belum lengkap")
                    .contains("1 dari 7 wilayah tepat di bawahnya belum punya angka potensi yang lengkap.");

            importFigures(List.of(missing));

            Coverage whole = CurrentActor.runAs(ADMIN, () -> indicators.of(REGENCY, ON));
            assertThat(whole.potentialStatus()).isEqualTo("SUM_OF_CHILDREN");
            assertThat(whole.potential()).isEqualTo(500L * villages.size());
            assertThat(whole.ratio()).isNotNull();
            assertThat(whatIfRegency().get("potentialWorkforce")).isEqualTo(whole.potential());
        } finally {
            jdbc.sql("delete from potential_workforce where year = 2026 and region_code >= ? and region_code < ?")
                    .param(REGENCY).param(REGENCY + "/").update();
        }
    }
}
