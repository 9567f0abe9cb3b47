package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.PersonalData;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 12 item 1: a masked role (MONITOR, AUDITOR) looping over the birth dates of a masked NIK must not find the one
 * that exists. Every NIK-keyed path answers it exactly as for a NIK that does not exist; it reaches workers by their
 * opaque public id. Lookups that miss are counted per user (429 with Retry-After past the limit) and audited.
 */
@IntegrationTest
class NikOracleIntegrationTests {

    static final String VILLAGE = "64.02.03.2005";
    static final LocalDate BIRTH = LocalDate.of(1986, 3, 9);
    private static final Pattern PUBLIC_ID = Pattern.compile("\"id\":\"([0-9a-f-]{36})\"");

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    /** The NIK with the same masked form and another birth date: what the probe tries next. */
    private static String sameMaskOtherDate(String nik) {
        String guess = nik.substring(0, 6) + "010101" + nik.substring(12);
        assertThat(PersonalData.mask(guess)).isEqualTo(PersonalData.mask(nik));
        return guess;
    }

    /** The answer without what repeats the caller's own request: its URL (with the NIK typed) and the time. */
    private static String normalised(HttpResponse<String> r, String nik) {
        return r.statusCode() + " " + r.body().replace(nik, "<nik>").replaceAll("\"timestamp\":\"[^\"]*\"", "");
    }

