package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A verification code names one version of a bill: a recomputed bill gets a new code, the old one says "replaced". */
@IntegrationTest
class BillVersionsIntegrationTests {

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired BillVersions versions;
    @Autowired TestClock clock;
    @Autowired org.springframework.transaction.PlatformTransactionManager transactions;

    static final Actor ADMIN = TestUsers.actor("bill-versions-admin", Role.ADMIN, "ID");

    /** A village of Bulukumba billed for January 2025 for one official; returns {payer id, term id, worker id}. */
    private long[] billedVillage(String desa) {
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        long w = fx.worker(desa, "Perangkat " + desa, "PERANGKAT_DESA");
        long term = fx.term(w, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        fx.term(w, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        run();
        return new long[] {village, term, w};
    }

    private void run() {
        CurrentActor.runAs(ADMIN, () -> runs.run(YearMonth.of(2025, 1), ADMIN, true));
    }

    private String code(long payer) {
        return jdbc.sql("select verification_code from bill where payer_id = ? and month = date '2025-01-01'")
                .param(payer).query(String.class).single();
    }

    @Test
    void aRecomputedBillGetsANewCodeAndTheOldCodeSaysReplacedWithTheDate() {
        long[] billed = billedVillage("73.02.01.2011");
        String first = code(billed[0]);
        assertThat(versions.verify(first)).hasValueSatisfying(v -> {
            assertThat(v.standing()).isEqualTo(BillVersions.Standing.CURRENT);
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.total().toBigDecimal()).isEqualByComparingTo("10800");
        });

        // the official's wage was entered wrong: corrected, the re-run reverses the old lines and bills the new wage
        jdbc.sql("update membership_term set wage = 3000000 where worker_id = ?").param(billed[2]).update();
        clock.fixAt(Instant.parse("2026-12-03T03:00:00Z"));
        try {
            run();
        } finally {
            clock.reset();
        }

        String second = code(billed[0]);
        assertThat(second).isNotEqualTo(first).matches("[0-9A-F]{12}");
        assertThat(versions.verify(second)).hasValueSatisfying(v -> {
            assertThat(v.standing()).isEqualTo(BillVersions.Standing.CURRENT);
            assertThat(v.version()).isEqualTo(2);
            assertThat(v.total().toBigDecimal()).isEqualByComparingTo("16200");
        });
        assertThat(versions.verify(first.toLowerCase())).hasValueSatisfying(v -> {
            assertThat(v.standing()).isEqualTo(BillVersions.Standing.REPLACED);
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.latestVersion()).isEqualTo(2);
            assertThat(v.replacedOn()).isEqualTo(LocalDate.of(2026, 12, 3));
            assertThat(v.total().toBigDecimal()).as("the total of the version the code was printed for").isEqualByComparingTo("10800");
        });

        String page = Http.anonymous(port).get("/public/verifikasi-tagihan?kode=" + first).body();
        assertThat(page).contains("sudah diganti", "3 Desember 2026", "versi 1", "10.800").doesNotContain("Tagihan asli")
                .doesNotContain("Perangkat");
        assertThat(Http.anonymous(port).get("/public/verifikasi-tagihan?kode=" + second).body())
                .contains("Tagihan asli", "Versi 2", "16.200");
        assertThat(Http.anonymous(port).get("/public/verifikasi-tagihan?kode=ABCDEF012345").body()).contains("tidak dikenal");
    }

    @Test
    void aReRunThatChangesNothingKeepsTheCode() {
        long[] billed = billedVillage("73.02.01.2012");
        String first = code(billed[0]);
        run();
        assertThat(code(billed[0])).isEqualTo(first);
        assertThat(jdbc.sql("select count(*) from bill_version v join bill b on b.id = v.bill_id where b.payer_id = ?")
                .param(billed[0]).query(Long.class).single()).isEqualTo(1);
        assertThat(versions.verify(first)).hasValueSatisfying(v -> assertThat(v.standing()).isEqualTo(BillVersions.Standing.CURRENT));
    }

    @Test
    void aBillMadeBeforeVersionsKeepsThePrintedCodeAsVersionOne() throws Exception {
        long[] billed = billedVillage("73.02.04.2005");
        // a bill as runs made it before V65: a random code and no versions
        jdbc.sql("""
                insert into bill (payer_id, payer_region_code, month, due_date, verification_code)
                values (?, '73.02.04.2005', date '2025-02-01', date '2025-03-17', 'ABC123DEF456')""").param(billed[0]).update();
        String migration = java.nio.file.Files.readString(
                java.nio.file.Path.of("src/main/resources/db/migration/V65__billing_bill_version.sql"));
        jdbc.sql(migration.substring(migration.lastIndexOf("insert into bill_version"))).update();

        assertThat(versions.verify("abc123def456")).hasValueSatisfying(v -> {
            assertThat(v.standing()).isEqualTo(BillVersions.Standing.CURRENT);
            assertThat(v.version()).isEqualTo(1);
            assertThat(v.month()).isEqualTo(YearMonth.of(2025, 2));
        });
        assertThat(jdbc.sql("select count(*) from bill_version v join bill b on b.id = v.bill_id where b.payer_id = ?")
                .param(billed[0]).query(Long.class).single()).as("bills with versions keep theirs").isEqualTo(2);
    }

