package id.lindung.registry;

import static id.lindung.registry.RegistryFixture.ADMIN;
import static id.lindung.registry.RegistryFixture.KELURAHAN;
import static id.lindung.registry.RegistryFixture.OTHER_REGENCY_VILLAGE;
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
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import id.lindung.support.IntegrationTest;

/**
 * A transfer carries the open terms to the new village with payers that may pay there: a village government's
 * share goes to the new village's government, and a regional budget (APBD) pays only for its own residents.
 */
@IntegrationTest
class WorkerTransferIntegrationTests {

    static final LocalDate MOVE = LocalDate.of(2025, 6, 1);

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private Worker transfer(Worker w, String village, String payer) {
        return CurrentActor.runAs(ADMIN, () -> workers.transfer(w.nik(), village, MOVE, payer));
    }

    private List<MembershipTerm> openTerms(Worker w) {
        return workers.terms(w.nik(), ADMIN.scope()).stream().filter(MembershipTerm::isOpen).toList();
    }

    private static void assertRefused(Runnable transfer, String code) {
        assertThatThrownBy(transfer::run).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.problems()).extracting(InputProblem::code).containsExactly(code));
    }

    /** The worker, every term and the audit trail as they were before a refused transfer. */
    private void assertUnchanged(Worker w, String payer) {
        assertThat(workers.get(w.nik(), ADMIN.scope()).villageCode()).isEqualTo(w.villageCode());
        assertThat(workers.terms(w.nik(), ADMIN.scope())).hasSize(2).allSatisfy(t -> {
            assertThat(t.isOpen()).isTrue();
            assertThat(t.workerPayerCode()).isEqualTo(payer);
        });
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TRANSFER' and entity_id = ?").param(w.nik())
                .query(Long.class).single()).isZero();
    }

    @Test
    void termsStartingOnOrAfterTheTransferArePaidByTheNewVillageGovernment() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", MOVE.plusMonths(3));
        transfer(w, OTHER_VILLAGE, null);
        assertThat(workers.terms(w.nik(), ADMIN.scope())).hasSize(2).allSatisfy(t -> {
            assertThat(t.validFrom()).isEqualTo(MOVE.plusMonths(3));
            assertThat(t.employerPayerCode()).isEqualTo("APBDES:" + OTHER_VILLAGE);
            assertThat(t.workerPayerCode()).isEqualTo("APBDES:" + OTHER_VILLAGE);
        });
        assertThat(jdbc.sql("select count(*) from membership_term t where t.worker_id = ? and t.village_code = ?")
                .params(w.id(), OTHER_VILLAGE).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void aTransferIntoAKelurahanWhichHasNoApbdesNeedsAnotherPayer() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        assertRefused(() -> transfer(w, KELURAHAN, null), "KELURAHAN_HAS_NO_APBDES");
        assertUnchanged(w, "APBDES:" + VILLAGE);
        // a village official is a wage earner: the worker cannot be the employer
        assertRefused(() -> transfer(w, KELURAHAN, "SELF"), "PU_NEEDS_EMPLOYER");
        assertRefused(() -> transfer(w, KELURAHAN, "APBDES"), "NO_APBDES");
        assertUnchanged(w, "APBDES:" + VILLAGE);

        transfer(w, KELURAHAN, "APBD:64.02");
        assertThat(openTerms(w)).hasSize(2).allSatisfy(t -> {
            assertThat(t.validFrom()).isEqualTo(MOVE);
            assertThat(t.employerPayerCode()).isEqualTo("APBD:64.02");
            assertThat(t.workerPayerCode()).isEqualTo("APBD:64.02");
        });
    }

    @Test
    void theTransferApiNamesThePayerProblem() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBDES", START);
        var api = RegistryFixture.api(port, accounts, "reg-transfer-dpmd", Role.DPMD, "64.02");
        var refused = api.postJson("/api/v1/workers/" + w.nik() + "/transfer",
                "{\"villageCode\":\"" + KELURAHAN + "\",\"effectiveOn\":\"2025-06-01\"}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("KELURAHAN_HAS_NO_APBDES");
        var moved = api.postJson("/api/v1/workers/" + w.nik() + "/transfer",
                "{\"villageCode\":\"" + KELURAHAN + "\",\"effectiveOn\":\"2025-06-01\",\"payer\":\"APBD:64.02\"}");
        assertThat(moved.statusCode()).isEqualTo(200);
        assertThat(openTerms(w)).allSatisfy(t -> assertThat(t.workerPayerCode()).isEqualTo("APBD:64.02"));
    }

    @Test
    void aSelfPayingWorkerMovesIntoAKelurahanAndKeepsPayingHimself() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, LocalDate.of(1991, 1, 21));
        transfer(w, KELURAHAN, null);
        assertThat(openTerms(w)).hasSize(2).allSatisfy(t -> {
            assertThat(t.validFrom()).isEqualTo(MOVE);
            assertThat(t.workerPayerCode()).isEqualTo("SELF:" + w.nik());
        });
    }

    @Test
    void aRegencyBudgetIsNotKeptForAWorkerWhoMovesToAnotherRegency() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBD:64.02", START);
        assertRefused(() -> transfer(w, OTHER_REGENCY_VILLAGE, null), "APBD_NOT_OF_NEW_VILLAGE");
        assertUnchanged(w, "APBD:64.02");
        assertRefused(() -> transfer(w, OTHER_REGENCY_VILLAGE, "APBD:64.02"), "PAYER_INVALID");
        assertUnchanged(w, "APBD:64.02");

        transfer(w, OTHER_REGENCY_VILLAGE, "APBDES");
        assertThat(openTerms(w)).hasSize(2)
                .allSatisfy(t -> assertThat(t.employerPayerCode()).isEqualTo("APBDES:" + OTHER_REGENCY_VILLAGE));
    }

    @Test
    void aProvinceBudgetIsKeptForAWorkerWhoMovesWithinTheProvince() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBD:64", START);
        transfer(w, OTHER_REGENCY_VILLAGE, null);
        assertThat(openTerms(w)).hasSize(2).allSatisfy(t -> {
            assertThat(t.validFrom()).isEqualTo(MOVE);
            assertThat(t.employerPayerCode()).isEqualTo("APBD:64");
        });
    }

    @Test
    void aFutureTermUnderAnotherRegencysBudgetIsRefusedLikeAStartedOne() {
        Worker w = RegistryFixture.official(workers, VILLAGE, "APBD:64.02", MOVE.plusMonths(2));
        assertRefused(() -> transfer(w, OTHER_REGENCY_VILLAGE, null), "APBD_NOT_OF_NEW_VILLAGE");
        assertUnchanged(w, "APBD:64.02");
    }
}
