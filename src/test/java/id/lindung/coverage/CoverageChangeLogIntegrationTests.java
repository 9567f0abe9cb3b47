package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registry's and billing's change logs hold only what the coverage rollups have not applied yet: a read that applies a
 * write lets their owners delete its rows (V116, V118), and the indicators still see the write. Regency 14.06, which no
 * other test uses.
 */
@IntegrationTest
class CoverageChangeLogIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired CoverageIndicators indicators;

    final Actor national = TestUsers.actor("coverage-log-admin", Role.ADMIN, "ID");

    @Test
    void aChangeLogRowIsDeletedOnceARefreshHasAppliedIt() {
        String village = jdbc.sql("""
                select min(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code >= '14.06' and code < '14.06/'""")
                .query(String.class).single();
        CoverageFixture fx = new CoverageFixture(jdbc);
        long payer = fx.payer("APBDES:" + village, "APBDES", "Pemerintah Desa " + village, village);
        long worker = fx.worker(village, "Log " + village, "KEPALA_DESA", false, null);
        fx.term(worker, village, "JKK", "PU", payer, payer, LocalDate.of(2026, 1, 5));
        fx.term(worker, village, "JKM", "PU", payer, payer, LocalDate.of(2026, 1, 5));
        assertThat(logged(village)).as("the registry's writes are logged until a read applies them").isPositive();

        Coverage after = CurrentActor.runAs(national, () -> indicators.of(village, LocalDate.of(2026, 6, 1)));

        assertThat(logged(village)).as("applied rows are deleted by their owner").isZero();
        assertThat(jdbc.sql("""
                select count(*) from (select tx from registry_changed_village union all select tx from billing_changed_village) c
                where c.tx < pg_snapshot_xmin((select cast(snapshot as pg_snapshot) from coverage_rollup_state))""")
                .query(Long.class).single()).as("nothing older than the applied snapshot is kept").isZero();
        assertThat(after.registered()).isEqualTo(1);
        assertThat(after).isEqualTo(CurrentActor.runAs(national, () -> indicators.of(village, LocalDate.of(2026, 6, 1), null, null, true)));
    }

    @Test
    void aPayersNewKindIsCountedByTheNextRead() {
        String village = jdbc.sql("""
                select max(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code >= '14.06' and code < '14.06/'""")
                .query(String.class).single();
        CoverageFixture fx = new CoverageFixture(jdbc);
        long donor = fx.payer("DONOR:LOG:" + village, "DONOR", "Donatur " + village, village);
        long worker = fx.worker(village, "Kind " + village, "PETANI", false, null);
        fx.term(worker, village, "JKK", "BPU", null, donor, LocalDate.of(2026, 2, 1));
        fx.term(worker, village, "JKM", "BPU", null, donor, LocalDate.of(2026, 2, 1));
        LocalDate on = LocalDate.of(2026, 3, 1);
        assertThat(CurrentActor.runAs(national, () -> indicators.of(village, on)).byPayerKind().get("DONOR").registered()).isEqualTo(1);

        jdbc.sql("update payer set kind = 'EMPLOYER' where id = ?").param(donor).update();

        Coverage after = CurrentActor.runAs(national, () -> indicators.of(village, on));
        assertThat(after.byPayerKind().get("DONOR").registered()).isZero();
        assertThat(after.byPayerKind().get("EMPLOYER").registered()).isEqualTo(1);
        assertThat(after).isEqualTo(CurrentActor.runAs(national, () -> indicators.of(village, on, null, null, true)));
    }

    private long logged(String village) {
        return jdbc.sql("select count(*) from registry_changed_village where village_code = ?").param(village)
                .query(Long.class).single();
    }
}
