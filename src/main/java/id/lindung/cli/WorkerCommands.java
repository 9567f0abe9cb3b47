package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.LindungUser;
import id.lindung.access.UserAccounts;
import id.lindung.importing.ImportBatch;
import id.lindung.importing.WorkerFileGenerator;
import id.lindung.importing.WorkerImports;
import id.lindung.platform.BusinessClock;
import id.lindung.region.OfficialRegionFiles;
import id.lindung.region.Region;
import id.lindung.registry.NikCheck;
import id.lindung.registry.NikJson;
import java.io.BufferedWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

/** Worker registry commands: {@code import workers}, {@code generate workers}, {@code nik check}. */
final class WorkerCommands {

    private WorkerCommands() {}

    @Command(name = "import", description = "Import data files.", subcommands = ImportWorkers.class)
    static class Import {}

    @Command(name = "workers", description = "Import workers from a CSV or XLSX file (also an OpenSID resident export) "
            + "as a user; prints the batch as JSON. Without --confirm the batch stays VALIDATED. When rows are rejected, "
            + "the first ones go to stderr, all of them to import-<id>-rejections.csv beside the file, and the exit status is 3.")
    static class ImportWorkers implements Callable<Integer> {
        @Parameters(index = "0", arity = "0..1", description = "CSV or XLSX file (not with --batch).") Path file;
        @Option(names = "--as", required = true, description = "Username whose role and region scope apply.") String username;
        @Option(names = "--confirm", description = "Import the valid rows right after validation.") boolean confirm;
        @Option(names = "--batch", description = "Confirm (or resume) an existing batch instead of uploading.") Long batch;
        @Option(names = "--village", description = "Village for rows without village_code (OpenSID exports).") String village;
        @Option(names = "--start-date", description = "Start date for rows without start_date (default today).") LocalDate startDate;

        @Override
        public Integer call() {
            if (batch == null && file == null) {
                throw new IllegalArgumentException("Give the file to import, or --batch ID to confirm or resume a batch");
            }
            if (batch != null && file != null) {
                throw new IllegalArgumentException("Give either a file or --batch ID, not both");
            }
            if (batch == null && !Files.isRegularFile(file)) {
                throw new IllegalArgumentException("No such file: " + file);
            }
            return SpringContexts.withContext(ctx -> {
                LindungUser user = ctx.getBean(UserAccounts.class).findByUsername(username)
                        .orElseThrow(() -> new IllegalArgumentException("Unknown user '" + username + "'"));
                Actor actor = new Actor(user.username(), user.role(), user.scope(), "cli");
                return CurrentActor.runAs(actor, () -> {
                    WorkerImports imports = ctx.getBean(WorkerImports.class);
                    ImportProgressPrinter progress = ImportProgressPrinter.forStderr();
                    ImportBatch result;
                    try {
                        result = batch != null ? imports.confirm(batch, progress)
                                : imports.importFile(file.getFileName().toString(), file, new WorkerImports.Options(village, startDate, confirm), progress);
                    } finally {
                        progress.finish();
                    }
                    System.out.println(ctx.getBean(JsonMapper.class).writeValueAsString(result));
                    if (result.status().equals("FAILED")) {
                        return 2;
                    }
                    reportWarnings(imports, result);
                    if (result.rejectedRows() == 0) {
                        return 0;
                    }
                    reportRejections(imports, result);
                    return LindungCommandLine.REJECTED_ROWS;
                });
            });
        }

        /** A line on stderr for each row imported as typed but warned about (a PU wage below the usual minimum). */
        private static void reportWarnings(WorkerImports imports, ImportBatch result) {
            imports.warnings(result.id(), LindungCommandLine.REJECTIONS_SHOWN).forEach(r -> System.err.println("warning: line "
                    + r.line() + (r.field() == null ? "" : " " + r.field()) + ": " + r.message() + " (" + r.code() + ")"));
        }

