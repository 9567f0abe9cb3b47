package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.coverage.internal.CoverageRollups;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A read of a regency or smaller does not wait behind a long refresh of the rollups (a catch-up's rebuild after a
 * province's payment file took 540 s): after {@code lindung.coverage.read-wait-millis} it counts over the published
 * views, as exactly, and counts what was committed since the last refresh. A province's read still waits, then
 * refreshes. Regency 19.04, which no other test uses.
 */
@IntegrationTest
class BusyRollupsIntegrationTests {

    static final String REGENCY = "19.04";

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired CoverageIndicators indicators;
    @Autowired CoverageRollups rollups;

    final Actor dpmd = TestUsers.actor("busy-rollups-dpmd", Role.DPMD, REGENCY);
    final Actor province = TestUsers.actor("busy-rollups-province", Role.DPMD, "19");

    @Test
    void aRegencyIsCountedDirectlyWhileAnotherRefreshHoldsTheRollupsAndAProvinceWaitsForIt() throws Exception {
        String village = jdbc.sql("select min(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like ?")
                .param(REGENCY + ".%").query(String.class).single();
        LocalDate today = indicators.today();
        rollups.refresh();
        Coverage before = CurrentActor.runAs(dpmd, () -> indicators.of(REGENCY, today));
        long provinceBefore = CurrentActor.runAs(province, () -> indicators.of("19", today)).registered();
        write(village, today);
        String applied = appliedSnapshot();

        CompletableFuture<Coverage> provinceRead;
        Coverage during;
        Coverage villageDuring;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("select pg_advisory_xact_lock(hashtext('coverage_rollups'))");
            }
            // bounded, so that a read that waits fails the test instead of hanging it
            during = CompletableFuture.supplyAsync(() -> CurrentActor.runAs(dpmd, () -> indicators.of(REGENCY, today)))
                    .get(60, TimeUnit.SECONDS);
            villageDuring = CompletableFuture.supplyAsync(() -> CurrentActor.runAs(dpmd, () -> indicators.of(village, today)))
                    .get(60, TimeUnit.SECONDS);
            assertThat(appliedSnapshot()).as("nobody refreshed while the lock was held").isEqualTo(applied);
            assertThat(during.registered()).as("the regency's read counts the worker committed since the last refresh")
                    .isEqualTo(before.registered() + 1);
            assertThat(villageDuring.registered()).as("the village's read too").isGreaterThanOrEqualTo(1);
            assertThat(during).as("counted directly").isEqualTo(CurrentActor.runAs(dpmd, () -> indicators.of(REGENCY, today, null, null, true)));

            provinceRead = CompletableFuture.supplyAsync(() -> CurrentActor.runAs(province, () -> indicators.of("19", today)));
            Thread.sleep(2_000);
            assertThat(provinceRead).as("a province waits for the refresh instead of counting its whole register").isNotDone();
            holder.commit();
        }
        Coverage provinceAfter = provinceRead.get(120, TimeUnit.SECONDS);
        assertThat(provinceAfter.registered()).isEqualTo(provinceBefore + 1);
        assertThat(appliedSnapshot()).as("the province's read refreshed the rollups once the lock was free").isNotEqualTo(applied);
        Coverage after = CurrentActor.runAs(dpmd, () -> indicators.of(REGENCY, today));
        assertThat(after).as("the rollups, refreshed, answer what the direct count answered").isEqualTo(during);
    }

    private String appliedSnapshot() {
        return jdbc.sql("select snapshot::text from coverage_rollup_state").query(String.class).single();
    }

    /** A self-paying farmer with a BPU JKK term from the month's first day, committed. */
    private void write(String village, LocalDate today) {
        CoverageFixture fixture = new CoverageFixture(jdbc);
        long worker = fixture.worker(village, "Sibuk Rollup", "PETANI", false, null);
        long payer = fixture.payer("SELF:" + fixture.nik(worker), "SELF", "Peserta mandiri", village);
        fixture.term(worker, village, "JKK", "BPU", null, payer, today.withDayOfMonth(1));
    }
}
