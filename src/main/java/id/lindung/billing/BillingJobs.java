package id.lindung.billing;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.UploadNames;
import id.lindung.platform.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Long billing work started from a page, run in the background (issue 11 item 16): a billing run or a payment file.
 * The request that starts it answers at once with the job's id; the job's page polls {@link #get} for its counters
 * (kept in memory while it runs, one update per row would cost more than the work) and shows the result, which stays
 * in {@code billing_job}, so a job can be left and found later. One job at a time, in the order they were started:
 * billing runs take the month's lock anyway, and two payment files of one payer settle the same bills.
 * A job still marked running that this process does not run died with an earlier process: it reads as INTERRUPTED.
 * The order matters: a job writes its final row before it drops its counters, so a reader that finds no counters for
 * a row it read as running reads the row again before calling the job interrupted.
 */
@Service
public class BillingJobs {

    private static final Logger log = LoggerFactory.getLogger(BillingJobs.class);
    /** Rejected rows of a payment file kept with its result (the page shows them; the CLI prints them all). */
    static final int REJECTIONS_KEPT = 500;

    /** Where a job is, and what it did once finished. {@code result} holds the figures of its kind (see the starts). */
    public record Job(long id, String kind, String status, String subject, String startedBy, Instant startedAt,
                      Instant finishedAt, String phase, long done, long total, Map<String, Object> result, String failureCode,
                      String failure) {

        public boolean running() {
            return "RUNNING".equals(status);
        }

        public int percent() {
            return total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
        }
    }

    /** The counters of a job this process runs. */
    private static final class Live implements BillingProgress {
        volatile String phase;
        volatile long done;
        volatile long total;

        @Override
        public void advanced(String phase, long done, long total) {
            this.phase = phase;
            this.done = done;
            this.total = total;
        }
    }

    private final JdbcClient jdbc;
    private final BillingRuns runs;
    private final Payments payments;
    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<Long, Live> live = new ConcurrentHashMap<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "billing-job");
        t.setDaemon(true);
        return t;
    });

    BillingJobs(JdbcClient jdbc, BillingRuns runs, Payments payments) {
        this.jdbc = jdbc;
        this.runs = runs;
        this.payments = payments;
    }

    /**
     * Starts billing {@code month}. What can be refused at once is refused here, as {@link BillingRuns#run} would
     * (a month too far ahead, a month before the window without {@code backfill}); the rest is the job's result.
     */
    public long startRun(YearMonth month, boolean backfill, Actor actor) {
        runs.checkStart(month, actor, backfill);
        return start("BILLING_RUN", month.toString(), actor, progress -> {
            BillingRuns.Result r = runs.run(month, actor, backfill, progress);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("month", r.month().toString());
            result.put("bills", r.bills());
            result.put("lines", r.lines());
            result.put("total", r.total().toBigDecimal());
            result.put("regulationVersion", r.regulationVersion());
            return result;
        }, null);
    }

    /**
     * Starts reading a payment file ({@code dryRun}: checking it, recording nothing). The file is copied first, so the
     * upload's request may end; the copy is deleted when the job ends.
     */
    public long startPaymentImport(String fileName, InputStream content, boolean dryRun, Actor actor) throws IOException {
        Payments.requireRecorder(actor);
        Path copy = Files.createTempFile("lindung-payments-", ".csv");
        try {
            Files.copy(content, copy, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        long rows = rowsOf(copy);
        String subject = UploadNames.of(fileName, 200, "payments.csv");
        return start("PAYMENT_IMPORT", subject, actor, progress -> {
            Payments.ImportResult r;
            try (InputStream in = Files.newInputStream(copy)) {
                r = payments.importCsv(in, actor, dryRun, progress, rows);
            }
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("dryRun", dryRun);
            result.put("accepted", r.accepted());
            result.put("duplicates", r.duplicates());
            result.put("rejectedCount", r.rejected().size());
            result.put("rejected", r.rejected().stream().limit(REJECTIONS_KEPT).toList());
            return result;
        }, copy);
    }

    /** The job, if the actor's area covers the area of the user who started it; else as if it did not exist. */
    public Job get(long id, Actor actor) {
        return jdbc.sql("select * from billing_job where id = :id and region_code >= :lo and region_code < :hi")
                .param("id", id).param("lo", actor.scope().lo()).param("hi", actor.scope().hi())
                .query((rs, n) -> job(rs)).optional().map(j -> seenBy(j, actor))
                .orElseThrow(() -> new NotFoundException("Job " + id + " not found"));
    }

    /**
     * A job as a masked reader (MONITOR, AUDITOR) may see it: a payment file's rejected rows quote what was typed
     * (an unknown payer SELF: and a NIK, a reference), its name and its failure may hold NIKs, so every run of 10 or more
     * digits is masked as the import's rejections are (docs/privacy.md). Review of 2 December 2026: the job page showed
     * the whole NIK of an unknown self-payer in the row's tooltip to the read-only roles of the village.
     */
    static Job seenBy(Job job, Actor actor) {
        if (PersonalData.seesFull(actor)) {
            return job;
        }
        Map<String, Object> result = new LinkedHashMap<>(job.result());
        if (result.get("rejected") instanceof List<?> rows) {
            result.put("rejected", rows.stream().map(row -> {
                if (!(row instanceof Map<?, ?> fields)) {
                    return row;
                }
                Map<Object, Object> masked = new LinkedHashMap<>(fields);
                if (masked.get("reason") instanceof String reason) {
                    masked.put("reason", PersonalData.maskTyped(reason));
                }
                return masked;
            }).toList());
        }
        String subject = "PAYMENT_IMPORT".equals(job.kind()) ? PersonalData.maskTyped(job.subject()) : job.subject();
        return new Job(job.id(), job.kind(), job.status(), subject, job.startedBy(), job.startedAt(), job.finishedAt(),
                job.phase(), job.done(), job.total(), result, job.failureCode(), PersonalData.maskTyped(job.failure()));
    }

    /** The latest jobs of a kind in the actor's area, newest first. */
    public List<Job> recent(String kind, Actor actor, int limit) {
        return jdbc.sql("""
                select * from billing_job where kind = :kind and region_code >= :lo and region_code < :hi
                order by started_at desc, id desc limit :limit""")
                .param("kind", kind).param("lo", actor.scope().lo()).param("hi", actor.scope().hi()).param("limit", limit)
                .query((rs, n) -> job(rs)).list().stream().map(j -> seenBy(j, actor)).toList();
    }

    @FunctionalInterface
    private interface Work {
        Map<String, Object> run(BillingProgress progress) throws Exception;
    }

    private long start(String kind, String subject, Actor actor, Work work, Path cleanUp) {
        long id = jdbc.sql("""
                insert into billing_job (kind, subject, region_code, started_by) values (:kind, :subject, :region, :by) returning id""")
                .param("kind", kind).param("subject", subject).param("region", actor.scope().code()).param("by", actor.username())
                .query(Long.class).single();
        Live counters = new Live();
        live.put(id, counters);
        worker.execute(() -> CurrentActor.runAs(actor, () -> {
            try {
                Map<String, Object> result = work.run(counters);
                finish(id, "DONE", counters, json.writeValueAsString(result), null, null);
            } catch (InvalidInputException e) {
                finish(id, "FAILED", counters, null, e.code(), e.getMessage());
            } catch (Exception e) {
                log.error("Billing job {} ({} {}) failed", id, kind, subject, e);
                finish(id, "FAILED", counters, null, "INTERNAL_ERROR", "Something went wrong in Lindung; the error has been logged");
            } finally {
                live.remove(id);
                if (cleanUp != null) {
                    try {
                        Files.deleteIfExists(cleanUp);
                    } catch (IOException e) {
                        log.warn("Could not delete {}", cleanUp);
                    }
                }
            }
        }));
        return id;
    }

    private void finish(long id, String status, Live counters, String result, String failureCode, String failure) {
        jdbc.sql("""
                update billing_job set status = :status, finished_at = clock_timestamp(), phase = :phase, done = :done,
                       total = :total, result = cast(:result as jsonb), failure_code = :code, failure = :failure where id = :id""")
                .param("status", status).param("phase", counters.phase).param("done", counters.done)
                .param("total", counters.total).param("result", result).param("code", failureCode)
                .param("failure", failure == null || failure.length() <= 1000 ? failure : failure.substring(0, 1000))
                .param("id", id).update();
    }

    private Job job(java.sql.ResultSet rs) throws java.sql.SQLException {
        long id = rs.getLong("id");
        String status = rs.getString("status");
        String phase = rs.getString("phase");
        long done = rs.getLong("done");
        long total = rs.getLong("total");
        Live counters = live.get(id);
        if ("RUNNING".equals(status)) {
            if (counters == null && finishedSince(id)) {
                // The row was read while the job ran and it finished before its counters were looked up: a job's
                // row is final before its counters go (see start), so read the row again rather than call it dead.
                return jdbc.sql("select * from billing_job where id = :id").param("id", id).query((r, n) -> job(r)).single();
            }
            if (counters == null) {
                status = "INTERRUPTED";
            } else {
                phase = counters.phase;
                done = counters.done;
                total = counters.total;
            }
        }
        String result = rs.getString("result");
        Timestamp finished = rs.getTimestamp("finished_at");
        @SuppressWarnings("unchecked")
        Map<String, Object> figures = result == null ? Map.of() : json.readValue(result, Map.class);
        return new Job(id, rs.getString("kind"), status, rs.getString("subject"), rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(), finished == null ? null : finished.toInstant(), phase, done, total,
                figures, rs.getString("failure_code"), rs.getString("failure"));
    }

    /** Whether the job's row no longer says RUNNING (it finished after a read that still saw it running). */
    private boolean finishedSince(long id) {
        return !"RUNNING".equals(jdbc.sql("select status from billing_job where id = :id").param("id", id)
                .query(String.class).single());
    }

    /** A payment file's lines less the header: the rows its progress counts toward (blank lines make it an estimate). */
    public static long rowsOf(Path file) {
        try (var lines = Files.lines(file, java.nio.charset.StandardCharsets.ISO_8859_1)) {
            return Math.max(0, lines.count() - 1);
        } catch (IOException | java.io.UncheckedIOException e) {
            return 0;
        }
    }
}
