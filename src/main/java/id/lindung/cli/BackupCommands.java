package id.lindung.cli;

import id.lindung.platform.DatabaseBackup;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code backup --out FILE} and {@code restore FILE}: the whole database, without pg_dump. */
final class BackupCommands {

    private BackupCommands() {}

    @Command(name = "backup", description = {"Write the whole database to a backup file (a zip of COPY data with a manifest),",
            "from one consistent snapshot; works while the server runs."})
    static class Backup implements Callable<Integer> {
        @Option(names = "--out", required = true, description = "The backup file to write.") Path out;

        @Override
        public Integer call() {
            return SpringContexts.withContext(ctx -> {
                try {
                    var summary = ctx.getBean(DatabaseBackup.class).backup(out);
                    System.out.println("{\"file\":\"" + out.toString().replace("\\", "/").replace("\"", "'") + "\",\"schemaVersion\":\""
                            + summary.schemaVersion() + "\",\"tables\":" + summary.rows().size() + ",\"rows\":" + summary.totalRows() + "}");
                    return 0;
                } catch (java.io.IOException | java.sql.SQLException e) {
                    throw new IllegalStateException("Backup failed: " + e.getMessage(), e);
                }
            });
        }
    }

    @Command(name = "restore", description = {"Replace every table's rows with those of a backup file made by 'backup'",
            "with the same Lindung version; all or nothing. Stop the server first."})
    static class Restore implements Callable<Integer> {
        @Parameters(index = "0", description = "The backup file.") Path file;

        @Override
        public Integer call() {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new picocli.CommandLine.ParameterException(new picocli.CommandLine(this), "No backup file " + file);
            }
            return SpringContexts.withContext(ctx -> {
                try {
                    var summary = ctx.getBean(DatabaseBackup.class).restore(file);
                    System.out.println("{\"file\":\"" + file.toString().replace("\\", "/").replace("\"", "'") + "\",\"schemaVersion\":\""
                            + summary.schemaVersion() + "\",\"tables\":" + summary.rows().size() + ",\"rows\":" + summary.totalRows() + "}");
                    return 0;
                } catch (java.io.IOException | java.sql.SQLException e) {
                    throw new IllegalStateException("Restore failed: " + e.getMessage(), e);
                }
            });
        }
    }
}