        /**
         * The first rejections on stderr, and every rejected row with its reasons in a CSV beside the imported file
         * (in the working directory for {@code --batch}), ready to be corrected and imported again.
         */
        private void reportRejections(WorkerImports imports, ImportBatch result) {
            var first = imports.rejections(result.id(), LindungCommandLine.REJECTIONS_SHOWN);
            System.err.println(result.rejectedRows() + " row(s) rejected"
                    + (result.rejectedRows() > first.size() ? "; the first " + first.size() : "") + ":");
            first.forEach(r -> System.err.println("  line " + r.line() + (r.field() == null ? "" : " " + r.field()) + ": "
                    + r.message() + " (" + r.code() + ")"));
            Path dir = file == null ? Path.of("") : file.toAbsolutePath().getParent();
            Path csv = dir.resolve("import-" + result.id() + "-rejections.csv").toAbsolutePath();
            try (var w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
                imports.writeRejectionsCsv(result.id(), w);
                System.err.println("rejected rows with their reasons: " + csv);
            } catch (java.io.IOException | RuntimeException e) {
                // a role that may not see the raw rows (or an unwritable folder) still gets the list above
                System.err.println("rejected rows were not written to " + csv + ": " + e.getMessage());
            }
        }
    }

    @Command(name = "generate", description = "Generate demo and benchmark files.", subcommands = GenerateWorkers.class)
    static class Generate {}

    @Command(name = "workers", description = "Write a realistic worker import CSV (deterministic for a seed).")
    static class GenerateWorkers implements Callable<Integer> {
        @Option(names = "--regions", required = true, split = ",", description = "Region codes, e.g. 64.02,63.") String[] regions;
        @Option(names = "--per-village", required = true, description = "Workers per village.") int perVillage;
        @Option(names = "--seed", defaultValue = "1") long seed;
        @Option(names = "--out", required = true) Path out;
        @Option(names = "--bad-share", defaultValue = "0", description = "Share of deliberately bad rows, 0 to 1.") double badShare;

        @Option(names = "--regions-dir", description = "Region list folder as for 'regions import --dir' (default: the bundled list).")
        Path regionsDir;

        /** Needs no database: the villages come from the official region list itself. */
        @Override
        public Integer call() {
            OfficialRegionFiles list = OfficialRegionFiles.bundledOr(regionsDir);
            List<Region> villages = new ArrayList<>();
            for (String code : regions) {
                villages.addAll(list.villagesWithin(code));
            }
            if (villages.isEmpty()) {
                throw new IllegalArgumentException("No villages under " + Arrays.asList(regions));
            }
            try (BufferedWriter w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                var s = WorkerFileGenerator.write(villages, perVillage, seed, badShare, w);
                System.out.println("{\"file\":\"" + out + "\",\"villages\":" + s.villages() + ",\"rows\":" + s.rows()
                        + ",\"badRows\":" + s.badRows() + "}");
                return 0;
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    @Command(name = "nik", description = "NIK tools.", subcommands = NikCheckCommand.class)
    static class Nik {}

    @Command(name = "check", description = "Check a NIK and print {nik, valid, errors, sex, birthDate, districtCode}; "
            + "exit 0 whether valid or not, 2 when the argument is not digits.")
    static class NikCheckCommand implements Callable<Integer> {
        @Parameters(index = "0") String nik;
        @Option(names = "--regions-dir", description = "Region list folder as for 'regions import --dir' (default: the bundled list).")
        Path regionsDir;

        @Override
        public Integer call() {
            if (!nik.matches("\\d+")) {
                throw new IllegalArgumentException("NIK must be digits only, got '" + nik + "'");
            }
            // needs no database: district codes come from the official region list, today from the business clock
            NikCheck.Result result = NikCheck.check(nik, OfficialRegionFiles.bundledOr(regionsDir).districtCodes()::contains,
                    LocalDate.now(BusinessClock.fromSettings()));
            System.out.println(JsonMapper.builder().build().writeValueAsString(NikJson.of(result)));
            return 0;
        }
    }
}
