package id.lindung.importing;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.RegionScope;
import id.lindung.platform.InputProblem;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import id.lindung.registry.BulkRegistration;
import id.lindung.registry.NikChecker;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first half of a staged import: every row of the file parsed and checked in Java (no per-row round trip), the
 * good rows copied into the registry's staging table, the refused ones and the warnings recorded, all in one
 * transaction that holds the batch's validation lock, so a batch left PENDING without it was interrupted.
 */
@Component
class ImportValidation {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(ImportValidation.class);

    /** Rows read between two {@link WorkerImports.Progress#checked} calls. */
    private static final int CHECK_REPORT_EVERY = 10_000;

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final BulkRegistration bulk;
    private final Regions regions;
    private final NikChecker nikChecker;
    private final AuditLog audit;
    private final id.lindung.registry.BpuIncomeRange bpuIncome;
    private final id.lindung.registry.DefaultWages defaultWages;
    private final id.lindung.registry.WorkerCategories categories;
    private final ImportRejections rejections;

    ImportValidation(JdbcClient jdbc, TransactionTemplate tx, BulkRegistration bulk, Regions regions, NikChecker nikChecker,
                     AuditLog audit, id.lindung.registry.BpuIncomeRange bpuIncome, id.lindung.registry.DefaultWages defaultWages,
                     id.lindung.registry.WorkerCategories categories, ImportRejections rejections) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.bulk = bulk;
        this.regions = regions;
        this.nikChecker = nikChecker;
        this.audit = audit;
        this.bpuIncome = bpuIncome;
        this.defaultWages = defaultWages;
        this.categories = categories;
        this.rejections = rejections;
    }

    void validate(long id, Path file, String format, WorkerImports.Options options, Actor actor, WorkerImports.Progress progress,
                  int chunkSize, int applyThreads) {
        String defaultVillage = options.villageCode() != null && !options.villageCode().isBlank() ? options.villageCode().trim()
                : RegionLevel.ofCode(actor.scope().isNational() ? "00" : actor.scope().code()) == RegionLevel.VILLAGE
                ? actor.scope().code() : null;
        LocalDate today = nikChecker.today();
        var lookups = new WorkerRowParser.Lookups(nikChecker.districtCodes()::contains, villagesIn(actor.scope()),
                apbdRegions(), actor.scope(), today, bpuIncome::range, defaultWages::wage, categories.snapshot());
        var defaults = new WorkerRowParser.Defaults(defaultVillage, options.startDate() != null ? options.startDate() : today);
        List<ImportRejections.Rejection> refusals = new ArrayList<>();
        List<InputProblem> warnings = new ArrayList<>();
        try {
            tx.executeWithoutResult(status -> {
                // held while this batch is validated, so a PENDING batch without it was interrupted (see failInterrupted)
                jdbc.sql("select pg_advisory_xact_lock(?)").param(VALIDATION_LOCK | id).query().singleRow();
                long[] counts = new long[3]; // total, valid, max line
                WorkerRowParser[] parser = new WorkerRowParser[1];
                String[][] header = new String[1][];
                NikLines seen = new NikLines();
                long parseStart = System.nanoTime();
                try (id.lindung.registry.StageWriter stage = bulk.openStage(id)) {
                    RowSource.of(file, format).read((line, raw) -> {
                        // PostgreSQL text holds no NUL: kept visible (U+FFFD) in the rejection file, refused by the parser
                        String[] fields = withoutNul(raw);
                        if (header[0] == null) {
                            header[0] = fields;
                            List<InputProblem> problems = new ArrayList<>();
                            parser[0] = WorkerRowParser.forHeader(fields, defaults, lookups, problems);
                            problems.forEach(p -> refusals.add(new ImportRejections.Rejection(p, fields)));
                            return;
                        }
                        if (parser[0] == null) {
                            return;
                        }
                        counts[0]++;
                        if (counts[0] % CHECK_REPORT_EVERY == 0) {
                            progress.checked(counts[0]);
                        }
                        counts[2] = Math.max(counts[2], line);
                        WorkerRowParser.Outcome outcome = parser[0].parse(line, fields);
                        if (outcome instanceof WorkerRowParser.Ok ok) {
                            long first = seen.putIfAbsent(Long.parseLong(ok.row().nik()), line);
                            if (first != 0) {
                                refusals.add(new ImportRejections.Rejection(new InputProblem(line, "nik", "DUPLICATE_IN_FILE",
                                        "NIK also on line " + first), fields));
                            } else {
                                stage.add(ok.row());
                                counts[1]++;
                                // the row was imported: its warning keeps no copy of the row's identity data
                                warnings.addAll(ok.warnings());
                            }
                        } else if (outcome instanceof WorkerRowParser.Refused refused) {
                            refused.problems().forEach(p -> refusals.add(new ImportRejections.Rejection(p, fields)));
                        }
                    });
                }
                log.debug("batch {}: {} rows parsed, checked and staged in {} ms", id, counts[0], (System.nanoTime() - parseStart) / 1_000_000);
                if (header[0] == null) {
                    refusals.add(new ImportRejections.Rejection(new InputProblem(1, null, "FILE_EMPTY", "The file has no header row"), new String[0]));
                } else if (parser[0] != null && counts[0] == 0) {
                    // as a named list's (WorkerLists): nothing to import is the file's fault, not zero rows' ("0 row(s) rejected")
                    refusals.add(new ImportRejections.Rejection(new InputProblem(1, null, "FILE_EMPTY", "The file has a header but no rows"),
                            new String[0]));
                }
                long checkStart = System.nanoTime();
                long conflicted = 0;
                if (parser[0] != null && counts[1] > 0) {
                    long analyzeStart = System.nanoTime();
                    bulk.analyzeStage(); // fresh statistics, so the set-based statements join well
                    log.debug("batch {}: worker_stage analysed in {} ms", id, (System.nanoTime() - analyzeStart) / 1_000_000);
                    List<BulkRegistration.Conflict> conflicts = bulk.check(id, actor);
                    Map<Long, Map<String, String>> staged = bulk.staged(id, conflicts.stream().map(BulkRegistration.Conflict::line).distinct().toList());
                    for (BulkRegistration.Conflict c : conflicts) {
                        refusals.add(new ImportRejections.Rejection(new InputProblem(c.line(), c.field(), c.code(), c.message()),
                                ImportRejections.reconstruct(parser[0], staged.get(c.line()))));
                    }
                    conflicted = conflicts.stream().map(BulkRegistration.Conflict::line).distinct().count();
                }
                log.debug("batch {}: checked against the registry in {} ms", id, (System.nanoTime() - checkStart) / 1_000_000);
                rejections.store(id, refusals);
                // a row refused against the registry is not imported: its warning would tell of nothing
                java.util.Set<Long> refused = refusals.stream().map(r -> r.problem().line()).collect(java.util.stream.Collectors.toSet());
                rejections.storeWarnings(id, warnings.stream().filter(w -> !refused.contains(w.line())).toList());
                long refusedLines = refusals.stream().filter(r -> r.problem().line() > 1).map(r -> r.problem().line()).distinct().count();
                long valid = counts[1] - conflicted;
                String state = parser[0] == null || valid == 0 ? "FAILED" : "VALIDATED";
                jdbc.sql("""
                        update import_batch set status = :status, header = :header, total_rows = :total, valid_rows = :valid,
                               rejected_rows = :rejected, max_line = :maxLine, chunk_size = :chunk, validated_at = now(),
                               failure = :failure, finished_at = case when :status = 'FAILED' then now() end
                        where id = :id""")
                        .param("status", state).param("header", header[0] == null ? new String[0] : header[0])
                        .param("total", counts[0]).param("valid", valid).param("rejected", refusedLines)
                        .param("maxLine", counts[2]).param("chunk", ImportChunks.chunkSizeFor(counts[2], chunkSize, applyThreads))
                        .param("failure", parser[0] == null ? refusals.get(0).problem().message() : valid == 0 ? WorkerImports.NO_VALID_ROWS : null)
                        .param("id", id).update();
                if (state.equals("FAILED")) {
                    bulk.dropStage(id);
                }
                audit.record("VALIDATE", "import_batch", String.valueOf(id), WorkerImports.regionOf(actor), null,
                        Map.of("status", state, "rows", counts[0], "valid", valid, "rejectedLines", refusedLines));
            });
        } catch (id.lindung.platform.TooManyRequestsException e) {
            // more NIKs registered outside the importer's area than their lookups allow: no row is answered, so the
            // file tells no more than single lookups would (docs/privacy.md)
            log.info("batch {}: refused, {}", id, e.getMessage());
            jdbc.sql("update import_batch set status = 'FAILED', failure = ?, finished_at = now() where id = ?")
                    .params(e.getMessage(), id).update();
            rejections.store(id, List.of(new ImportRejections.Rejection(new InputProblem(1, null, e.code(), e.getMessage()),
                    new String[0])));
        } catch (RuntimeException e) {
            // a file that cannot be read at all: said in words a user can act on, with a code, never the JDK's text
            InputProblem why = unreadable(e, format);
            log.info("batch {}: the file could not be read: {}", id, e.toString());
            jdbc.sql("update import_batch set status = 'FAILED', failure = ?, finished_at = now() where id = ?")
                    .params(why.message(), id).update();
            rejections.store(id, List.of(new ImportRejections.Rejection(why, new String[0])));
        }
    }

    /** Why a file could not be read, as a problem on its line 1 with a stable code. */
    static InputProblem unreadable(Throwable e, String format) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RowSource.NotAWorkbook) {
                return new InputProblem(1, null, "FILE_UNREADABLE", t.getMessage());
            }
            if (t instanceof java.nio.charset.CharacterCodingException) {
                return new InputProblem(1, null, "FILE_NOT_UTF8", "The file is not UTF-8 text: save it as \"CSV UTF-8\" "
                        + "(Excel) or with the UTF-8 encoding, then upload it again");
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            if (message.contains("Zip bomb") || message.contains("zip bomb") || message.contains("exceed")
                    && message.contains("max")) {
                return new InputProblem(1, null, "FILE_TOO_EXPANDED", "The workbook expands to far more than its size "
                        + "(it may be damaged or hostile); save it again from Excel or as CSV");
            }
        }
        return new InputProblem(1, null, "FILE_UNREADABLE", "The file could not be read as " + format
                + "; save it again as CSV UTF-8 or XLSX and upload it again");
    }

    private static String[] withoutNul(String[] fields) {
        for (int i = 0; i < fields.length; i++) {
            if (fields[i] != null && fields[i].indexOf('\u0000') >= 0) {
                fields[i] = fields[i].replace('\u0000', '\uFFFD');
            }
        }
        return fields;
    }

    /** Key space of the validation locks: "IMPV" in the high 32 bits, the batch id in the low ones. */
    private static final long VALIDATION_LOCK = 0x494D5056L << 32;

    /**
     * Marks FAILED the PENDING batches whose validation is no longer running (the process was killed or the database
     * restarted mid-validation: its transaction rolled back, so nothing of it was staged). Runs at start-up and
     * before listing batches, so such a batch never stays PENDING.
     */
    public int failInterrupted() {
        return tx.execute(status -> jdbc.sql("""
                with pending as materialized (
                    -- a validation takes its lock a few milliseconds after creating its batch
                    select id from import_batch where status = 'PENDING' and created_at < now() - interval '1 minute')
                update import_batch b set status = 'FAILED', finished_at = now(),
                       failure = ?
                from pending p where b.id = p.id and b.status = 'PENDING' and pg_try_advisory_xact_lock(? | b.id)""")
                .param(WorkerImports.INTERRUPTED).param(VALIDATION_LOCK).update());
    }

    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void failInterruptedAtStartup() {
        failInterrupted();
    }

    private Map<String, Boolean> villagesIn(RegionScope scope) {
        return WorkerLists.villagesIn(regions, scope);
    }

    private Set<String> apbdRegions() {
        return WorkerLists.apbdRegions(regions);
    }
}
