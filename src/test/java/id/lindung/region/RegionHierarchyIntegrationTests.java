package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.RegionScope;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.platform.NotFoundException;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@IntegrationTest
class RegionHierarchyIntegrationTests {

    @Autowired Regions regions;
    @Autowired RegionBrowser browser;
    @Autowired UserAccounts accounts;
    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;

    @Test
    void theOfficialListIsLoadedWithExactCounts() {
        Map<String, Long> counts = new java.util.HashMap<>();
        jdbc.sql("select level, count(*) from region where active group by level")
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        assertThat(counts).containsEntry("PROVINCE", 38L).containsEntry("REGENCY", 514L)
                .containsEntry("DISTRICT", 7_285L).containsEntry("VILLAGE", 83_762L);
    }

    @Test
    void desaAndKelurahanAreToldApartByTheFourthSegment() {
        assertThat(regions.lookup("64.02.03.2007").orElseThrow().kind()).isEqualTo(RegionKind.DESA);
        Region kelurahan = regions.lookup("62.71.01.1001").orElseThrow();
        assertThat(kelurahan.kind()).isEqualTo(RegionKind.KELURAHAN);
        assertThat(kelurahan.isDesa()).isFalse();
        long mismatched = jdbc.sql("""
                select count(*) from region where level = 'VILLAGE'
                  and kind <> case substr(code, 10, 1) when '1' then 'KELURAHAN' else 'DESA' end""")
                .query(Long.class).single();
        assertThat(mismatched).isZero();
    }

    @Test
    void childrenOfKnownCodesArePagedInCodeOrder() {
        var provinces = regions.provinces(RegionScope.NATIONAL, 0, 100);
        assertThat(provinces.total()).isEqualTo(38);
        assertThat(provinces.items().get(0).code()).isEqualTo("11");
        var loaJanan = regions.children("64.02.03", RegionScope.NATIONAL, 0, 100);
        assertThat(loaJanan.items()).extracting(Region::code).contains("64.02.03.2007");
        assertThat(loaJanan.items()).extracting(Region::parentCode).containsOnly("64.02.03");
        var kalselPage = regions.children("63", RegionScope.NATIONAL, 1, 5);
        assertThat(kalselPage.total()).isEqualTo(13);
        assertThat(kalselPage.items()).hasSize(5);
        assertThat(kalselPage.items().get(0).code()).isEqualTo("63.06");
    }

    @Test
    void ancestorsFormTheBreadcrumb() {
        assertThat(regions.ancestors("64.02.03.2007", RegionScope.NATIONAL))
                .extracting(Region::name)
                .containsExactly("Kalimantan Timur", "Kabupaten Kutai Kartanegara", "Loa Janan", "Loa Duri Ilir");
    }

    /** GET /regions/{code}/ancestors answered childCount 0 for every region of the breadcrumb, a province included. */
    @Test
    void theBreadcrumbsRegionsCarryTheirChildCountsAsTheRegionItselfDoes() {
        Http api = Http.withToken(port, TestUsers.token(accounts, "crumbs-admin", Role.ADMIN, "ID"));
        var response = api.get("/api/v1/regions/64.02.03.2007/ancestors");
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode crumbs = JsonMapper.builder().build().readTree(response.body());
        assertThat(crumbs).hasSize(4);
        for (JsonNode crumb : crumbs) {
            String code = crumb.get("code").asString();
            assertThat(crumb.get("childCount").asInt()).as(code).isEqualTo(browser.view(code, RegionScope.NATIONAL, null).childCount());
        }
        assertThat(crumbs.get(0).get("childCount").asInt()).as("Kalimantan Timur has regencies").isPositive();
        assertThat(crumbs.get(3).get("kind").asString()).isEqualTo("DESA");
        assertThat(crumbs.get(0).get("kind").isNull()).isTrue();
    }

    @Test
    void searchFindsAVillageByPartOfItsNameWithinTheScopeOnly() {
        assertThat(regions.search("duri ilir", RegionScope.NATIONAL, 20))
                .extracting(m -> m.region().code()).contains("64.02.03.2007");
        assertThat(regions.search("duri ilir", RegionScope.of("63"), 20)).isEmpty();
        var hit = regions.search("Loa Duri Ilir", RegionScope.of("64.02"), 5).get(0);
        assertThat(hit.path()).isEqualTo("Loa Janan, Kabupaten Kutai Kartanegara, Kalimantan Timur");
    }

    @Test
    void aRegionOutsideTheScopeIsNotFoundButItsAncestorsAreNamed() {
        RegionScope village = RegionScope.of("64.02.03.2007");
        assertThatThrownBy(() -> regions.get("64.02.03.2008", village)).isInstanceOf(NotFoundException.class);
        assertThat(regions.get("64.02", village).name()).isEqualTo("Kabupaten Kutai Kartanegara");
        assertThat(regions.children("64.02.03", village, 0, 100).items())
                .extracting(Region::code).containsExactly("64.02.03.2007");
    }

    @Test
    void everythingUnderACodeIsOneIndexRange() {
        String plan = String.join("\n", jdbc.sql("""
                explain select count(*) from region where code >= '64.02' and code < '64.02/'""")
                .query(String.class).list());
        assertThat(plan).containsAnyOf("Index Only Scan", "Index Scan", "Bitmap Index Scan");
        long under = jdbc.sql("select count(*) from region where code >= '64.02' and code < '64.02/' and level = 'VILLAGE'")
                .query(Long.class).single();
        long byParent = jdbc.sql("select count(*) from region where level = 'VILLAGE' and code like '64.02.%'")
                .query(Long.class).single();
        assertThat(under).isEqualTo(byParent).isGreaterThan(200);
    }
}
