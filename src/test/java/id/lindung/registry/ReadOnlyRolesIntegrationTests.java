package id.lindung.registry;

import static id.lindung.registry.RegistryFixture.ADMIN;
import static id.lindung.registry.RegistryFixture.OTHER_VILLAGE;
import static id.lindung.registry.RegistryFixture.START;
import static id.lindung.registry.RegistryFixture.VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** MONITOR and AUDITOR read the registry in their scope and change nothing in it, through any endpoint. */
@IntegrationTest
class ReadOnlyRolesIntegrationTests {

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    /** A worker with open terms and a likely duplicate: every write endpoint has something to change. */
    record Target(Worker worker, long flag) {}

    /** One registry write: its path and JSON body for a target. */
    record Write(String name, Function<Target, String> path, Function<Target, String> body) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final LocalDate BIRTH = LocalDate.of(1969, 9, 29);

    static Stream<Write> writes() {
        return Stream.of(
                new Write("register", t -> "/api/v1/workers", t -> """
                        {"nik":"%s","name":"Readonly Probe Santoso","sex":"L","birthDate":"1969-09-29","villageCode":"%s","category":"PETANI"}"""
                        .formatted(Niks.unique("64.02.03", "L", BIRTH), VILLAGE)),
                new Write("memberships", t -> "/api/v1/workers/" + t.worker().nik() + "/memberships",
                        t -> "{\"program\":\"JKK\",\"segment\":\"PU\",\"wage\":3000000,\"payer\":\"APBDES\",\"validFrom\":\"2025-09-01\"}"),
                new Write("end", t -> "/api/v1/workers/" + t.worker().nik() + "/memberships/JKK/end",
                        t -> "{\"endDate\":\"2025-09-01\",\"reason\":\"RESIGNED\"}"),
                new Write("transfer", t -> "/api/v1/workers/" + t.worker().nik() + "/transfer",
                        t -> "{\"villageCode\":\"" + OTHER_VILLAGE + "\",\"effectiveOn\":\"2025-06-01\"}"),
                new Write("status", t -> "/api/v1/workers/" + t.worker().nik() + "/status",
                        t -> "{\"status\":\"DECEASED\",\"reason\":\"Meninggal dunia\",\"effectiveOn\":\"2025-08-01\"}"),
                new Write("likely duplicate", t -> "/api/v1/likely-duplicates/" + t.flag(),
                        t -> "{\"status\":\"SAME_PERSON\",\"note\":\"x\"}"));
    }

    static Stream<Arguments> readOnlyRolesAndWrites() {
        return Stream.of(Role.MONITOR, Role.AUDITOR).flatMap(role -> writes().map(write -> Arguments.of(role, write)));
    }

    private Target target() {
        Worker official = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        return new Target(official, RegistryFixture.likelyDuplicates(workers, jdbc, VILLAGE, OTHER_VILLAGE, BIRTH).flag());
    }

    private void assertNothingChanged(Target t) {
        Worker now = workers.get(t.worker().nik(), ADMIN.scope());
        assertThat(now).isEqualTo(t.worker());
        assertThat(workers.terms(now.nik(), ADMIN.scope())).hasSize(2).allMatch(MembershipTerm::isOpen);
        assertThat(jdbc.sql("select status from likely_duplicate where id = ?").param(t.flag()).query(String.class).single())
                .isEqualTo("OPEN");
        assertThat(jdbc.sql("select count(*) from worker where full_name = 'Readonly Probe Santoso'").query(Long.class).single()).isZero();
    }

    @ParameterizedTest(name = "{0} may not {1}")
    @MethodSource("readOnlyRolesAndWrites")
    void readOnlyRolesAreRefusedOnEveryRegistryWriteEndpoint(Role role, Write write) {
        Target t = target();
        Http api = RegistryFixture.api(port, accounts, "reg-readonly-" + role.name().toLowerCase(), role, "64.02");
        var response = api.postJson(write.path().apply(t), write.body().apply(t));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
        assertNothingChanged(t);
    }

    @ParameterizedTest(name = "{0} may not post the worker page forms")
    @MethodSource("readOnlyRoles")
    void readOnlyRolesAreRefusedOnTheWorkerPageForms(Role role) {
        Target t = target();
        Http browser = RegistryFixture.browser(port, accounts, "reg-readonly-page-" + role.name().toLowerCase(), role, "64.02");
        String csrf = Http.csrfOf(browser.get("/pekerja/id/" + t.worker().id()).body());
        assertThat(browser.postForm("/pekerja/id/" + t.worker().id() + "/status", Map.of("status", "DECEASED",
                "reason", "Meninggal dunia", "effectiveOn", "2025-08-01", "_csrf", csrf)).statusCode()).isEqualTo(403);
        assertThat(browser.postForm("/pekerja/id/" + t.worker().id() + "/kemungkinan-ganda/" + t.flag(), Map.of("status", "SAME_PERSON",
                "_csrf", csrf)).statusCode()).isEqualTo(403);
        assertNothingChanged(t);
    }

    static Stream<Role> readOnlyRoles() {
        return Stream.of(Role.MONITOR, Role.AUDITOR);
    }
}
