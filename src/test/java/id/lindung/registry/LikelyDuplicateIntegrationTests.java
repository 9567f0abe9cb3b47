package id.lindung.registry;

import static id.lindung.registry.RegistryFixture.ADMIN;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two workers with different NIKs but the same birth date and alike names in one district are flagged as a likely
 * duplicate; a writer whose area covers both says whether they are the same person or different people.
 */
@IntegrationTest
class LikelyDuplicateIntegrationTests {

    static final String VILLAGE = "64.02.03.2005";
    static final String NEIGHBOUR = "64.02.03.2006";

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired LikelyDuplicates likelyDuplicates;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private RegistryFixture.Pair pair(LocalDate birth) {
        return RegistryFixture.likelyDuplicates(workers, jdbc, VILLAGE, NEIGHBOUR, birth);
    }

    private String status(long flag) {
        return jdbc.sql("select status from likely_duplicate where id = ?").param(flag).query(String.class).single();
    }

    private Http dpmd() {
        return RegistryFixture.api(port, accounts, "reg-dup-dpmd", Role.DPMD, "64.02");
    }

    @Test
    void aVillagesOpenFlagsAreListedWithNiksMaskedForMaskedRoles() {
        RegistryFixture.Pair p = pair(LocalDate.of(1976, 6, 16));
        String page = dpmd().get("/api/v1/villages/" + VILLAGE + "/likely-duplicates?size=500").body();
        assertThat(page).contains("\"id\":" + p.flag() + ",", p.here().nik(), p.there().nik(), "\"total\":");

        Http monitor = RegistryFixture.api(port, accounts, "reg-dup-monitor", Role.MONITOR, "64.02");
        String masked = monitor.get("/api/v1/villages/" + NEIGHBOUR + "/likely-duplicates?size=500").body();
        assertThat(masked).contains("\"id\":" + p.flag() + ",", NikCheck.mask(p.here().nik()), NikCheck.mask(p.there().nik()))
                .doesNotContain(p.here().nik()).doesNotContain(p.there().nik()).doesNotContain("1976-06-16");

        // a village operator sees neither another village's list nor a flag whose other worker lies outside the village
        Http operator = RegistryFixture.api(port, accounts, "reg-dup-op", Role.VILLAGE_OPERATOR, VILLAGE);
        assertThat(operator.get("/api/v1/villages/" + NEIGHBOUR + "/likely-duplicates").statusCode()).isEqualTo(404);
        assertThat(operator.get("/api/v1/villages/" + VILLAGE + "/likely-duplicates?size=500").body())
                .doesNotContain("\"id\":" + p.flag() + ",").doesNotContain(p.there().nik());
    }

    @Test
    void aWriterWhoseAreaCoversBothWorkersResolvesAFlagOnce() {
        RegistryFixture.Pair p = pair(LocalDate.of(1974, 4, 14));
        Http operator = RegistryFixture.api(port, accounts, "reg-dup-op", Role.VILLAGE_OPERATOR, VILLAGE);
        String body = "{\"status\":\"DIFFERENT_PEOPLE\",\"note\":\"Beda orang tua, sudah dicek ke Dukcapil\"}";
        assertThat(operator.postJson("/api/v1/likely-duplicates/" + p.flag(), body).statusCode()).isEqualTo(404);
        assertThat(status(p.flag())).isEqualTo("OPEN");

        var resolved = dpmd().postJson("/api/v1/likely-duplicates/" + p.flag(), body);
        assertThat(resolved.statusCode()).isEqualTo(200);
        assertThat(resolved.body()).contains("\"status\":\"DIFFERENT_PEOPLE\"");
        assertThat(status(p.flag())).isEqualTo("DIFFERENT_PEOPLE");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'RESOLVE' and entity_type = 'likely_duplicate'"
                + " and entity_id = ? and username = 'reg-dup-dpmd' and after_state ->> 'note' like 'Beda orang tua%'")
                .param(String.valueOf(p.flag())).query(Long.class).single()).isPositive();
        assertThat(dpmd().get("/api/v1/villages/" + VILLAGE + "/likely-duplicates?size=500").body()).doesNotContain(p.here().nik());
        assertThat(likelyDuplicates.openOf(p.here().nik(), ADMIN.scope())).extracting(LikelyDuplicate::id).doesNotContain(p.flag());

        var again = dpmd().postJson("/api/v1/likely-duplicates/" + p.flag(), "{\"status\":\"SAME_PERSON\"}");
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(again.body()).contains("ALREADY_RESOLVED");
        assertThat(status(p.flag())).isEqualTo("DIFFERENT_PEOPLE");
        assertThat(dpmd().postJson("/api/v1/likely-duplicates/" + pair(LocalDate.of(1974, 4, 15)).flag(), "{\"status\":\"OPEN\"}")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void theWorkerPageShowsOpenFlagsWithTheTwoAnswersForWriters() {
        RegistryFixture.Pair p = pair(LocalDate.of(1972, 2, 12));
        Http writer = RegistryFixture.browser(port, accounts, "reg-dup-page-dpmd", Role.DPMD, "64.02");
        String page = writer.get("/pekerja/id/" + p.here().id()).body();
        assertThat(page).contains("Achmad Fauzi", "Orang yang sama", "Orang berbeda", "/kemungkinan-ganda/" + p.flag());

        Http reader = RegistryFixture.browser(port, accounts, "reg-dup-page-monitor", Role.MONITOR, "64.02");
        assertThat(reader.get("/pekerja/id/" + p.here().id()).body()).contains("Achmad Fauzi")
                .doesNotContain("Orang yang sama").doesNotContain("/kemungkinan-ganda/");

        var done = writer.postForm("/pekerja/id/" + p.here().id() + "/kemungkinan-ganda/" + p.flag(),
                Map.of("status", "SAME_PERSON", "note", "NIK lama salah ketik", "_csrf", Http.csrfOf(page)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(status(p.flag())).isEqualTo("SAME_PERSON");
        assertThat(writer.get("/pekerja/id/" + p.here().id()).body()).doesNotContain("/kemungkinan-ganda/" + p.flag());
    }
}
