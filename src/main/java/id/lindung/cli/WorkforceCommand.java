package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.UserAccounts;
import id.lindung.region.PotentialWorkforce;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "workforce", description = "Potential workforce per region and year.", subcommands = WorkforceCommand.Import.class)
class WorkforceCommand {

    @Command(name = "import", description = {"Import a CSV file: region_code,year,potential_workers,source.",
            "All rows or none: any bad row is reported with its line and reason, and nothing is stored."})
    static class Import implements Callable<Integer> {
        @Parameters(index = "0", paramLabel = "FILE") Path file;
        @Option(names = "--as", description = "Import as this user (default: national system import).") String as;

        @Override
        public Integer call() throws Exception {
            if (!Files.isReadable(file)) {
                throw new IllegalArgumentException("Cannot read file " + file);
            }
            return SpringContexts.withContext(ctx -> {
                Actor actor = as == null ? Actor.system("cli")
                        : ctx.getBean(UserAccounts.class).findByUsername(as)
                        .map(u -> new Actor(u.username(), u.role(), u.scope(), "cli"))
                        .orElseThrow(() -> new IllegalArgumentException("No user '" + as + "'"));
                return CurrentActor.runAs(actor, () -> {
                    try (InputStream in = Files.newInputStream(file)) {
                        var r = ctx.getBean(PotentialWorkforce.class).importCsv(in, actor, false);
                        System.out.println("{\"rows\":" + r.rows() + ",\"created\":" + r.created() + ",\"updated\":" + r.updated()
                                + ",\"unchanged\":" + r.unchanged() + "}");
                        return 0;
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
            });
        }
    }

}
