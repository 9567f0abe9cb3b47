package id.lindung.cli;

import static id.lindung.cli.CommandLineTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.support.TestClock;
import org.junit.jupiter.api.Test;

class BudgetCommandTests {

    @Test
    void budgetPlanPrintsThePlanOfThePayersCurrentMembershipsAsTheApisJson() {
        int next = TestClock.nextBusinessYear();
        CommandLineTests.Run r = run("budget", "plan", "--payer", "APBDES:64.02.03.2007", "--year", Integer.toString(next));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).contains("{\"id\":null,\"payer\":\"APBDES:64.02.03.2007\"","\"year\":" + next,
                "\"status\":\"DRAFT\"", "\"months\":[", "\"projected\":", "\"assumptions\":[");
    }

    @Test
    void badInputExitsWith2AndTheReason() {
        CommandLineTests.Run unknown = run("budget", "plan", "--payer", "APBDES:99.99.99.9999", "--year", "2026");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.err()).contains("No payer APBDES:99.99.99.9999");
        CommandLineTests.Run early = run("budget", "plan", "--payer", "APBDES:64.02.03.2007", "--year", "2014");
        assertThat(early.exit()).isEqualTo(2);
        assertThat(early.err()).contains("2015");
    }
}
