package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.registry.BilledTerms;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The registry withdraws a term scheduled for later only if no bill line names it (BilledTerms): billing answers from
 * the months with lines of the term's worker and programme. Regency 16.09, which no other test uses.
 */
@IntegrationTest
class BilledTermsIntegrationTests {

    @Autowired JdbcClient jdbc;
    @Autowired BillingRuns runs;
    @Autowired BilledTerms billedTerms;

    @Test
    void aTermIsBilledFromItsFirstMonthsLineAndATermScheduledAfterTheBilledMonthsIsNot() {
        String regency = "16.09";
        Actor dpmd = TestUsers.actor("billed-terms", Role.DPMD, regency);
        BillingFixture fx = new BillingFixture(jdbc);
        String village = fx.firstDesa(regency);
        long payer = fx.payer("APBDES:" + village, "APBDES", "Pemerintah Desa " + village, village);
        long head = fx.worker(village, "Kepala Desa " + village, "KEPALA_DESA");
        // billed from its first month, 15 January
        long running = fx.term(head, village, "JKK", "PU", "2000000", "VERY_LOW", payer, payer, LocalDate.of(2026, 1, 15), null);
        // scheduled after the billed months
        long scheduled = fx.term(head, village, "JKM", "PU", "2000000", null, payer, payer, LocalDate.of(2026, 6, 1), null);
        for (int m = 1; m <= 2; m++) {
            YearMonth month = YearMonth.of(2026, m);
            CurrentActor.runAs(dpmd, () -> runs.run(month, dpmd, true));
        }
        // a wage raise scheduled for June: the same programme has billed months, none of them this term's
        fx.close(running, LocalDate.of(2026, 6, 1), "CHANGED");
        long raise = fx.term(head, village, "JKK", "PU", "2500000", "VERY_LOW", payer, payer, LocalDate.of(2026, 6, 1), null);
        assertThat(billedTerms.billed(running)).isTrue();
        assertThat(billedTerms.billed(scheduled)).isFalse();
        assertThat(billedTerms.billed(raise)).isFalse();
        assertThat(billedTerms.billed(Long.MAX_VALUE)).as("no such term").isFalse();
    }
}
