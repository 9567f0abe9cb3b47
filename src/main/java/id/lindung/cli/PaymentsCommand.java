package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.billing.Payments;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import tools.jackson.databind.json.JsonMapper;

@Command(name = "payments", description = "Payments and reconciliation.", subcommands = PaymentsCommand.Import.class)
class PaymentsCommand {

    @Command(name = "import", description = {"Import a bank or BPJS reconciliation CSV: payer,reference,date,amount.",
            "Prints {\"accepted\",\"duplicates\",\"rejected\":[{\"line\",\"reason\"}]}; a reference already recorded",
            "counts as a duplicate and adds nothing."})
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
                    Payments.ImportResult r = ctx.getBean(Payments.class).importCsv(in, Actor.system("cli"), dryRun);
                    System.out.println(JsonMapper.builder().build().writeValueAsString(r));
                    return 0;
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        }
    }
}
