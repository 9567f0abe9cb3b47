package id.lindung.claim;

import static id.lindung.claim.ClaimWorkflowIntegrationTests.expect;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.json;
import static id.lindung.claim.ClaimWorkflowIntegrationTests.worker;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The case file (PDF) is written in the reader's language throughout, its legal bases included: the regulation data
 * joins its regulations with English words ("PP 44/2015 as amended by PP 82/2019"), which an Indonesian case file
 * writes in Indonesian. Regency 71.09, which no other test uses; today is 2 December 2026.
 */
@IntegrationTest
class ClaimCaseFileLanguageIntegrationTests {

    static final String VILLAGE = "71.09.01.2001";

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;

    @BeforeEach
    void fixToday() {
        clock.fixAt(Instant.parse("2026-12-02T03:00:00Z"));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void theIndonesianCaseFileWritesItsLegalBasesInIndonesianAndTheEnglishOneInEnglish() throws Exception {
        long id = deathCase();

        for (String path : new String[] {"/api/v1/claims/" + id + "/pdf", "/klaim/" + id + "/berkas.pdf"}) {
            String indonesian = ClaimPagesUiTests.pdfText(pdf(path, null));
            assertThat(indonesian).as(path)
                    .contains("PP 44/2015 sebagaimana diubah dengan PP 82/2019", "PP 82/2019; Permenaker 5/2021",
                            "Dasar hukum", "20 Nov 2026", "Dicetak dari Lindung pada 2 Des 2026")
                    .containsPattern("Rp \\d{1,3}(\\.\\d{3})+")
                    .containsPattern("Halaman 1 dari \\d") // the foot of every page, stamped once the pages are counted
                    .doesNotContain("as amended by", "Legal basis", "Dec 2026", "Printed");

            String english = ClaimPagesUiTests.pdfText(pdf(path, "en"));
            assertThat(english).as(path)
                    .contains("PP 44/2015 as amended by PP 82/2019", "Legal basis", "Printed from Lindung on 2 Dec 2026")
                    .containsPattern("Page 1 of \\d")
                    .doesNotContain("sebagaimana diubah dengan", "Dasar hukum");
        }
    }

    long deathCase() {
        Http dpmd = TestUsers.api(port, accounts, "cfl-dpmd", Role.DPMD, "71.09");
        String nik = worker(dpmd, VILLAGE, "PERANGKAT_DESA", "[\"JKK\",\"JKM\"]", "PU", "2500000", "APBDES", "2021-01-01");
        String spouse = Niks.unique("71.09.01", "P", LocalDate.of(1978, 2, 1));
        return json(expect(dpmd.postJson("/api/v1/claims", """
                {"nik":"%s","case":"JKM_DEATH","incidentDate":"2026-11-20","reportedOn":"2026-11-23",
                 "children":[{"name":"Anak Bahasa","birthDate":"2016-05-01","schoolLevel":"SD"}],
                 "heirs":[{"name":"Istri Bahasa","nik":"%s","relationship":"SPOUSE","bankAccount":"5566778899"}]}"""
                .formatted(nik, spouse)), 201)).get("id").asLong();
    }

    /** The case file as the regency's BPJS officer reads it, in the language of the {@code lindung-lang} cookie if any. */
    byte[] pdf(String path, String language) throws Exception {
        String token = TestUsers.token(accounts, "cfl-bpjs", Role.BPJS_OFFICER, "71.09");
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (language != null) {
            request.header("Cookie", "lindung-lang=" + language);
        }
        HttpResponse<byte[]> r = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).as(path).isEqualTo(200);
        return r.body();
    }
}
