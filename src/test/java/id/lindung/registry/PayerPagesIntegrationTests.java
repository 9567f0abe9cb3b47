package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A village operator registers its employer on /pembayar and keeps its contact; read-only roles only look. */
@IntegrationTest
class PayerPagesIntegrationTests {

    static final String VILLAGE = "64.02.03.2005";
    static final String RUN = Long.toString(System.nanoTime() % 1_000_000, 36).toUpperCase();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired PayerRegister register;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Http signedIn(String username, Role role, String scope) {
        TestUsers.token(accounts, username, role, scope);
        Http browser = Http.browser(port);
        browser.login(username, TestUsers.PASSWORD);
        return browser;
    }

    @Test
    void aVillageOperatorRegistersAnEmployerAndEditsItsContactOnThePayerPages() {
        Http operator = signedIn("payer-page-op", Role.VILLAGE_OPERATOR, VILLAGE);
        String list = operator.get("/pembayar").body();
        assertThat(list).contains("href=\"/pembayar\"").contains("Pemerintah Desa").contains("APBDES:" + VILLAGE)
                .contains("Tambah pemberi kerja / donatur");
        assertThat(operator.get("/pembayar?kind=APBD").body()).contains("0 pembayar");

        String form = operator.get("/pembayar/baru").body();
        assertThat(form).contains("name=\"regionCode\"").contains("value=\"" + VILLAGE + "\"");
        HttpResponse<String> created = operator.postForm("/pembayar", Map.of("kind", "EMPLOYER", "name", "BUMDes Sejahtera " + RUN,
                "regionCode", VILLAGE, "contactPerson", "Pak Amir", "phone", "0813 1111 2222", "email", "", "address", "",
                "_csrf", Http.csrfOf(form)));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(302);
        String location = created.headers().firstValue("Location").orElseThrow();
        String code = "EMPLOYER:" + VILLAGE + ":BUMDES SEJAHTERA " + RUN;
        assertThat(URLDecoder.decode(location.substring(location.indexOf("/pembayar/")), StandardCharsets.UTF_8))
                .startsWith("/pembayar/" + code);
        String page = operator.get(location.substring(location.indexOf("/pembayar/"))).body();
        assertThat(page).contains("BUMDes Sejahtera " + RUN).contains("Pak Amir").contains("0813 1111 2222")
                .contains("Pembayar terdaftar");

        String path = location.substring(location.indexOf("/pembayar/"), location.indexOf('?'));
        HttpResponse<String> bad = operator.postForm(path, Map.of("name", "BUMDes Sejahtera " + RUN, "contactPerson", "Pak Amir",
                "phone", "nomor", "email", "", "address", "", "_csrf", Http.csrfOf(page)));
        assertThat(bad.statusCode()).isEqualTo(200);
        // the field by its label on the form, the English message as the hover text
        assertThat(bad.body()).contains("Telepon: ").doesNotContain("phone: ").contains("4 to 15 digits").contains("value=\"nomor\"");
        HttpResponse<String> saved = operator.postForm(path, Map.of("name", "BUMDes Sejahtera " + RUN, "contactPerson", "Bu Sari",
                "phone", "0813 1111 2222", "email", "bumdes@example.id", "address", "Jl. Poros", "_csrf", Http.csrfOf(page)));
        assertThat(saved.statusCode()).isEqualTo(302);
        String savedLocation = saved.headers().firstValue("Location").orElseThrow();
        assertThat(operator.get(savedLocation.substring(savedLocation.indexOf("/pembayar/"))).body()).contains("Bu Sari").contains("bumdes@example.id").contains("Perubahan tersimpan");

        String english = operator.get("/pembayar?lang=en").body();
        assertThat(english).contains("Payers").contains("Add employer / donor").contains("Employer");

        Http monitor = signedIn("payer-page-monitor", Role.MONITOR, "64.02");
        String seen = monitor.get(path).body();
        assertThat(seen).contains("Bu Sari").doesNotContain("0813 1111 2222").doesNotContain("bumdes@example.id")
                .doesNotContain("name=\"contactPerson\"");
        assertThat(monitor.get("/pembayar").body()).doesNotContain("/pembayar/baru");
        assertThat(monitor.get("/pembayar/baru").statusCode()).isEqualTo(403);
        Http elsewhere = signedIn("payer-page-far", Role.VILLAGE_OPERATOR, "73.02.01.2004");
        assertThat(elsewhere.get(path).statusCode()).isEqualTo(404);

        // the list's download (UI review of 6 December 2026): every payer the filter selects, the phone and e-mail only
        // for those who see them on the page, audited
        String file = operator.get("/pembayar/ekspor?format=csv&lang=id").body();
        assertThat(file).startsWith("\uFEFFKode,Nama,Jenis,Kode wilayah,Wilayah,Narahubung,Telepon,Surel,Alamat\r\n")
                .contains(code + ",BUMDes Sejahtera " + RUN + ",Pemberi kerja").contains(",Bu Sari,0813 1111 2222,bumdes@example.id,Jl. Poros")
                .contains("APBDES:" + VILLAGE + ",");
        assertThat(file.lines().count() - 1).isEqualTo(register.list(new PayerRegister.Query(null, null, null),
                id.lindung.access.RegionScope.of(VILLAGE), 0, 500).total());
        assertThat(operator.get("/pembayar/ekspor?kind=APBDES&format=csv").body().lines().skip(1).toList())
                .singleElement().satisfies(l -> assertThat(l).startsWith("APBDES:" + VILLAGE + ","));
        String seenFile = monitor.get("/pembayar/ekspor?region=" + VILLAGE + "&format=csv").body();
        assertThat(seenFile).contains("Bu Sari").doesNotContain("0813 1111 2222").doesNotContain("bumdes@example.id");
        assertThat(operator.get("/pembayar/ekspor?kind=SELF&format=csv").statusCode()).isEqualTo(422);
        assertThat(operator.get("/pembayar/ekspor?format=doc").statusCode()).isEqualTo(400);
        assertThat(elsewhere.get("/pembayar/ekspor?region=" + VILLAGE + "&format=csv").statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'payer_list' and username in (?, ?)")
                .params("payer-page-op", "payer-page-monitor").query(Long.class).single()).isGreaterThanOrEqualTo(3);

        // a national reader's lists are headed by the country's name, not the code "ID" (review of 6 December 2026)
        Http national = signedIn("payer-page-national", Role.MONITOR, "ID");
        for (String address : java.util.List.of("/pembayar", "/klaim", "/pekerja")) {
            assertThat(national.get(address + "?lang=id").body()).as(address).contains("<small>Seluruh Indonesia</small>");
            assertThat(national.get(address + "?lang=en").body()).as(address).contains("<small>All of Indonesia</small>");
        }
    }

