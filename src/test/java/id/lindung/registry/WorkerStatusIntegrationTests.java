package id.lindung.registry;

import static id.lindung.registry.RegistryFixture.ADMIN;
import static id.lindung.registry.RegistryFixture.OTHER_VILLAGE;
import static id.lindung.registry.RegistryFixture.START;
import static id.lindung.registry.RegistryFixture.VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A worker's status (death, moved away, inactive) is changed with a reason and a date, and ends the open memberships. */
@IntegrationTest
class WorkerStatusIntegrationTests {

    static final LocalDate DIED = LocalDate.of(2025, 8, 1);

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired UserAccounts accounts;
    @Autowired NikChecker nikChecker;
    @Autowired JdbcClient jdbc;

    private Http operator() {
        return RegistryFixture.api(port, accounts, "reg-status-op", Role.VILLAGE_OPERATOR, VILLAGE);
    }

    private static String status(String status, String reason, Object effectiveOn) {
        return "{\"status\":\"" + status + "\",\"reason\":\"" + reason + "\",\"effectiveOn\":\"" + effectiveOn + "\"}";
    }

    private Worker change(Worker w, WorkerStatus status, LocalDate on) {
        return CurrentActor.runAs(ADMIN, () -> workers.changeStatus(w.nik(), status, "tercatat", on));
    }

