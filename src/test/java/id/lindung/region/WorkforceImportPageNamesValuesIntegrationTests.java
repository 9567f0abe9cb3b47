package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A refused row of a potential-workforce file reads on its page with the values its English message names, in
 * Indonesian as in English: the page said "Tahun harus antara 1990 dan 2100." without the year the row gave, and a code
 * with no page sentence showed only the code in Indonesian. Nothing is stored (a refused file imports no row).
 */
@IntegrationTest
class WorkforceImportPageNamesValuesIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aRefusedYearOnTheWorkforceImportPageNamesTheYearAndItsRangeInBothLanguages() {
        TestUsers.token(accounts, "workforce-lang", Role.DPMD, "72.04");
        Http page = Http.browser(port);
        page.login("workforce-lang", TestUsers.PASSWORD);
        byte[] file = "region_code,year,potential_workers,source\n72.04.02.2007,1800,10,BPS\n".getBytes(StandardCharsets.UTF_8);
        for (String[] language : new String[][] {{"id", "Tahun 1800 di luar rentang 1990-2100."}, {"en", "The year 1800 is outside 1990-2100."}}) {
            String csrf = Http.csrfOf(page.get("/wilayah/tenaga-kerja/impor?lang=" + language[0]).body());
            var answer = page.upload("/wilayah/tenaga-kerja/impor?lang=" + language[0], "file", "workforce.csv", file, csrf);
            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(answer.body()).as(language[0]).contains(language[1]);
        }
    }
}