    @Test
    void aRegionOutsideTheAreaIsTheProblemAnUnknownOneIsAndTheFormKeepsItsInput() {
        Http operator = signedIn("payer-page-outside", Role.VILLAGE_OPERATOR, "64.02.03.2008");
        String form = operator.get("/pembayar/baru").body();
        String unknownWords = null;
        // unknown in the area, then two outside it: a 404 page lost the input and told them apart
        for (String region : new String[] {"64.02.03.2099", "63.04", "99.99"}) {
            HttpResponse<String> answer = operator.postForm("/pembayar", Map.of("kind", "DONOR", "name", "Yayasan Jauh " + RUN,
                    "regionCode", region, "contactPerson", "Bu Rina", "phone", "0813 5555 6666", "email", "", "address", "Jl. Jauh",
                    "_csrf", Http.csrfOf(form)));
            assertThat(answer.statusCode()).as(region + ": " + answer.body()).isEqualTo(200);
            String body = answer.body();
            assertThat(body).contains("value=\"" + region + "\"").contains("value=\"Yayasan Jauh " + RUN + "\"")
                    .contains("Bu Rina").contains("0813 5555 6666").contains("Jl. Jauh").contains("value=\"DONOR\" selected");
            int error = body.indexOf("<div class=\"error\"");
            assertThat(error).as(region).isPositive();
            String problems = body.substring(error, body.indexOf("<form", error)).replace(region, "");
            // the region named in the sentence (taken out above), the same words for an unknown one and one outside the area
            assertThat(problems).contains("Wilayah: Kode wilayah  tidak dikenal atau di luar wilayah Anda.");
            if (unknownWords == null) {
                unknownWords = problems;
            } else {
                assertThat(problems).as(region).isEqualTo(unknownWords);
            }
        }
        assertThat(jdbc.sql("select count(*) from payer where upper(name) = upper(?)").param("Yayasan Jauh " + RUN)
                .query(Long.class).single()).isZero();
    }
}
