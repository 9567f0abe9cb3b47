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
 * write lets their owners delete its rows (V132, V133), and the indicators still see the write. Regency 14.06, which no
 * other test uses.
 */
@IntegrationTest
class CoverageChangeLogIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired CoverageIndicators indicators;

    final Actor national = TestUsers.actor("coverage-log-admin", Role.ADMIN, "ID");

    @Test
    void aChangeLogRowIsDeletedOnceARefreshHasAppliedIt() {
        String village = village("min");
        registered(village, "APBDES:" + village, "APBDES", "KEPALA_DESA", "PU", LocalDate.of(2026, 1, 5));
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
        String village = village("max");
        long donor = registered(village, "DONOR:LOG:" + village, "DONOR", "PETANI", "BPU", LocalDate.of(2026, 2, 1));
        LocalDate on = LocalDate.of(2026, 3, 1);
        assertThat(CurrentActor.runAs(national, () -> indicators.of(village, on)).byPayerKind().get("DONOR").registered()).isEqualTo(1);

        jdbc.sql("update payer set kind = 'EMPLOYER' where id = ?").param(donor).update();

        Coverage after = CurrentActor.runAs(national, () -> indicators.of(village, on));
        assertThat(after.byPayerKind().get("DONOR").registered()).isZero();
        assertThat(after.byPayerKind().get("EMPLOYER").registered()).isEqualTo(1);
        assertThat(after).isEqualTo(CurrentActor.runAs(national, () -> indicators.of(village, on, null, null, true)));
    }

    /** The first or last desa of regency 14.06. */
    private String village(String minOrMax) {
        return jdbc.sql("select " + minOrMax + "(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active"
                + " and code >= '14.06' and code < '14.06/'").query(String.class).single();
    }

    /** One worker with JKK and JKM terms from {@code from}, paid by a payer of that code and kind; returns the payer. */
    private long registered(String village, String payerCode, String kind, String category, String segment, LocalDate from) {
        CoverageFixture fx = new CoverageFixture(jdbc);
        long payer = fx.payer(payerCode, kind, "Pembayar " + village, village);
        long worker = fx.worker(village, "Log " + payerCode, category, false, null);
        for (String program : java.util.List.of("JKK", "JKM")) {
            fx.term(worker, village, program, segment, segment.equals("PU") ? payer : null, payer, from);
        }
        return payer;
    }

    private long logged(String village) {
        return jdbc.sql("select count(*) from registry_changed_village where village_code = ?").param(village)
                .query(Long.class).single();
    }
}