    @Test
    void aMaskedRoleGetsTheSameAnswerForARegisteredNikAsForOneThatDoesNotExist() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, BIRTH, "Oracle Satu");
        String miss = sameMaskOtherDate(w.nik());
        for (Role role : new Role[] {Role.MONITOR, Role.AUDITOR}) {
            Http api = RegistryFixture.api(port, accounts, "oracle-" + role.name().toLowerCase(), role, "64.02");
            for (String path : new String[] {"/api/v1/workers/%s", "/api/v1/workers/%s/protection", "/api/v1/workers?q=%s",
                    "/api/v1/villages/" + VILLAGE + "/workers?q=%s", "/api/v1/workers/export.csv?q=%s"}) {
                HttpResponse<String> hit = api.get(path.formatted(w.nik()));
                HttpResponse<String> none = api.get(path.formatted(miss));
                assertThat(hit.statusCode()).as(role + " " + path).isIn(400, 404);
                // the bodies differ only where they repeat the caller's own URL (the problem's "instance")
                assertThat(normalised(hit, w.nik())).as(role + " " + path).isEqualTo(normalised(none, miss));
            }
        }
        Http browser = RegistryFixture.browser(port, accounts, "oracle-monitor", Role.MONITOR, "64.02");
        HttpResponse<String> page = browser.get("/pekerja/" + w.nik());
        HttpResponse<String> nonePage = browser.get("/pekerja/" + miss);
        assertThat(page.statusCode()).isEqualTo(404).isEqualTo(nonePage.statusCode());
        assertThat(normalised(page, w.nik())).isEqualTo(normalised(nonePage, miss));
    }

    /**
     * A self-payer's code typed by a masked role is answered 404 (docs/privacy.md) with its NIK masked, as a worker's
     * NIK is in its own 404: until the audit of 7 December 2026 the bills, fine payments and payer answers repeated
     * {@code SELF:<whole NIK>} in their {@code detail} ("Nilai: SELF:6402031503900097.").
     */
    @Test
    void aMaskedRoleIsNotAnsweredWithTheWholeNikOfASelfPayerCodeItTyped() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, BIRTH, "Oracle Empat");
        for (Role role : new Role[] {Role.MONITOR, Role.AUDITOR}) {
            Http api = RegistryFixture.api(port, accounts, "oracle-payer-" + role.name().toLowerCase(), role, "64.02");
            for (String path : new String[] {"/api/v1/bills?payer=SELF:%s", "/api/v1/fine-payments?payer=SELF:%s",
                    "/api/v1/payers/SELF:%s"}) {
                HttpResponse<String> r = api.get(path.formatted(w.nik()));
                assertThat(r.statusCode()).as(role + " " + path).isEqualTo(404);
                // "instance" repeats the caller's own URL, as every problem does
                String body = r.body().replaceAll("\"instance\":\"[^\"]*\"", "");
                assertThat(body).as(role + " " + path).doesNotContain(w.nik()).contains("SELF:" + PersonalData.mask(w.nik()));
            }
        }
    }

    @Test
    void aMaskedRoleReachesAWorkerByItsOpaqueIdAndSeesItMasked() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, BIRTH, "Oracle Dua");
        Http monitor = RegistryFixture.api(port, accounts, "oracle-monitor", Role.MONITOR, "64.02");
        String list = monitor.get("/api/v1/villages/" + VILLAGE + "/workers?q=Oracle%20Dua").body();
        Matcher id = PUBLIC_ID.matcher(list);
        assertThat(id.find()).as(list).isTrue();
        assertThat(id.group(1)).isEqualTo(w.publicId().toString());
        HttpResponse<String> detail = monitor.get("/api/v1/workers/by-id/" + w.publicId());
        assertThat(detail.statusCode()).isEqualTo(200);
        assertThat(detail.body()).contains(PersonalData.mask(w.nik()), "Oracle Dua").doesNotContain(w.nik());
        assertThat(monitor.get("/api/v1/workers/by-id/" + w.publicId() + "/protection").statusCode()).isEqualTo(200);
        Http browser = RegistryFixture.browser(port, accounts, "oracle-monitor", Role.MONITOR, "64.02");
        String listPage = browser.get("/desa/" + VILLAGE + "/pekerja").body();
        assertThat(listPage).contains("/pekerja/p/" + w.publicId()).doesNotContain("/pekerja/id/" + w.id() + "\"");
        String workerPage = browser.get("/pekerja/p/" + w.publicId()).body();
        assertThat(workerPage).contains(PersonalData.mask(w.nik()), "Oracle Dua").doesNotContain(w.nik());
        // a writer still reads the worker by NIK and sees it whole
        Http dpmd = RegistryFixture.api(port, accounts, "oracle-dpmd", Role.DPMD, "64.02");
        assertThat(dpmd.get("/api/v1/workers/" + w.nik()).body()).contains(w.nik());
        assertThat(dpmd.get("/api/v1/workers/by-id/" + w.publicId()).body()).contains(w.nik());
    }

    @Test
    void lookupsThatMissAreAuditedAndLimitedPerUserWithRetryAfter() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, BIRTH, "Oracle Tiga");
        Http prober = RegistryFixture.api(port, accounts, "oracle-prober", Role.DPMD, "64.02");
        Http other = RegistryFixture.api(port, accounts, "oracle-bystander", Role.DPMD, "64.02");
        int misses = 0;
        HttpResponse<String> last = null;
        for (int day = 1; day <= 60; day++) {
            String guess = w.nik().substring(0, 6) + String.format("%02d", (day % 28) + 1) + String.format("%02d", day / 28 + 1)
                    + w.nik().substring(10);
            if (guess.equals(w.nik())) {
                continue;
            }
            last = prober.get("/api/v1/workers/" + guess);
            if (last.statusCode() == 429) {
                break;
            }
            assertThat(last.statusCode()).isEqualTo(404);
            misses++;
        }
        assertThat(last.statusCode()).as("the probe is stopped").isEqualTo(429);
        assertThat(misses).isEqualTo(30);
        assertThat(last.headers().firstValue("Retry-After")).hasValueSatisfying(s -> assertThat(Long.parseLong(s)).isPositive());
        assertThat(last.body()).contains("TOO_MANY_NIK_LOOKUPS");
        // stopped for every NIK now, the registered one too, so the limit itself tells nothing
        assertThat(prober.get("/api/v1/workers/" + w.nik()).statusCode()).isEqualTo(429);
        assertThat(prober.get("/api/v1/workers/" + w.nik() + "/protection").statusCode()).isEqualTo(429);
        // another user is not affected
        assertThat(other.get("/api/v1/workers/" + w.nik()).statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'oracle-prober' and action = 'NIK_LOOKUP_OUTSIDE_SCOPE'")
                .query(Long.class).single()).isEqualTo(30L);
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'oracle-prober' and entity_id like '%"
                + w.nik().substring(6, 12) + "%'").query(Long.class).single()).as("the audit keeps the NIK masked").isZero();
    }

    @Test
    void theRegistrationCheckTellsAWriterOnlyThatANikIsRegisteredElsewhereAndCountsIt() {
        Worker far = RegistryFixture.selfPaying(workers, RegistryFixture.OTHER_REGENCY_VILLAGE, BIRTH, "Oracle Jauh");
        Http operator = RegistryFixture.browser(port, accounts, "oracle-operator", Role.VILLAGE_OPERATOR, VILLAGE);
        String csrf = Http.csrfOf(operator.get("/pekerja/baru").body());
        String answer = operator.postForm("/pekerja/baru/nik", Map.of("_csrf", csrf, "nik", far.nik())).body();
        assertThat(answer).doesNotContain(RegistryFixture.OTHER_REGENCY_VILLAGE).doesNotContain("Oracle Jauh");
        assertThat(jdbc.sql("select count(*) from audit_event where username = 'oracle-operator' and action = 'NIK_LOOKUP_OUTSIDE_SCOPE'")
                .query(Long.class).single()).isEqualTo(1L);
        // a transfer by a writer whose area does not hold the worker: 404 as for a NIK that does not exist (was 403)
        Http dpmd = RegistryFixture.api(port, accounts, "oracle-dpmd-far", Role.DPMD, "64.02");
        HttpResponse<String> transfer = dpmd.postJson("/api/v1/workers/" + far.nik() + "/transfer", "{\"villageCode\":\"" + VILLAGE + "\"}");
        String miss = sameMaskOtherDate(far.nik());
        HttpResponse<String> none = dpmd.postJson("/api/v1/workers/" + miss + "/transfer", "{\"villageCode\":\"" + VILLAGE + "\"}");
        assertThat(normalised(transfer, far.nik())).isEqualTo(normalised(none, miss));
        assertThat(transfer.statusCode()).isEqualTo(404);
    }
}
