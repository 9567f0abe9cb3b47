package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The village field of the registration form as a new district officer meets it: they know the village's name, not its
 * code, and the example in the field is never a village of another area. Reads the region list only.
 */
@IntegrationTest
class WorkerFormVillageFieldIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aRegencyOfficerPicksTheVillageByNameFromTheVillagesOfTheirArea() {
        String page = RegistryFixture.browser(port, accounts, "village-field-dpmd", Role.DPMD, "63.04").get("/pekerja/baru").body();
        assertThat(page).contains("list=\"village-list\"").contains("<datalist id=\"village-list\">")
                .contains("<option value=\"63.04.01.2001\" label=\"Kuala Lupak, Tabunganen\">")
                .contains("placeholder=\"63.04.01.2001\"")
                .contains("Ketik nama atau kode desa/kelurahan dalam wilayah Anda (63.04)")
                .as("only the area's villages").doesNotContain("value=\"63.05.").doesNotContain("value=\"64.02.");
    }

    @Test
    void aProvinceOfficerIsShownTheShapeOfACodeOfTheirProvinceAndWhereToLookItUp() {
        String page = RegistryFixture.browser(port, accounts, "village-field-province", Role.DPMD, "63").get("/pekerja/baru").body();
        assertThat(page).doesNotContain("<datalist id=\"village-list\">")
                .contains("placeholder=\"63.__.__.____\"").doesNotContain("placeholder=\"63.04.01.2001\"")
                .contains("href=\"/wilayah/63\"");
        String english = RegistryFixture.browser(port, accounts, "village-field-province-en", Role.DPMD, "63")
                .get("/pekerja/baru?lang=en").body();
        assertThat(english).contains("Look it up under Regions");
    }
}
