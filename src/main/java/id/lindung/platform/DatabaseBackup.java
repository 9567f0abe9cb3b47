package id.lindung.platform;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.FilterInputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.stereotype.Component;

/**
 * Backup and restore of Lindung's database without pg_dump (zonky's bundle has only initdb, pg_ctl and
 * postgres): every table of the schema is copied out with COPY, in one repeatable-read snapshot, into a zip
 * file with a manifest (schema version, tables in dependency order, row counts). Restore empties the tables
 * and copies them back in the same order, all in one transaction, then moves every sequence past its
 * largest id. A backup restores only into a database at the same schema version (the same Lindung version).
 */
@Component
public class DatabaseBackup {

    private static final String FORMAT = "lindung-backup-1";
    private static final String HISTORY = "flyway_schema_history";

    private final DataSource dataSource;

    DatabaseBackup(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What a backup holds or a restore put back: rows per table, in dependency order. */
    public record Summary(String schemaVersion, Map<String, Long> rows) {
        public long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    public Summary backup(Path file) throws IOException, SQLException {
        Path tmp = file.resolveSibling(file.getFileName() + ".part");
        Map<String, Long> rows = new LinkedHashMap<>();
        String version;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            version = schemaVersion(c);
            List<String> tables = tablesInDependencyOrder(c);
            try (ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
                var copy = c.unwrap(PGConnection.class).getCopyAPI();
                for (int i = 0; i < tables.size(); i++) {
                    String table = tables.get(i);
                    zip.putNextEntry(new ZipEntry(String.format("%03d-%s.copy", i, table)));
                    long n = copy.copyOut("copy (select " + columns(c, table) + " from " + quote(table) + ") to stdout",
                            new FilterOutputStream(zip) {
                                @Override
                                public void close() {
                                    // the zip entry is closed below, not by COPY
                                }
                            });
                    zip.closeEntry();
                    rows.put(table, n);
                }
                Properties manifest = new Properties();
                manifest.setProperty("format", FORMAT);
                manifest.setProperty("schemaVersion", version);
                manifest.setProperty("tables", String.join(",", tables));
                rows.forEach((t, n) -> manifest.setProperty("rows." + t, Long.toString(n)));
                zip.putNextEntry(new ZipEntry("manifest.properties"));
                manifest.store(zip, "Lindung database backup");
                zip.closeEntry();
            }
            c.commit();
        } catch (IOException | SQLException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        return new Summary(version, rows);
    }

    /** Replaces every table's rows with the backup's; all or nothing. The migration history is not touched. */
    public Summary restore(Path file) throws IOException, SQLException {
        Properties manifest = readManifest(file);
        if (!FORMAT.equals(manifest.getProperty("format"))) {
            throw new InvalidInputException("file", "BACKUP_FORMAT_UNKNOWN", "'" + file + "' is not a Lindung backup");
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            String version = schemaVersion(c);
            if (!version.equals(manifest.getProperty("schemaVersion"))) {
                throw new InvalidInputException("file", "BACKUP_VERSION_MISMATCH", "The backup is of schema version "
                        + manifest.getProperty("schemaVersion") + ", this database is at " + version
                        + ": restore it with the Lindung version that made it");
            }
            List<String> tables = tablesInDependencyOrder(c);
            Set<String> inBackup = new LinkedHashSet<>(List.of(manifest.getProperty("tables").split(",")));
            try (Statement s = c.createStatement()) {
                // the audit trail refuses TRUNCATE by trigger; a restore is the one place that may replace it
                for (String table : tables) {
                    if (!table.equals(HISTORY)) {
                        s.execute("alter table " + quote(table) + " disable trigger user");
                    }
                }
                List<String> wiped = tables.stream().filter(t -> !t.equals(HISTORY)).map(DatabaseBackup::quote).toList();
                if (!wiped.isEmpty()) {
                    s.execute("truncate " + String.join(", ", wiped) + " restart identity cascade");
                }
                // the triggers are off, so say what they would: every server drops the API tokens it keeps (V134)
                s.execute("select pg_notify('lindung_access_change', 'restore')");
            }
            var copy = c.unwrap(PGConnection.class).getCopyAPI();
            try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
                ZipEntry entry;
                while ((entry = zip.getNextEntry()) != null) {
                    String name = entry.getName();
                    if (!name.endsWith(".copy")) {
                        continue;
                    }
                    String table = name.substring(name.indexOf('-') + 1, name.length() - ".copy".length());
                    if (table.equals(HISTORY) || !inBackup.contains(table)) {
                        continue;
                    }
                    if (!tables.contains(table)) {
                        throw new InvalidInputException("file", "BACKUP_TABLE_UNKNOWN", "The backup has a table " + table + " this database lacks");
                    }
                    long n = copy.copyIn("copy " + quote(table) + " (" + columns(c, table) + ") from stdin", new FilterInputStream(zip) {
                        @Override
                        public void close() {
                            // the next entry follows in the same stream
                        }
                    });
                    rows.put(table, n);
                }
            }
            try (Statement s = c.createStatement()) {
                for (String table : tables) {
                    if (!table.equals(HISTORY)) {
                        s.execute("alter table " + quote(table) + " enable trigger user");
                    }
                }
                // every identity or serial sequence continues after the largest restored value
                s.execute("""
                        do $$
                        declare r record; top bigint;
                        begin
                          -- schema-qualified: the planner may call the function before the schema filter, on
                          -- rows of other schemas (information_schema.sql_features), whose bare names do not resolve
                          for r in select c.relname as tbl, a.attname as col, pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) as seq
                                   from pg_class c join pg_namespace n on n.oid = c.relnamespace
                                   join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                                   where n.nspname = 'public' and c.relkind = 'r'
                                     and pg_get_serial_sequence(format('%I.%I', n.nspname, c.relname), a.attname) is not null
                          loop
                            execute format('select max(%I) from %I', r.col, r.tbl) into top;
                            if top is null then
                              perform setval(r.seq, 1, false);
                            else
                              perform setval(r.seq, top, true);
                            end if;
                          end loop;
                        end $$""");
            }
            c.commit();
            return new Summary(version, rows);
        }
    }

    private static Properties readManifest(Path file) throws IOException {
        try (ZipInputStream zip = new ZipInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (entry.getName().equals("manifest.properties")) {
                    Properties p = new Properties();
                    p.load(new java.io.InputStreamReader(zip, StandardCharsets.ISO_8859_1));
                    return p;
                }
            }
        } catch (java.util.zip.ZipException e) {
            throw new InvalidInputException("file", "BACKUP_FORMAT_UNKNOWN", "'" + file + "' is not a Lindung backup ('" + e.getMessage() + "')");
        }
        throw new InvalidInputException("file", "BACKUP_FORMAT_UNKNOWN", "'" + file + "' has no manifest: not a Lindung backup");
    }

