package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.Role;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A job that finishes while its page reads it is shown finished, never "interrupted": CI saw a two-line payment file
 * reported as Terputus because the page read the row while the job ran and looked up its counters just after the job
 * had dropped them.
 */
@IntegrationTest
class BillingJobReadIntegrationTests {

    @Autowired BillingJobs jobs;

    static final Actor OPERATOR = TestUsers.actor("job-read-operator", Role.VILLAGE_OPERATOR, "62.02.01.2008");

    @Test
    void aJobThatFinishesWhileItIsReadReadsAsFinishedNotInterrupted() throws Exception {
        byte[] file = "payer,reference,date,amount\nAPBDES:62.02.01.2008,R-1,kemarin,5000\n".getBytes(StandardCharsets.UTF_8);
        List<String> seen = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            long id = jobs.startPaymentImport("race.csv", new ByteArrayInputStream(file), true, OPERATOR);
            AtomicBoolean interrupted = new AtomicBoolean();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (System.nanoTime() < deadline) {
                String status = jobs.get(id, OPERATOR).status();
                if ("INTERRUPTED".equals(status)) {
                    interrupted.set(true);
                }
                if (!"RUNNING".equals(status)) {
                    seen.add(status);
                    break;
                }
            }
            assertThat(interrupted).as("job %d read as interrupted while it finished", id).isFalse();
        }
        assertThat(seen).hasSize(60).containsOnly("DONE");
    }
}
