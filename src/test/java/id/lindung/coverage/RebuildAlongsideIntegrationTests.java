package id.lindung.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.billing.BillingRuns;
import id.lindung.coverage.internal.CoverageRollups;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A rebuild sums the money per worker on a second connection while it computes the spans, and keeps exactly what
 * summing it in its own transaction keeps; it does so only when its transaction has written nothing, since the second
 * connection would not see those writes. So does a refresh of a large write (a village logged whole). Regency 19.06,
 * which no other test uses.
 */
@IntegrationTest
class RebuildAlongsideIntegrationTests {

    static final String REGENCY = "19.06";
    static final List<String> MONEY = List.of("coverage_money_worker", "coverage_money_village", "coverage_money");

    @Autowired JdbcClient jdbc;
    @Autowired CoverageRollups rollups;
    @Autowired CoverageIndicators indicators;
    @Autowired BillingRuns runs;
    @Autowired PlatformTransactionManager transactions;

    final Actor dpmd = TestUsers.actor("rebuild-alongside-dpmd", Role.DPMD, REGENCY);

    @Test
    void theMoneySummedOnASecondConnectionIsWhatTheRebuildsOwnTransactionSums() {
        long worker = billedWorker(village("min"), false);

        CoverageRollups.Refresh alongside = rollups.rebuild();
        assertThat(alongside.steps()).extracting(CoverageRollups.Step::name).contains("money alongside");
        assertThat(jdbc.sql("select count(*) from coverage_money_worker where worker_id = ?").param(worker).query(Long.class).single())
                .as("the worker's two billed months are kept").isOne();
        assertThat(jdbc.sql("select count(*) from coverage_money_worker_load").query(Long.class).single())
                .as("the load table is emptied by the rebuild that copied it").isZero();
        List<String> parallel = digests();

        List<String> serial = new TransactionTemplate(transactions).execute(s -> {
            // a transaction that has written (here: only taken a transaction id) sums the money itself
            jdbc.sql("select pg_current_xact_id()").query().listOfRows();
            CoverageRollups.Refresh own = rollups.rebuild();
            assertThat(own.steps()).extracting(CoverageRollups.Step::name).doesNotContain("money alongside").contains("money");
            return digests();
        });
        assertThat(parallel).isEqualTo(serial);
    }

    @Test
    void aRefreshOfAVillageLoggedWholeSumsTheMoneyAlongsideAndKeepsWhatItsOwnTransactionKeeps() {
        String village = village("max");
        // the rollups must hold other villages for one logged whole to stay under the rebuild share
        // (RefreshSize.beforeListing, from the spans' statistics, as autovacuum leaves them): run alone on a fresh
        // database this would otherwise be their only village, and the refresh a rebuild
        write(village("min"), YearMonth.from(indicators.today()).atDay(1));
        write(secondDesa(), YearMonth.from(indicators.today()).atDay(1));
        long worker = billedWorker(village, true);
        jdbc.sql("analyze coverage_worker_span").update();
        // as a statement of more than 1,000,000 rows logs it (V164): every worker of the village recomputed
        jdbc.sql("insert into billing_village_change (village_code) values (?)").param(village).update();

        List<String> parallel = rolledBackRefresh(true);
        List<String> serial = rolledBackRefresh(false);
        assertThat(parallel).isEqualTo(serial);
        rollups.refresh();
        assertThat(digests()).isEqualTo(parallel);
        assertThat(jdbc.sql("select count(*) from coverage_money_worker where worker_id = ?").param(worker).query(Long.class).single())
                .as("the worker's billed months are kept").isOne();
    }

    @Test
    void aRefreshOfManyNamedWorkersSumsTheMoneyAlongsideAndKeepsWhatItsOwnTransactionKeeps() {
        // 45 farmers of one desa billed by one run, which names them in billing's log (a write of up to 1,000,000 rows):
        // at least lindung.coverage.truncate-rows (40 in the tests) named workers sum their money alongside
        String village = secondDesa();
        YearMonth now = YearMonth.from(indicators.today());
        for (int i = 0; i < 45; i++) {
            write(village, now.atDay(1));
        }
        rollups.refresh();
        CurrentActor.runAs(dpmd, () -> runs.run(now, dpmd, true));
        assertThat(jdbc.sql("select count(*) from billing_village_change where village_code = ? and worker_id is null").param(village)
                .query(Long.class).single()).as("named, not logged whole").isZero();

        List<String> parallel = rolledBackRefresh(true);
        List<String> serial = rolledBackRefresh(false);
        assertThat(parallel).isEqualTo(serial);
    }

    /** The money tables after a refresh in a transaction rolled back, on a second connection or (having written) not. */
    private List<String> rolledBackRefresh(boolean alongside) {
        return new TransactionTemplate(transactions).execute(s -> {
            s.setRollbackOnly();
            if (!alongside) {
                jdbc.sql("select pg_current_xact_id()").query().listOfRows();
            }
            CoverageRollups.Refresh r = rollups.refresh();
            assertThat(r.full()).isFalse();
            if (alongside) {
                assertThat(r.steps()).extracting(CoverageRollups.Step::name).contains("money alongside");
            } else {
                assertThat(r.steps()).extracting(CoverageRollups.Step::name).doesNotContain("money alongside").contains("money");
            }
            return digests();
        });
    }

    /** The regency's second desa in code order. */
    private String secondDesa() {
        return jdbc.sql("select code from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like ? "
                + "order by code offset 1 limit 1").param(REGENCY + ".%").query(String.class).single();
    }

    /** The first ({@code min}) or last ({@code max}) desa of the regency. */
    private String village(String aggregate) {
        return jdbc.sql("select " + aggregate + "(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like ?")
                .param(REGENCY + ".%").query(String.class).single();
    }

    /** A new farmer of the village billed for last month and this one (the rollups refreshed first when asked). */
    private long billedWorker(String village, boolean refreshFirst) {
        YearMonth now = YearMonth.from(indicators.today());
        long worker = write(village, now.minusMonths(1).atDay(1));
        if (refreshFirst) {
            rollups.refresh();
        }
        for (YearMonth m = now.minusMonths(1); !m.isAfter(now); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
        return worker;
    }

    private List<String> digests() {
        return MONEY.stream().map(t -> jdbc.sql("select count(*) || ' ' || coalesce(md5(string_agg(x, E'\\n' order by x collate \"C\")), '') "
                + "from (select t::text as x from " + t + " t) d").query(String.class).single()).toList();
    }

    /** A self-paying farmer with BPU JKK and JKM terms from {@code from}, committed. */
    private long write(String village, LocalDate from) {
        CoverageFixture fixture = new CoverageFixture(jdbc);
        long worker = fixture.worker(village, "Uang Bersama", "PETANI", false, null);
        long payer = fixture.payer("SELF:" + fixture.nik(worker), "SELF", "Peserta mandiri", village);
        for (String program : List.of("JKK", "JKM")) {
            fixture.term(worker, village, program, "BPU", null, payer, from);
        }
        return worker;
    }
}
