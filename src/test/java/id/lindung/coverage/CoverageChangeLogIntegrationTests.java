package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Registry's and billing's change logs hold only what the coverage rollups have not applied yet: a read that applies a
 * write lets their owners delete its rows (V132, V133), and the indicators still see the write; the potential workforce,
 * read by every call rather than rolled up, needs no log. Regency 14.06, which no other test uses.
 */
@IntegrationTest
class CoverageChangeLogIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired CoverageIndicators indicators;
    @Autowired id.lindung.region.PotentialWorkforce potentials;

    final Actor national = TestUsers.actor("coverage-log-admin", Role.ADMIN, "ID");

    @Test
    void aChangeLogRowIsDeletedOnceARefreshHasAppliedIt() {
        String village = village("min");
        registered(village, "APBDES:" + village, "APBDES", "KEPALA_DESA", "PU", LocalDate.of(2026, 1, 5));
        assertThat(logged(village)).as("the registry's writes are logged until a read applies them").isPositive();

        Coverage after = CurrentActor.runAs(national, () -> indicators.of(village, LocalDate.of(2026, 6, 1)));

        assertThat(logged(village)).as("applied rows are deleted by their owner, but each log's newest").isLessThanOrEqualTo(1);
        for (String log : List.of("registry_changed_village", "billing_changed_village")) {
            assertThat(jdbc.sql("select count(*) from " + log + " c where c.tx < pg_snapshot_xmin("
                            + "(select cast(snapshot as pg_snapshot) from coverage_rollup_state)) and c.tx < (select max(tx) from " + log + ")")
                    .query(Long.class).single()).as("nothing older than the applied snapshot is kept in %s but its newest row", log).isZero();
        }
        assertThat(after.registered()).isEqualTo(1);
        assertThat(after).isEqualTo(CurrentActor.runAs(national, () -> indicators.of(village, LocalDate.of(2026, 6, 1), null, null, true)));
    }

    /**
     * Forgetting keeps each log's newest row (V174, V175): after a mass delete the planner, estimating the refresh's
     * {@code tx >=} question, reads the index's actual end, and a dead end grew that read on every refresh until
     * vacuum (docs/benchmarks.md "The change logs' dead end"). Only rows older than the applied snapshot are forgotten,
     * so the two old rows written here are the only ones the call may delete besides rows already applied.
     */
    @Test
    void forgettingAppliedRowsKeepsEachLogsNewestRow() {
        for (String log : List.of("registry", "billing")) {
            String table = log + "_village_change";
            jdbc.sql("insert into " + table + " (tx, village_code) values (cast('3' as xid8), '14.06'), (cast('4' as xid8), '14.06')").update();
            String newest = jdbc.sql("select max(tx)::text from " + table).query(String.class).single();

            long gone = jdbc.sql("select " + log + "_forget_village_changes((select cast(snapshot as pg_snapshot) from coverage_rollup_state))")
                    .query(Long.class).single();

            assertThat(gone).as("%s: the old rows are forgotten", table).isPositive();
            assertThat(jdbc.sql("select count(*) from " + table + " where tx = cast('3' as xid8)").query(Long.class).single()).isZero();
            assertThat(jdbc.sql("select count(*) from " + table + " where tx = cast(? as xid8)").param(newest).query(Long.class).single())
                    .as("%s: its newest row is kept", table).isEqualTo(1);
        }
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

    /**
     * The potential workforce is not in the rollups: every call reads it (region.PotentialWorkforce, for the date's
     * year), so a new figure moves the potential and the ratio at the very next read, with no change log and no
     * rebuild, while the counts still come from the rollups.
     */
    @Test
    void aNewPotentialWorkforceFigureIsReadByTheNextCall() {
        // the second desa of the regency: the other tests count the first and the last
        String village = jdbc.sql("""
                select code from region_area where level = 'VILLAGE' and kind = 'DESA' and active
                and code >= '14.06' and code < '14.06/' order by code offset 1 limit 1""").query(String.class).single();
        String district = village.substring(0, 8);
        registered(village, "APBDES:POT:" + village, "APBDES", "KEPALA_DESA", "PU", LocalDate.of(2026, 1, 5));
        LocalDate on = LocalDate.of(2026, 6, 1);
        importPotential(district, 1_000);
        Coverage first = CurrentActor.runAs(national, () -> indicators.of(district, on));
        assertThat(first.potential()).isEqualTo(1_000L);
        assertThat(first.potentialStatus()).isEqualTo("OWN");
        assertThat(first.protectedWorkers()).isPositive();

        importPotential(district, 4_000);

        Coverage second = CurrentActor.runAs(national, () -> indicators.of(district, on));
        assertThat(second.potential()).isEqualTo(4_000L);
        assertThat(second.ratio()).isEqualTo(java.math.BigDecimal.valueOf(second.protectedWorkers())
                .divide(java.math.BigDecimal.valueOf(4_000), 4, java.math.RoundingMode.HALF_UP));
        assertThat(second.ratio()).isLessThan(first.ratio());
        assertThat(second).isEqualTo(CurrentActor.runAs(national, () -> indicators.of(district, on, null, null, true)));
    }

    /**
     * The official region list is in no change log: a desa re-kinded to kelurahan (and back) leaves (and rejoins) its
     * regency's desa count, which the rollups keep as per-day changes, at the very next read, because the list's version
     * (region_list_version, V155) is not the one the rollups were built with, so the refresh rebuilds. A new name
     * alone leaves the version (and the rollups) alone: names are read as they are.
     */
    @Test
    void aChangeToTheOfficialRegionListIsCountedByTheNextRead() {
        // the third desa of the regency: the other tests use the first, the second and the last
        String village = jdbc.sql("""
                select code from region_area where level = 'VILLAGE' and kind = 'DESA' and active
                and code >= '14.06' and code < '14.06/' order by code offset 2 limit 1""").query(String.class).single();
        String regency = "14.06";
        LocalDate on = LocalDate.of(2026, 6, 1);
        registered(village, "APBDES:LIST:" + village, "APBDES", "KEPALA_DESA", "PU", LocalDate.of(2026, 1, 5));
        long desa = CurrentActor.runAs(national, () -> indicators.of(regency, on)).desaSadar().desa();
        try {
            jdbc.sql("update region set kind = 'KELURAHAN' where code = ?").param(village).update();

            Coverage kelurahan = CurrentActor.runAs(national, () -> indicators.of(regency, on));
            assertThat(kelurahan.desaSadar().desa()).isEqualTo(desa - 1);
            assertThat(kelurahan).isEqualTo(CurrentActor.runAs(national, () -> indicators.of(regency, on, null, null, true)));
        } finally {
            jdbc.sql("update region set kind = 'DESA' where code = ?").param(village).update();
        }
        assertThat(CurrentActor.runAs(national, () -> indicators.of(regency, on)).desaSadar().desa()).isEqualTo(desa);

        long version = jdbc.sql("select version from region_list_version").query(Long.class).single();
        jdbc.sql("update region set name = name || ' Baru' where code = ?").param(village).update();
        jdbc.sql("update region set name = left(name, length(name) - 5) where code = ?").param(village).update();
        assertThat(jdbc.sql("select version from region_list_version").query(Long.class).single())
                .as("a rename is no change of the list for the rollups").isEqualTo(version);
    }

    private void importPotential(String region, long workers) {
        String csv = "region_code,year,potential_workers,source\n" + region + ",2026," + workers + ",BPS Sakernas\n";
        CurrentActor.runAs(national, () -> potentials.importCsv(new java.io.ByteArrayInputStream(
                csv.getBytes(java.nio.charset.StandardCharsets.UTF_8)), national, false));
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
