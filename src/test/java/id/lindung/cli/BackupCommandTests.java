package id.lindung.cli;

import static id.lindung.cli.CommandLineTests.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code backup --out FILE} and {@code restore FILE} from the command line (issue 12, personal data). */
class BackupCommandTests {

    @Test
    void aBackupRestoresTheSameRowsAndANonBackupIsABadArgument(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("lindung.zip");
        CommandLineTests.Run backup = run("backup", "--out", file.toString());
        assertThat(backup.exit()).as(backup.err()).isZero();
        assertThat(Files.size(file)).isPositive();
        String rows = backup.out().replaceAll("(?s).*\"rows\":(\\d+).*", "$1");
        assertThat(Long.parseLong(rows)).isPositive();

        CommandLineTests.Run restore = run("restore", file.toString());
        assertThat(restore.exit()).as(restore.err()).isZero();
        // the restored rows are the backup's, without the migration history that restore leaves alone
        assertThat(Long.parseLong(restore.out().replaceAll("(?s).*\"rows\":(\\d+).*", "$1"))).isPositive().isLessThan(Long.parseLong(rows));

        Path junk = dir.resolve("junk.zip");
        Files.writeString(junk, "not a backup");
        assertThat(run("restore", junk.toString()).exit()).isEqualTo(2);
        assertThat(run("restore", dir.resolve("missing.zip").toString()).exit()).isEqualTo(2);
    }
}
