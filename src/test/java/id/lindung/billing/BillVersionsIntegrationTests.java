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
