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
 * connection would not see those writes. Regency 19.06, which no other test uses.
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
        String village = jdbc.sql("select min(code) from region_area where level = 'VILLAGE' and kind = 'DESA' and active and code like ?")
                .param(REGENCY + ".%").query(String.class).single();
        YearMonth now = YearMonth.from(indicators.today());
        long worker = write(village, now.minusMonths(1).atDay(1));
        for (YearMonth m = now.minusMonths(1); !m.isAfter(now); m = m.plusMonths(1)) {
            YearMonth month = m;
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }

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
