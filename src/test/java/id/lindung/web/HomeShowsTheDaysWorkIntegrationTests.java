package id.lindung.web;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A village operator signing in for the first time lands on the home page: it names the everyday tasks and links to them,
 * where before it showed one number and "browse regions", with every task behind the phone's menu button.
 */
@IntegrationTest
class HomeShowsTheDaysWorkIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aVillageOperatorsHomeLinksToEveryEverydayTask() {
        Http operator = TestUsers.browser(port, accounts, "home-tasks-operator", Role.VILLAGE_OPERATOR, "62.02.07.2004");
        String home = operator.get("/").body();
        assertThat(home).contains("id=\"home-tasks\"").contains("Pekerjaan sehari-hari");
        for (String path : new String[] {"/pekerja", "/pekerja/baru", "/impor/pekerja", "/tagihan", "/pembayaran", "/klaim", "/anggaran"}) {
            assertThat(home).contains("<li><a href=\"" + path + "\"");
            assertThat(operator.get(path).statusCode()).as(path).isEqualTo(200);
        }
        assertThat(operator.get("/?lang=en").body()).contains("Everyday tasks").contains("Record a payment");
    }

    @Test
    void aReadOnlyRoleIsOfferedNoTaskItMayNotDo() {
        String home = TestUsers.browser(port, accounts, "home-tasks-monitor", Role.MONITOR, "62.02").get("/").body();
        assertThat(home).doesNotContain("id=\"home-tasks\"");
    }
}
