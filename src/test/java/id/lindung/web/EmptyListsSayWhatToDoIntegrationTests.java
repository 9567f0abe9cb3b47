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
 * A worker or payer search that finds nothing says so and what to do, in the page's language, instead of an empty table
 * over "Halaman 1 dari 0" (newuser8 sweep of 7 December 2026); who can register or add gets the links to do it.
 */
@IntegrationTest
class EmptyListsSayWhatToDoIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;

    @Test
    void aSearchThatFindsNoWorkerOrPayerSaysWhatToDoInBothLanguages() {
        TestUsers.token(accounts, "empty-op", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        TestUsers.token(accounts, "empty-monitor", Role.MONITOR, "64");
        Http operator = Http.browser(port);
        assertThat(operator.login("empty-op", TestUsers.PASSWORD).statusCode()).isEqualTo(302);
        Http monitor = Http.browser(port);
        assertThat(monitor.login("empty-monitor", TestUsers.PASSWORD).statusCode()).isEqualTo(302);

        String workers = operator.get("/pekerja?q=tidakadanamaini&lang=id", "text/html").body();
        assertThat(workers).contains("id=\"workers-empty\"")
                .contains("Tidak ada pekerja yang cocok dengan pencarian dan saringan ini. Ubah atau kosongkan saringan di atas.")
                .doesNotContain("Halaman 1 dari 0").doesNotContain("worker-list");
        assertThat(emptyCard(workers, "workers-empty")).contains("href=\"/pekerja/baru\"").contains("href=\"/impor/pekerja\"");
        assertThat(operator.get("/pekerja?q=tidakadanamaini&lang=en", "text/html").body())
                .contains("No worker matches this search and these filters. Change or clear the filters above.")
                .doesNotContain("Page 1 of 0");
        String payers = operator.get("/pembayar?q=tidakadanamaini&lang=id", "text/html").body();
        assertThat(payers).contains("id=\"payers-empty\"")
                .contains("Tidak ada pembayar yang cocok dengan pencarian dan saringan ini. Ubah atau kosongkan saringan di atas.")
                .doesNotContain("Halaman 1 dari 0").doesNotContain("<table");
        assertThat(emptyCard(payers, "payers-empty")).contains("href=\"/pembayar/baru\"");
        assertThat(operator.get("/pembayar?q=tidakadanamaini&lang=en", "text/html").body())
                .contains("No payer matches this search and these filters.").doesNotContain("Page 1 of 0");

        // a role that only reads: the sentence, no link to a form it may not use
        String read = monitor.get("/pembayar?q=tidakadanamaini&lang=id", "text/html").body();
        assertThat(emptyCard(read, "payers-empty")).contains("Tidak ada pembayar yang cocok").doesNotContain("href=");
        assertThat(emptyCard(monitor.get("/pekerja?q=tidakadanamaini&lang=id", "text/html").body(), "workers-empty"))
                .contains("Tidak ada pekerja yang cocok").doesNotContain("href=");

        // a list with rows keeps its table and pager
        assertThat(operator.get("/pembayar?lang=id", "text/html").body()).contains("<table").contains("Halaman 1 dari")
                .doesNotContain("payers-empty");
    }

    /** The empty-list card: from its id to the end of its div. */
    private static String emptyCard(String html, String id) {
        int start = html.indexOf("id=\"" + id + "\"");
        assertThat(start).as(id).isPositive();
        return html.substring(start, html.indexOf("</div>", start));
    }
}
