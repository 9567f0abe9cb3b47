package id.lindung.region;

import id.lindung.platform.InvalidInputException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Loads an official region list (the four CSV files of idn-area-data) with COPY and merges it into
 * {@code region}: new codes are added, names and parents are updated, and codes missing from the new
 * list are retired rather than deleted so that workers, users and payers keep their references.
 */
final class RegionListLoader {

    static final String BUNDLED_VERSION = "idn-area-data 4.0.1";
    static final String BUNDLED_SOURCE = "npm idn-area-data 4.0.1 (Kemendagri codes), ODbL";
    private static final String[] FILES = {"provinces", "regencies", "districts", "villages"};

    /** Where the four files come from: the jar, or a folder given on the command line. */
    interface Source {
        InputStream open(String name) throws IOException;

        static Source bundled() {
            return name -> {
                InputStream in = RegionListLoader.class.getResourceAsStream("/regions/" + name + ".csv.gz");
                if (in == null) {
                    throw new IOException("Bundled region file " + name + ".csv.gz is missing");
                }
                return new GZIPInputStream(in, 1 << 16);
            };
        }

        static Source folder(Path dir) {
            return name -> {
                Path plain = dir.resolve(name + ".csv");
                Path gz = dir.resolve(name + ".csv.gz");
                if (Files.exists(plain)) {
                    return Files.newInputStream(plain);
                }
                if (Files.exists(gz)) {
                    return new GZIPInputStream(Files.newInputStream(gz), 1 << 16);
                }
                throw new IOException("Missing " + plain + " (or .csv.gz)");
            };
        }
    }

    record Result(String version, int provinces, int regencies, int districts, int villages, int retired) {}

    /** Runs inside the caller's transaction on {@code connection}. */
    static Result load(Connection connection, Source source, String version, String sourceDescription, String loadedBy) {
        try (Statement st = connection.createStatement()) {
            st.execute("create temp table region_stage (code text collate \"C\", parent_code text collate \"C\", name text) on commit drop");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String file : FILES) {
                String columns = file.equals("provinces") ? "(code, name)" : "(code, parent_code, name)";
                try (InputStream in = source.open(file)) {
                    copy.copyIn("copy region_stage " + columns + " from stdin with (format csv, header true)", in);
                }
            }
            List<String> problems = validate(st);
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems.stream()
                        .map(p -> id.lindung.platform.InputProblem.of("code", "REGION_LIST_INVALID", p)).toList());
            }
            st.execute("""
                    insert into region (code, parent_code, level, kind, name, active, list_version)
                    select s.code, s.parent_code,
                           (array['PROVINCE','REGENCY','DISTRICT','VILLAGE'])[length(s.code) - length(replace(s.code, '.', '')) + 1],
                           case length(s.code) - length(replace(s.code, '.', ''))
                               when 1 then case when substr(s.code, 4, 1) >= '7' then 'KOTA' else 'KABUPATEN' end
                               when 3 then case when substr(s.code, 10, 1) = '1' then 'KELURAHAN' else 'DESA' end
                           end,
                           trim(s.name), true, '%s'
                    from region_stage s
                    on conflict (code) do update
                        set parent_code = excluded.parent_code, name = excluded.name, kind = excluded.kind,
                            active = true, list_version = excluded.list_version
                        where (region.parent_code, region.name, region.kind, region.active)
                              is distinct from (excluded.parent_code, excluded.name, excluded.kind, true)
                    """.formatted(version.replace("'", "''")));
            int retired = st.executeUpdate("""
                    update region r set active = false
                    where r.active and not exists (select 1 from region_stage s where s.code = r.code)""");
            int[] counts = new int[4];
            try (ResultSet rs = st.executeQuery("""
                    select level, count(*) from region where active group by level""")) {
                while (rs.next()) {
                    counts[RegionLevel.valueOf(rs.getString(1)).ordinal()] = rs.getInt(2);
                }
            }
            try (var ps = connection.prepareStatement("""
                    insert into region_list (version, source, loaded_by, provinces, regencies, districts, villages, retired)
                    values (?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (version) do update set loaded_at = now(), loaded_by = excluded.loaded_by,
                        provinces = excluded.provinces, regencies = excluded.regencies, districts = excluded.districts,
                        villages = excluded.villages, retired = excluded.retired""")) {
                ps.setString(1, version);
                ps.setString(2, sourceDescription);
                ps.setString(3, loadedBy);
                for (int i = 0; i < 4; i++) {
                    ps.setInt(4 + i, counts[i]);
                }
                ps.setInt(8, retired);
                ps.executeUpdate();
            }
            return new Result(version, counts[0], counts[1], counts[2], counts[3], retired);
        } catch (SQLException e) {
            throw new IllegalStateException("Loading region list " + version + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Reading region list " + version + " failed: " + e.getMessage(), e);
        }
    }

    private static List<String> validate(Statement st) throws SQLException {
        List<String> problems = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("""
                select code, 'malformed code' from region_stage
                    where code !~ '^\\d{2}(\\.\\d{2}(\\.\\d{2}(\\.\\d{4})?)?)?$'
                union all
                select code, 'duplicate code' from region_stage group by code having count(*) > 1
                union all
                select s.code, 'parent ' || coalesce(s.parent_code, '(none)') || ' is not in the list'
                    from region_stage s
                    where s.code like '%.%'
                      and (s.parent_code is null or s.parent_code <> regexp_replace(s.code, '\\.[0-9]+$', '')
                           or not exists (select 1 from region_stage p where p.code = s.parent_code))
                union all
                select code, 'empty name' from region_stage where coalesce(trim(name), '') = ''
                limit 50""")) {
            while (rs.next()) {
                problems.add(rs.getString(1) + ": " + rs.getString(2));
            }
        }
        return problems;
    }
}
