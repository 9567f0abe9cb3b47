package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.billing.Payments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "payments", description = "Payments and reconciliation.", subcommands = PaymentsCommand.Import.class)
class PaymentsCommand {

    @Command(name = "import", description = {"Import a bank or BPJS reconciliation CSV: payer,reference,date,amount",
            "(dates YYYY-MM-DD or DD/MM/YYYY). Prints {\"accepted\",\"duplicates\",\"rejected\":[{\"line\",\"reason\"}],",
            "\"dryRun\"}; a reference already recorded counts as a duplicate and adds nothing. Good rows are recorded even",
            "when others are rejected; then the first rejections go to stderr and the exit status is 3. A file with no",
            "header, or a header and no rows, is refused (FILE_EMPTY, exit status 2)."})
    static class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE") Path file;
        @picocli.CommandLine.Option(names = "--dry-run", description = "Check every row and print the result; record nothing.")
        boolean dryRun;

        @Override
        public Integer call() {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("Cannot read file " + file);
            }
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                try (InputStream in = Files.newInputStream(file)) {
                    ImportProgressPrinter progress = ImportProgressPrinter.forStderr();
                    Payments.ImportResult r;
                    try {
                        r = ctx.getBean(Payments.class).importCsv(in, Actor.system("cli"), dryRun, progress, id.lindung.billing.BillingJobs.rowsOf(file));
                    } finally {
                        progress.finish();
                    }
                    Map<String, Object> out = new LinkedHashMap<>();
                    out.put("accepted", r.accepted());
                    out.put("duplicates", r.duplicates());
                    out.put("rejected", r.rejected());
                    out.put("dryRun", dryRun);
                    System.out.println(JsonMapper.builder().build().writeValueAsString(out));
                    if (dryRun) {
                        System.err.println("dry run: nothing was recorded; " + r.accepted() + " payment(s) would be recorded");
                    }
                    if (r.rejected().isEmpty()) {
                        return 0;
                    }
                    System.err.println(r.rejected().size() + " row(s) rejected" + (dryRun ? "" : " and not recorded")
                            + (r.rejected().size() > LindungCommandLine.REJECTIONS_SHOWN ? "; the first " + LindungCommandLine.REJECTIONS_SHOWN : "") + ":");
                    r.rejected().stream().limit(LindungCommandLine.REJECTIONS_SHOWN)
                            .forEach(x -> System.err.println("  line " + x.line() + ": " + x.reason()));
                    return LindungCommandLine.REJECTED_ROWS;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }
}
