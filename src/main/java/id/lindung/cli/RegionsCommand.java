package id.lindung.cli;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.region.RegionLists;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "regions", description = "The official region hierarchy.", subcommands = RegionsCommand.Import.class)
class RegionsCommand {

    @Command(name = "import", description = {
            "Load an official region list: a folder with provinces.csv, regencies.csv, districts.csv, villages.csv",
            "(idn-area-data format, optionally .csv.gz). Without --dir, reloads the bundled list.",
            "Codes missing from the new list are retired, never deleted, so existing references stay valid."})
    static class Import implements Callable<Integer> {
        @Option(names = "--dir", description = "Folder with the four CSV files.") Path dir;
        @Option(names = "--version", description = "Name of the list, e.g. 'Kepmendagri 300.2.2-2138/2025'.") String version;

        @Override
        public Integer call() {
            return SpringContexts.withContext(ctx -> CurrentActor.runAs(Actor.system("cli"), () -> {
                var result = ctx.getBean(RegionLists.class).load(dir, version);
                System.out.println("{\"version\":\"" + result.version().replace("\"", "'") + "\",\"provinces\":" + result.provinces()
                        + ",\"regencies\":" + result.regencies() + ",\"districts\":" + result.districts()
                        + ",\"villages\":" + result.villages() + ",\"retired\":" + result.retired() + "}");
                return 0;
            }));
        }
    }
}
