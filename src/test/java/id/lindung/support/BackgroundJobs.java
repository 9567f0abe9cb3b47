package id.lindung.support;

import id.lindung.access.Actor;
import id.lindung.billing.BillingJobs;

/** Waits for a background billing job, so that a page test sees its result and not its first counters. */
public final class BackgroundJobs {

    private BackgroundJobs() {}

    /** The job once it is no longer running (a minute at most: a stuck job fails the test that waits for it). */
    public static BillingJobs.Job finished(BillingJobs jobs, long id, Actor actor) throws InterruptedException {
        for (int i = 0; i < 600; i++) {
            BillingJobs.Job job = jobs.get(id, actor);
            if (!job.running()) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + id + " still running after a minute");
    }
}