    /** The bill of a payer and January 2025 beside its versions and what bill_content computes from its lines now. */
    private java.util.List<String> billAndContent(long payer) {
        return jdbc.sql("""
                select b.id, b.verification_code, b.due_date, v.version, v.code, v.total, v.line_count, v.digest,
                       c.total as content_total, c.line_count as content_lines, c.digest as content_digest,
                       bill_version_code(b.id, v.version, c.total, c.digest, 0) as expected_code,
                       (select min(l.due_date) from bill_line l where l.payer_id = b.payer_id and l.month = b.month) as first_due
                from bill b join bill_version v on v.bill_id = b.id
                join bill_content c on c.payer_id = b.payer_id and c.month = b.month
                where b.payer_id = ? and b.month = date '2025-01-01' order by v.version""")
                .param(payer).query((rs, n) -> rs.getLong(1) + " " + rs.getString(2) + " due=" + rs.getDate(3) + " v" + rs.getInt(4)
                        + " " + rs.getString(5) + " " + rs.getBigDecimal(6) + " " + rs.getInt(7) + " " + rs.getString(8)
                        + " | " + rs.getBigDecimal(9) + " " + rs.getInt(10) + " " + rs.getString(11) + " " + rs.getString(12)
                        + " due=" + rs.getDate(13)).list();
    }

