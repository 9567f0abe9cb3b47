package id.lindung.coverage.internal;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How much a refresh recomputes follows what billing's change log names (V164): a write of up to 1,000,000 rows names
 * its workers, so a province's arrears file recomputes the workers whose money or months changed, not every worker of
 * every village it touched; a larger write names villages. A refresh rebuilds when its work list holds more than a share
 * of the workers the rollups hold (lindung.coverage.full-rebuild-share, 70 %) or more than the cap of a list, however
 * many villages it spans.
 */
@IntegrationTest
class RefreshSizeIntegrationTests {

    /** Worker ids no test creates: the rows below are written in a transaction that is rolled back, or name nobody. */
    static final long NOBODY = 9_000_000_000L;

    @Autowired JdbcClient jdbc;
    @Autowired CoverageRollups rollups;
    @Autowired PlatformTransactionManager transactions;
    @Autowired ProtectionCalendar calendar;
    @Autowired java.time.Clock clock;

    @Test
    void aBillingWriteOfUpToAMillionRowsNamesItsWorkersALargerOneOnlyItsVillages() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(s -> {
            String[] villages = villages(3);
            jdbc.sql("""
                    insert into paid_month (worker_id, program, month, village_code, paid_on)
                    select :nobody + i, 'JKK', date '2001-01-01', (cast(:v as text[]))[1 + i % 3], date '2001-01-10'
                    from generate_series(1, 1500) i""").param("nobody", NOBODY).param("v", villages).update();
            assertThat(logged("worker_id is not null")).as("1,500 paid months name their 1,500 workers").isEqualTo(1500);
            assertThat(logged("worker_id is null")).isZero();

            jdbc.sql("""
                    insert into paid_month (worker_id, program, month, village_code, paid_on)
                    select :nobody + i, 'JKM', date '2001-01-01', (cast(:v as text[]))[1 + i % 3], date '2001-01-10'
                    from generate_series(1, 1000001) i""").param("nobody", NOBODY).param("v", villages).update();
            assertThat(logged("worker_id is null")).as("1,000,001 paid months name their 3 villages").isEqualTo(3);
            assertThat(logged("worker_id is not null")).isEqualTo(1500);
            s.setRollbackOnly();
        });
    }

    /*
     * A refresh sums a named worker's money again only from the earliest month billing changed for it (V171): the log
     * must carry that month for every kind of write, per worker for a small write and per village for a large one.
     */
    @Test
    void aBillingWriteLogsTheEarliestMonthItChangedPerWorkerAndPerVillage() {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            String[] villages = villages(2);
            jdbc.sql("""
                    insert into paid_month (worker_id, program, month, village_code, paid_on)
                    values (:nobody, 'JKK', date '2001-05-01', :v1, date '2001-05-10'),
                           (:nobody, 'JKM', date '2001-03-01', :v1, date '2001-03-10'),
                           (:nobody + 1, 'JKK', date '2001-06-01', :v2, date '2001-06-10')""")
                    .param("nobody", NOBODY).param("v1", villages[0]).param("v2", villages[1]).update();
            assertThat(jdbc.sql("""
                    select worker_id - :nobody || ':' || from_month from billing_village_change
                    where tx = pg_current_xact_id() order by worker_id""").param("nobody", NOBODY).query(String.class).list())
                    .containsExactly("0:2001-03-01", "1:2001-06-01");
            jdbc.sql("delete from paid_month where worker_id = :nobody and month = date '2001-05-01'").param("nobody", NOBODY).update();
            assertThat(jdbc.sql("""
                    select count(*) from billing_village_change
                    where tx = pg_current_xact_id() and worker_id = :nobody and from_month = date '2001-05-01'""")
                    .param("nobody", NOBODY).query(Long.class).single()).as("a delete logs its row's month").isOne();
            jdbc.sql("""
                    insert into paid_month (worker_id, program, month, village_code, paid_on)
                    select :nobody + 10 + i, 'JKK', date '2001-01-01' + (i % 7) * interval '1 month', :v1, date '2001-01-10'
                    from generate_series(1, 1000001) i""").param("nobody", NOBODY).param("v1", villages[0]).update();
            assertThat(jdbc.sql("select from_month from billing_village_change where tx = pg_current_xact_id() and worker_id is null")
                    .query(java.sql.Date.class).list()).as("a large write: its village, from its earliest month")
                    .containsExactly(java.sql.Date.valueOf("2001-01-01"));
            s.setRollbackOnly();
        });
    }

    @Test
    void aRefreshRebuildsWhenItsWorkListHoldsMoreThanTheShareOfTheRegisterNotForManyVillages() {
        String[] villages = fiveWorkersOf7206();
        rollups.refresh();
        long held = jdbc.sql("select count(distinct worker_id) from coverage_worker_span").query(Long.class).single();
        assertThat(held).isGreaterThanOrEqualTo(5);

        // each case in its own transaction, rolled back
        CoverageRollups.Refresh one = rolledBack(() -> {
            logWhole(villages[1]);
            return rollups(0.5, 1_000_000).refresh();
        });
        assertThat(one.full()).as("one worker of %d", held).isFalse();
        assertThat(one.why()).isNull();
        assertThat(one.workers()).isEqualTo(1);

        // every village holding a span: the whole register, so one pass over the views instead
        CoverageRollups.Refresh all = rolledBack(() -> {
            jdbc.sql("insert into billing_village_change (village_code) select distinct village_code from coverage_worker_span").update();
            return rollups(0.5, 1_000_000).refresh();
        });
        assertThat(all.full()).as("%d workers of %d", held, held).isTrue();
        assertThat(all.why()).as("every village logged whole: decided before the list").isEqualTo("REBUILD_VILLAGES_SHARE");

        // a list longer than the cap rebuilds whatever its share: four workers against a cap of three
        assertThat(rolledBack(() -> {
            logWhole(villages[0]);
            return rollups(100, 3).refresh();
        }).why()).as("4 workers, cap 3").isEqualTo("REBUILD_LISTED_CAP");
        assertThat(rolledBack(() -> {
            logWhole(villages[0]);
            return rollups(100, 4).refresh();
        }).full()).as("4 workers, cap 4").isFalse();

        // a rebuild decided after the list was written still sums the money on a second connection: whether the
        // transaction had written is asked before the list is (committed here, so that nothing of this test's own
        // transaction is in the logs)
        logWhole(villages[0]);
        CoverageRollups capped = new CoverageRollups(jdbc, calendar, transactions, clock, 40, "128MB", 40, 100, 1, 3, 1000, true);
        CoverageRollups.Refresh rebuilt = capped.refresh();
        assertThat(rebuilt.full()).isTrue();
        assertThat(rebuilt.steps()).extracting(CoverageRollups.Step::name).contains("money alongside");
        capped.stop();
    }

    @Test
    void moreThanTheShareOfTheVillagesWithWorkersLoggedWholeRebuildsBeforeListingTheirWorkers() {
        String[] villages = fiveWorkersOf7206();
        rollups.refresh();
        jdbc.sql("analyze coverage_worker_span").update();
        long held = jdbc.sql("select count(distinct village_code) from coverage_worker_span").query(Long.class).single();
        // the share of workers never asked (lists shorter than the minimum): only the villages can decide
        CoverageRollups byVillages = new CoverageRollups(jdbc, calendar, transactions, clock, 40, "128MB", 40, 0.5, Integer.MAX_VALUE,
                1_000_000, 1000, false);
        CoverageRollups.Refresh one = rolledBack(() -> {
            logWhole(villages[1]);
            return byVillages.refresh();
        });
        assertThat(one.full()).as("one village of %d", held).isFalse();
        assertThat(one.workers()).isEqualTo(1);
        CoverageRollups.Refresh all = rolledBack(() -> {
            jdbc.sql("insert into billing_village_change (village_code) select distinct village_code from coverage_worker_span").update();
            return byVillages.refresh();
        });
        assertThat(all.full()).as("%d villages of %d", held, held).isTrue();
        assertThat(all.why()).as("decided before the list").isEqualTo("REBUILD_VILLAGES_SHARE");
    }

    /**
     * Four workers in the first village of regency 72.06 (no other test's) and one in the second, with JKK and JKM
     * terms; committed (a reader's refresh re-applies every change its own transaction logged) and made once.
     */
    private String[] fiveWorkersOf7206() {
        String[] villages = jdbc.sql("select code from region_area where level = 'VILLAGE' and code like '72.06.%' order by code limit 2")
                .query(String.class).list().toArray(String[]::new);
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            long payer = jdbc.sql("insert into payer (code, kind, name, region_code) values ('APBD:72.06', 'APBD', 'Pemerintah Kabupaten Uji', '72.06') "
                    + "on conflict (code) do update set name = payer.name returning id").query(Long.class).single();
            for (int i = 0; i < 5; i++) {
                String village = villages[i < 4 ? 0 : 1];
                String nik = village.substring(0, 8).replace(".", "") + "010188" + String.format("%04d", 9100 + i);
                if (jdbc.sql("select count(*) from worker where nik = ?").param(nik).query(Long.class).single() > 0) {
                    continue;
                }
                long worker = jdbc.sql("""
                        insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by)
                        values (?, ?, 'P', date '1988-01-01', ?, 'PETANI', 'test') returning id""")
                        .params(nik, "Pekerja " + i, village).query(Long.class).single();
                for (String program : new String[] {"JKK", "JKM"}) {
                    jdbc.sql("""
                            insert into membership_term (worker_id, village_code, program, segment, wage, worker_payer_id, valid_from, created_by)
                            values (?, ?, ?, 'BPU', 1000000, ?, date '2026-01-01', 'test')""").params(worker, village, program, payer).update();
                }
            }
        });
        return villages;
    }

    private <T> T rolledBack(java.util.function.Supplier<T> work) {
        return new TransactionTemplate(transactions).execute(s -> {
            s.setRollbackOnly();
            return work.get();
        });
    }

    @Test
    void manyVillagesWithNamedWorkersAreRecomputedNotRebuilt() {
        new TransactionTemplate(transactions).executeWithoutResult(s -> {
            rollups.refresh();
            // the registry's log: billing's has only its workers with a BPU term recomputed (the next test)
            jdbc.sql("""
                    insert into registry_village_change (village_code, worker_id)
                    select v.code, :nobody + row_number() over (order by v.code)
                    from (select code from region_area where level = 'VILLAGE' order by code limit 5001) v""")
                    .param("nobody", NOBODY).update();
            CoverageRollups.Refresh named = rollups.refresh();
            assertThat(named.full()).as("5,001 villages with named workers").isFalse();
            assertThat(named.workers()).isEqualTo(5001);
            s.setRollbackOnly();
        });
    }

    /*
     * Billing's writes reach the spans only through the lapses of BPU programmes: a village official paid by the
     * village budget (PU only) keeps the same spans whatever billing writes, so billing's log recomputes only the
     * workers with a BPU term, named or in a village logged whole; the registry's log recomputes every worker.
     * Billing's log still has the money summed again.
     */
    @Test
    void billingsLogRecomputesTheSpansOfWorkersWithABpuTermOnlyTheRegistrysEveryWorker() {
        String[] villages = fiveWorkersOf7206();
        long official = new TransactionTemplate(transactions).execute(s -> {
            // the regency's budget pays (fiveWorkersOf7206's villages may be kelurahan, which have no village budget)
            long payer = jdbc.sql("select id from payer where code = 'APBD:72.06'").query(Long.class).single();
            String nik = villages[1].substring(0, 8).replace(".", "") + "010188" + "9200";
            Long existing = jdbc.sql("select id from worker where nik = ?").param(nik).query(Long.class).optional().orElse(null);
            if (existing != null) {
                return existing;
            }
            long worker = jdbc.sql("""
                    insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by)
                    values (?, 'Sekretaris Uji', 'L', date '1980-01-01', ?, 'PERANGKAT_DESA', 'test') returning id""")
                    .params(nik, villages[1]).query(Long.class).single();
            for (String program : new String[] {"JKK", "JKM"}) {
                jdbc.sql("""
                        insert into membership_term (worker_id, village_code, program, segment, wage, risk_group, employer_payer_id,
                            worker_payer_id, valid_from, created_by)
                        values (?, ?, ?, 'PU', 2000000, ?, ?, ?, date '2026-01-01', 'test')""")
                        .params(worker, villages[1], program, program.equals("JKK") ? "VERY_LOW" : null, payer, payer).update();
            }
            return worker;
        });
        long farmer = jdbc.sql("select w.id from worker w where w.village_code = ? and w.category = 'PETANI'").param(villages[1])
                .query(Long.class).single();
        rollups.refresh();

        CoverageRollups.Refresh billingNamed = rolledBack(() -> {
            jdbc.sql("insert into billing_village_change (village_code, worker_id) values (?, ?), (?, ?)")
                    .params(villages[1], official, villages[1], farmer).update();
            return rollups.refresh();
        });
        assertThat(billingNamed.workers()).as("the farmer (BPU), not the official (PU)").isEqualTo(1);
        assertThat(billingNamed.steps()).extracting(CoverageRollups.Step::name).as("their money is summed again").contains("money");
        assertThat(rolledBack(() -> {
            logWhole(villages[1]);
            return rollups.refresh();
        }).workers()).as("billing's whole village: its farmer").isEqualTo(1);
        assertThat(rolledBack(() -> {
            jdbc.sql("insert into registry_village_change (village_code, worker_id) values (?, ?), (?, ?)")
                    .params(villages[1], official, villages[1], farmer).update();
            return rollups.refresh();
        }).workers()).as("the registry's log: both").isEqualTo(2);
        assertThat(rolledBack(() -> {
            jdbc.sql("insert into registry_village_change (village_code) values (?)").param(villages[1]).update();
            return rollups.refresh();
        }).workers()).as("the registry's whole village: both").isEqualTo(2);
    }

    /** The rollups with the share of the register and the cap of a work list that rebuild (every list counts). */
    private CoverageRollups rollups(double share, int cap) {
        return new CoverageRollups(jdbc, calendar, transactions, clock, 40, "128MB", 40, share, 1, cap, 1000, false);
    }

    private void logWhole(String village) {
        jdbc.sql("insert into billing_village_change (village_code) values (?)").param(village).update();
    }

    private String[] villages(int n) {
        return jdbc.sql("select code from region_area where level = 'VILLAGE' order by code limit ?").param(n)
                .query(String.class).list().toArray(String[]::new);
    }

    /** Rows of billing's change log written by the current transaction. */
    private long logged(String condition) {
        return jdbc.sql("select count(*) from billing_village_change where tx = pg_current_xact_id() and " + condition)
                .query(Long.class).single();
    }
}