    private static void assertRefused(Runnable change, String code) {
        assertThatThrownBy(change::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::code).containsExactly(code));
    }

    @Test
    void aDeathBeforeAScheduledChangeWithdrawsTheChangeAndEndsTheRunningTerm() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        LocalDate raise = nikChecker.today().plusMonths(2).withDayOfMonth(1);
        LocalDate died = nikChecker.today().minusDays(3);
        // a wage raise scheduled for later: the running JKK term ends then (CHANGED) and the raise opens a term from then
        CurrentActor.runAs(ADMIN, () -> workers.changeTerms(w.nik(), new Workers.TermChange(Programme.JKK, Segment.PU,
                new java.math.BigDecimal("3100000"), RiskGroup.VERY_LOW, "APBDES", raise)));
        long scheduled = workers.terms(w.nik(), ADMIN.scope()).stream()
                .filter(t -> t.program() == Programme.JKK && t.validFrom().equals(raise)).findFirst().orElseThrow().id();

        change(w, WorkerStatus.DECEASED, died);

        assertThat(workers.terms(w.nik(), ADMIN.scope())).hasSize(2).allSatisfy(t -> {
            assertThat(t.validFrom()).isEqualTo(START);
            assertThat(t.validTo()).isEqualTo(died);
            assertThat(t.endReason()).isEqualTo(EndReason.DECEASED);
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'WITHDRAW' and entity_type = 'membership_term'"
                + " and entity_id = ? and before_state ->> 'validFrom' = ?").params(String.valueOf(scheduled), raise.toString())
                .query(Long.class).single()).isOne();
    }

    @Test
    void aMembershipEndedBeforeItsScheduledChangeEndsTheRunningTerm() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        LocalDate raise = nikChecker.today().plusMonths(2).withDayOfMonth(1);
        LocalDate resigned = nikChecker.today().minusDays(1);
        CurrentActor.runAs(ADMIN, () -> workers.changeTerms(w.nik(), new Workers.TermChange(Programme.JKM, Segment.PU,
                new java.math.BigDecimal("3100000"), RiskGroup.VERY_LOW, "APBDES", raise)));
        MembershipTerm ended = CurrentActor.runAs(ADMIN, () -> workers.endTerm(w.nik(), Programme.JKM, resigned, EndReason.RESIGNED));
        assertThat(ended.validFrom()).isEqualTo(START);
        assertThat(ended.validTo()).isEqualTo(resigned);
        assertThat(ended.endReason()).isEqualTo(EndReason.RESIGNED);
        assertThat(workers.terms(w.nik(), ADMIN.scope())).filteredOn(t -> t.program() == Programme.JKM).containsExactly(ended);
    }

    @Test
    void aDeathEndsEveryOpenMembershipOnItsDateAsDeceased() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        var response = operator().postJson("/api/v1/workers/" + w.nik() + "/status", status("DECEASED", "Meninggal dunia", DIED));
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"status\":\"DECEASED\"");
        assertThat(workers.terms(w.nik(), ADMIN.scope())).hasSize(2).allSatisfy(t -> {
            assertThat(t.validTo()).isEqualTo(DIED);
            assertThat(t.endReason()).isEqualTo(EndReason.DECEASED);
        });
        assertThat(workers.history(w.nik(), ADMIN.scope())).last().satisfies(e -> {
            assertThat(e.status()).isEqualTo("DECEASED");
            assertThat(e.reason()).isEqualTo("Meninggal dunia");
            assertThat(e.effectiveOn()).isEqualTo(DIED);
            assertThat(e.createdBy()).isEqualTo("reg-status-op");
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'UPDATE' and entity_type = 'worker' and entity_id = ?"
                + " and after_state ->> 'status' = 'DECEASED'").param(w.nik()).query(Long.class).single()).isOne();
        assertThat(jdbc.sql("select count(*) from audit_event a join membership_term t on a.entity_id = t.id::text"
                + " where a.action = 'END' and a.entity_type = 'membership_term' and t.worker_id = ?").param(w.id())
                .query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void movingAwayOrBecomingInactiveEndsTheMembershipsAndReactivationOpensNone() {
        Worker moving = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        change(moving, WorkerStatus.MOVED, DIED);
        assertThat(workers.terms(moving.nik(), ADMIN.scope()))
                .allSatisfy(t -> assertThat(t.endReason()).isEqualTo(EndReason.OTHER))
                .allSatisfy(t -> assertThat(t.validTo()).isEqualTo(DIED));
        Worker back = change(moving, WorkerStatus.ACTIVE, DIED.plusMonths(1));
        assertThat(back.status()).isEqualTo("ACTIVE");
        assertThat(workers.terms(moving.nik(), ADMIN.scope())).noneMatch(MembershipTerm::isOpen);

        Worker resting = RegistryFixture.selfPaying(workers, VILLAGE, LocalDate.of(1988, 3, 30));
        change(resting, WorkerStatus.INACTIVE, DIED);
        assertThat(workers.terms(resting.nik(), ADMIN.scope())).allSatisfy(t -> assertThat(t.endReason()).isEqualTo(EndReason.OTHER));
        assertThat(workers.get(resting.nik(), ADMIN.scope()).status()).isEqualTo("INACTIVE");
    }

    @Test
    void theDateIsNeitherInTheFutureNorOnOrBeforeTheStartOfAnOpenMembership() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        assertRefused(() -> change(w, WorkerStatus.DECEASED, nikChecker.today().plusDays(1)), "EFFECTIVE_IN_FUTURE");
        assertRefused(() -> change(w, WorkerStatus.DECEASED, START), "EFFECTIVE_NOT_AFTER_TERM_START");
        assertRefused(() -> change(w, WorkerStatus.DECEASED, START.minusYears(1)), "EFFECTIVE_NOT_AFTER_TERM_START");
        assertRefused(() -> CurrentActor.runAs(ADMIN, () -> workers.changeStatus(w.nik(), WorkerStatus.DECEASED, " ", DIED)),
                "REASON_REQUIRED");
        assertRefused(() -> change(w, WorkerStatus.ACTIVE, DIED), "STATUS_UNCHANGED");
        assertThat(workers.terms(w.nik(), ADMIN.scope())).hasSize(2).allMatch(MembershipTerm::isOpen);
        assertThat(workers.get(w.nik(), ADMIN.scope()).status()).isEqualTo("ACTIVE");
    }

    @Test
    void aDeceasedWorkerStaysDeceasedAndGetsNoNewMembership() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        change(w, WorkerStatus.DECEASED, DIED);
        assertRefused(() -> change(w, WorkerStatus.ACTIVE, DIED.plusDays(1)), "WORKER_DECEASED");
        assertRefused(() -> CurrentActor.runAs(ADMIN, () -> workers.changeTerms(w.nik(), new Workers.TermChange(Programme.JKK,
                Segment.PU, new BigDecimal("2022200"), RiskGroup.VERY_LOW, "APBDES", DIED.plusMonths(1)))), "WORKER_NOT_ACTIVE");
    }

    @Test
    void aStatusChangeOutsideTheScopeIsNotFoundAndReadOnlyRolesAreRefused() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        Http other = RegistryFixture.api(port, accounts, "reg-status-op2", Role.VILLAGE_OPERATOR, OTHER_VILLAGE);
        Http monitor = RegistryFixture.api(port, accounts, "reg-status-monitor", Role.MONITOR, "64.02");
        assertThat(other.postJson("/api/v1/workers/" + w.nik() + "/status", status("DECEASED", "x", DIED)).statusCode()).isEqualTo(404);
        assertThat(monitor.postJson("/api/v1/workers/" + w.nik() + "/status", status("DECEASED", "x", DIED)).statusCode()).isEqualTo(403);
        assertThat(workers.get(w.nik(), ADMIN.scope()).status()).isEqualTo("ACTIVE");
    }

    @Test
    void writersChangeTheStatusOnTheWorkerPageAndReadersSeeNoForm() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        Http browser = RegistryFixture.browser(port, accounts, "reg-status-page-op", Role.VILLAGE_OPERATOR, VILLAGE);
        String page = browser.get("/pekerja/id/" + w.id()).body();
        assertThat(page).contains("/pekerja/id/" + w.id() + "/status", "Ubah status");
        var refused = browser.postForm("/pekerja/id/" + w.id() + "/status", Map.of("status", "DECEASED", "reason", "Meninggal dunia",
                "effectiveOn", START.toString(), "_csrf", Http.csrfOf(page)));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("class=\"error\"");
        var done = browser.postForm("/pekerja/id/" + w.id() + "/status", Map.of("status", "DECEASED", "reason", "Meninggal dunia",
                "effectiveOn", DIED.toString(), "_csrf", Http.csrfOf(page)));
        assertThat(done.statusCode()).isEqualTo(302);
        assertThat(done.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/pekerja/id/" + w.id()));
        assertThat(workers.get(w.nik(), ADMIN.scope()).status()).isEqualTo("DECEASED");
        assertThat(browser.get("/pekerja/id/" + w.id() + "?lang=en").body()).contains("Deceased");

        Http reader = RegistryFixture.browser(port, accounts, "reg-status-page-monitor", Role.MONITOR, "64.02");
        assertThat(reader.get("/pekerja/id/" + w.id()).body()).doesNotContain("/status\"").doesNotContain("Ubah status");
    }
}