    @Test
    void aNewBillIsWrittenWithTheCodeAndContentOfItsFirstVersion() {
        String desa = "73.02.01.2016";
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        long official = fx.worker(desa, "Perangkat " + desa, "PERANGKAT_DESA");
        fx.term(official, desa, "JKK", "PU", "2000000", "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        fx.term(official, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2025, 1, 1), null);
        long farmer = fx.worker(desa, "Petani " + desa, "PETANI");
        fx.term(farmer, desa, "JKK", "BPU", "1000000", null, null, village, LocalDate.of(2025, 1, 1), null);
        fx.term(farmer, desa, "JKM", "BPU", "1000000", null, null, village, LocalDate.of(2025, 1, 1), null);
        run();

        java.util.List<String> rows = billAndContent(village);
        assertThat(rows).hasSize(1);
        String[] f = rows.get(0).split(" ");
        // the bill's code is version 1's, the hash over the bill, 1, the total and the digest of its lines (V65)
        assertThat(f[1]).isEqualTo(f[4]).isEqualTo(f[12]).matches("[0-9A-F]{12}");
        assertThat(f[3]).isEqualTo("v1");
        // the version's total, line count and digest are what bill_content computes from the lines
        assertThat(f[5] + " " + f[6] + " " + f[7]).isEqualTo(f[9] + " " + f[10] + " " + f[11]);
        assertThat(f[6]).isEqualTo("4");
        // due on the earliest due date of its lines (BPU's, in the month itself)
        assertThat(f[2]).isEqualTo(f[13]);
    }

    @Test
    void aPayerBilledByAnotherAreasRunGetsASecondVersionOfItsBillNotASecondBill() {
        String first = "73.02.01.2019";
        String second = "73.02.01.2020";
        BillingFixture fx = new BillingFixture(jdbc);
        long payer = fx.payer("APBDES:" + first, "APBDES", "Pemerintah Desa " + first, first);
        for (String desa : java.util.List.of(first, second)) {
            long w = fx.worker(desa, "Petani " + desa, "PETANI");
            fx.term(w, desa, "JKK", "BPU", "1000000", null, null, payer, LocalDate.of(2025, 1, 1), null);
        }
        for (String desa : java.util.List.of(first, second)) {
            Actor office = TestUsers.actor("bill-versions-" + desa, Role.DPMD, desa);
            CurrentActor.runAs(office, () -> runs.run(YearMonth.of(2025, 1), office, true));
        }
        java.util.List<String> rows = billAndContent(payer);
        assertThat(rows).hasSize(2);
        String[] v1 = rows.get(0).split(" ");
        String[] v2 = rows.get(1).split(" ");
        assertThat(v1[0]).as("one bill").isEqualTo(v2[0]);
        assertThat(v2[3]).isEqualTo("v2");
        assertThat(v2[1]).as("the bill shows version 2's code").isEqualTo(v2[4]).isEqualTo(v2[12]).isNotEqualTo(v1[4]);
        assertThat(v2[5] + " " + v2[6] + " " + v2[7]).isEqualTo(v2[9] + " " + v2[10] + " " + v2[11]);
        assertThat(v1[6] + " " + v2[6]).isEqualTo("1 2");
    }

    @Test
    void aNewBillWhoseFirstCodeIsTakenTakesTheNextSalt() {
        long otherBill = billOf(billedVillage("73.02.01.2018")[0]);
        // another bill's version already has the code the new bill would get with salt 0
        String[] f = newBillWithItsFirstCodeTaken("73.02.01.2017", "2500000", "bill-versions-office", (next, content) ->
                jdbc.sql("""
                        insert into bill_version (bill_id, version, code, total, line_count, digest, issued_on)
                        values (?, 2, bill_version_code(?, 1, ?, ?, 0), 1, 1, 'taken', date '2025-01-31')""")
                        .params(otherBill, next, content[0], content[1]).update());
        assertThat(f[1]).isEqualTo(f[4]).isEqualTo(f[14]).isNotEqualTo(f[12]);
    }

    @Test
    void aNewBillWhoseFirstCodeIsAnotherBillsCurrentCodeTakesTheNextSalt() {
        long otherBill = billOf(billedVillage("73.02.01.2014")[0]);
        // another bill shows the code the new bill would get with salt 0 (a bill's code is unique, V65)
        String[] f = newBillWithItsFirstCodeTaken("73.02.01.2015", "2600000", "bill-versions-office-2", (next, content) ->
                jdbc.sql("update bill set verification_code = bill_version_code(?, 1, ?, ?, 0) where id = ?")
                        .params(next, content[0], content[1], otherBill).update());
        assertThat(f[1]).as("the bill and its version 1 take salt 1").isEqualTo(f[4]).isEqualTo(f[14]);
        assertThat(f[15]).as("one bill of the month").isEqualTo("1");
    }

    private long billOf(long payer) {
        return jdbc.sql("select id from bill where payer_id = ? and month = date '2025-01-01'").param(payer)
                .query(Long.class).single();
    }

    /**
     * A village office's first run for a new payer in {@code desa}, after {@code takeCode} (given the bill id the run
     * will draw and the bill's total and digest, from a run rolled back before) took the code salt 0 would give; all in a
     * transaction that is rolled back. Returns billAndContent's fields of the new bill, with the code salt 1 gives
     * ({@code [14]}) and the number of the payer's bills of the month ({@code [15]}) appended; asserts the bill kept its id.
     */
    private String[] newBillWithItsFirstCodeTaken(String desa, String wage, String user,
                                                  java.util.function.BiConsumer<Long, Object[]> takeCode) {
        BillingFixture fx = new BillingFixture(jdbc);
        long village = fx.payer("APBDES:" + desa, "APBDES", "Pemerintah Desa " + desa, desa);
        long w = fx.worker(desa, "Perangkat " + desa, "PERANGKAT_DESA");
        fx.term(w, desa, "JKK", "PU", wage, "VERY_LOW", village, village, LocalDate.of(2025, 1, 1), null);
        Actor office = TestUsers.actor(user, Role.DPMD, desa);
        org.springframework.transaction.support.TransactionTemplate tx =
                new org.springframework.transaction.support.TransactionTemplate(transactions);
        // the bill's content, from a run that is rolled back (its bill id is skipped)
        Object[] content = tx.execute(s -> {
            s.setRollbackOnly();
            CurrentActor.runAs(office, () -> runs.run(YearMonth.of(2025, 1), office, true));
            return jdbc.sql("""
                    select v.total, v.digest from bill b join bill_version v on v.bill_id = b.id
                    where b.payer_id = ? and b.month = date '2025-01-01'""").param(village)
                    .query((rs, n) -> new Object[] {rs.getBigDecimal(1), rs.getString(2)}).single();
        });
        String sequence = jdbc.sql("select pg_get_serial_sequence('bill', 'id')").query(String.class).single();
        return tx.execute(s -> {
            s.setRollbackOnly();
            long next = jdbc.sql("select last_value + 1 from " + sequence).query(Long.class).single();
            takeCode.accept(next, content);
            CurrentActor.runAs(office, () -> runs.run(YearMonth.of(2025, 1), office, true));
            String[] f = billAndContent(village).get(0).split(" ");
            assertThat(f[0]).isEqualTo(Long.toString(next));
            String salted = jdbc.sql("select bill_version_code(?, 1, ?, ?, 1)").params(next, content[0], content[1])
                    .query(String.class).single();
            long bills = jdbc.sql("select count(*) from bill where payer_id = ? and month = date '2025-01-01'").param(village)
                    .query(Long.class).single();
            String[] out = java.util.Arrays.copyOf(f, f.length + 2);
            out[f.length] = salted;
            out[f.length + 1] = Long.toString(bills);
            return out;
        });
    }

    @Test
    void aVersionCannotBeRewritten() {
        long[] billed = billedVillage("73.02.01.2013");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> jdbc.sql(
                        "update bill_version set total = 1 where bill_id = (select id from bill where payer_id = ?)")
                .param(billed[0]).update()).hasMessageContaining("append-only");
    }

    @Test
    void codesThatAreNotTwelveHexDigitsAreNotLookedUp() {
        assertThat(versions.verify(null)).isEmpty();
        assertThat(versions.verify("' or 1=1 --")).isEmpty();
        assertThat(versions.verify("ABCDEF01234")).isEmpty();
    }
}