    private static String schemaVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "select coalesce(max(version::numeric)::text, '0') from " + HISTORY + " where success and version is not null")) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** The schema's ordinary tables, every table after the tables its foreign keys point to. */
    static List<String> tablesInDependencyOrder(Connection c) throws SQLException {
        Map<String, Set<String>> dependsOn = new LinkedHashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relkind in ('r', 'p') and not c.relispartition order by c.relname""")) {
            while (rs.next()) {
                dependsOn.put(rs.getString(1), new LinkedHashSet<>());
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                select src.relname, dst.relname from pg_constraint k
                join pg_class src on src.oid = k.conrelid join pg_class dst on dst.oid = k.confrelid
                join pg_namespace n on n.oid = src.relnamespace
                where k.contype = 'f' and n.nspname = 'public' and src.oid <> dst.oid""")) {
            while (rs.next()) {
                Set<String> deps = dependsOn.get(rs.getString(1));
                if (deps != null && dependsOn.containsKey(rs.getString(2))) {
                    deps.add(rs.getString(2));
                }
            }
        }
        List<String> ordered = new ArrayList<>();
        Set<String> placed = new LinkedHashSet<>();
        while (placed.size() < dependsOn.size()) {
            boolean progress = false;
            for (var e : dependsOn.entrySet()) {
                if (!placed.contains(e.getKey()) && placed.containsAll(e.getValue())) {
                    placed.add(e.getKey());
                    ordered.add(e.getKey());
                    progress = true;
                }
            }
            if (!progress) {
                // a cycle of foreign keys: the rest in name order (one transaction, checked at the end of each COPY)
                dependsOn.keySet().stream().filter(t -> !placed.contains(t)).forEach(t -> {
                    placed.add(t);
                    ordered.add(t);
                });
            }
        }
        return ordered;
    }

    /** The columns a COPY reads and writes: all but generated ones, in table order. */
    private static String columns(Connection c, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var ps = c.prepareStatement("""
                select a.attname from pg_attribute a join pg_class c on c.oid = a.attrelid join pg_namespace n on n.oid = c.relnamespace
                where n.nspname = 'public' and c.relname = ? and a.attnum > 0 and not a.attisdropped and a.attgenerated = ''
                order by a.attnum""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(quote(rs.getString(1)));
                }
            }
        }
        return String.join(", ", names);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }
}
