package id.lindung;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which module owns which table, read from the Flyway migrations, and which module's SQL touches which table, read
 * from the Java sources. The rules it checks are in docs/architecture.md ("The rules of table ownership"):
 * <ul>
 *   <li>a migration belongs to the module named by the first word of its description ({@code V52__registry_views.sql}
 *       belongs to {@code registry}); the few older files that do not name one are listed in {@link #LEGACY_MIGRATIONS};</li>
 *   <li>a table or view belongs to the module whose migration creates it;</li>
 *   <li>a view is <em>published</em> when its name starts with its owner's name and an underscore
 *       ({@code registry_payer}); its columns are the owner's contract;</li>
 *   <li>a module's SQL may use its own tables and views and other modules' published views, nothing else;</li>
 *   <li>a module's migration may not alter, index, write to or put a trigger on another module's table, and a
 *       function still defined after the last migration may read only what its module may read.</li>
 * </ul>
 * Plain source scanning: no database, no Spring.
 */
final class TableOwnership {

    static final Set<String> MODULES = Set.of("region", "access", "regulation", "contribution", "benefit", "registry",
            "importing", "billing", "claim", "quote", "demo", "cli", "platform", "shared");

    /** Migrations written before the naming rule, which cannot be renamed (Flyway keeps their checksums). */
    static final Map<String, String> LEGACY_MIGRATIONS = Map.of(
            "V4__workforce.sql", "region",
            "V41__membership_term_overlap_check.sql", "registry",
            "V44__worker_stage_registered.sql", "registry",
            "V45__worker_index_upkeep.sql", "registry",
            "V47__payer_register.sql", "registry",
            "V50__import_formats.sql", "importing");

    enum Kind { TABLE, VIEW }

    record Relation(String name, Kind kind, String owner, String migration) {
        boolean published() {
            return kind == Kind.VIEW && name.startsWith(owner + "_");
        }
    }

    record Migration(String file, int version, String module, String sql) {}

    record Violation(String file, String message) {
        @Override
        public String toString() {
            return file + ": " + message;
        }
    }

    /** An explicit exception to the rules: module {@code module} may use {@code relation} because {@code reason}. */
    record Allowed(String module, String relation, String reason) {}

    // ---------------------------------------------------------------------------------------------------------------
    // migrations

    private static final Pattern MIGRATION_NAME = Pattern.compile("V(\\d+)__([a-z0-9]+)(?:_[a-z0-9_]*)?\\.(?:sql|java)");

    static String moduleOfMigration(String file) {
        String legacy = LEGACY_MIGRATIONS.get(file);
        if (legacy != null) {
            return legacy;
        }
        Matcher m = MIGRATION_NAME.matcher(file);
        if (m.matches() && MODULES.contains(m.group(2))) {
            return m.group(2);
        }
        return null;
    }

    static List<Migration> readMigrations(Path dir, List<Violation> violations) {
        List<Migration> result = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path p : files.filter(f -> f.getFileName().toString().endsWith(".sql")).toList()) {
                String file = p.getFileName().toString();
                Matcher m = MIGRATION_NAME.matcher(file);
                String module = moduleOfMigration(file);
                if (!m.matches() || module == null) {
                    violations.add(new Violation(file, "the migration does not name its module: call it V<n>__<module>_<what>.sql "
                            + "with <module> one of " + new java.util.TreeSet<>(MODULES)));
                    continue;
                }
                result.add(new Migration(file, Integer.parseInt(m.group(1)), module, Files.readString(p)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        result.sort(Comparator.comparingInt(Migration::version));
        return result;
    }

    private static final Pattern CREATE_RELATION = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:(unlogged\\s+)?table|(materialized\\s+)?view|(temp|temporary)\\s+(?:table|view))"
                    + "\\s+(?:if\\s+not\\s+exists\\s+)?" + Sql.NAME,
            Pattern.CASE_INSENSITIVE);

    /** Every table and view the migrations create, with its owner; a second creator of one name is a violation. */
    static Map<String, Relation> owners(List<Migration> migrations, List<Violation> violations) {
        Map<String, Relation> owners = new TreeMap<>();
        for (Migration mig : migrations) {
            Matcher m = CREATE_RELATION.matcher(Sql.withoutComments(mig.sql()));
            while (m.find()) {
                if (m.group(3) != null) {
                    continue; // a temporary table lives for one migration only
                }
                String name = Sql.bareName(m.group(4));
                Kind kind = m.group(0).toLowerCase(Locale.ROOT).contains("view") ? Kind.VIEW : Kind.TABLE;
                Relation previous = owners.get(name);
                if (previous != null && !previous.owner().equals(mig.module())) {
                    violations.add(new Violation(mig.file(), "creates " + name + ", which " + previous.migration()
                            + " of module " + previous.owner() + " created"));
                    continue;
                }
                owners.put(name, new Relation(name, kind, mig.module(), mig.file()));
            }
        }
        for (Relation r : owners.values()) {
            if (r.kind() == Kind.VIEW && !r.published() && MODULES.stream().anyMatch(mod -> r.name().startsWith(mod + "_"))) {
                violations.add(new Violation(r.migration(), "view " + r.name() + " is named like another module's published view"));
            }
        }
        return owners;
    }

    private static final Pattern TRIGGER = Pattern.compile(
            "\\b(create|drop)\\s+trigger\\s+(?:if\\s+exists\\s+)?(\\w+)\\s+(?:[^;]*?\\s)?on\\s+" + Sql.NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern FUNCTION = Pattern.compile(
            "\\bcreate\\s+(?:or\\s+replace\\s+)?(?:function|procedure)\\s+" + Sql.NAME + "\\s*\\([^$]*?\\$(\\w*)\\$(.*?)\\$\\2\\$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    private static final Pattern DROP_FUNCTION = Pattern.compile(
            "\\bdrop\\s+(?:function|procedure)\\s+(?:if\\s+exists\\s+)?" + Sql.NAME, Pattern.CASE_INSENSITIVE);
    private static final Pattern TOUCH = Pattern.compile(
            "\\b(alter\\s+table|create\\s+(?:unique\\s+)?index\\s+(?:concurrently\\s+)?(?:if\\s+not\\s+exists\\s+)?\\w+\\s+on|insert\\s+into|update|delete\\s+from|truncate(?:\\s+table)?)"
                    + "\\s+(?:if\\s+exists\\s+)?(?:only\\s+)?" + Sql.NAME,
            Pattern.CASE_INSENSITIVE);

    /**
     * A migration may change only its own module's tables; the triggers and functions left after the last migration
     * (earlier ones may have been dropped or replaced) may sit on, and read, only what their module may use.
     */
    static List<Violation> checkMigrations(List<Migration> migrations, Map<String, Relation> owners, List<Allowed> allowed) {
        List<Violation> violations = new ArrayList<>();
        Map<String, String[]> triggers = new LinkedHashMap<>(); // name@table -> {table, module, file}
        Map<String, String[]> functions = new LinkedHashMap<>(); // name -> {module, file, body}
        for (Migration mig : migrations) {
            String sql = Sql.withoutComments(mig.sql());
            String outsideBodies = FUNCTION.matcher(sql).replaceAll(" ");
            Matcher touch = TOUCH.matcher(outsideBodies);
            while (touch.find()) {
                String table = Sql.bareName(touch.group(2));
                Relation r = owners.get(table);
                if (r != null && !r.owner().equals(mig.module())) {
                    violations.add(new Violation(mig.file(), "module " + mig.module() + " changes " + table + " ("
                            + touch.group(1).replaceAll("\\s+", " ").toLowerCase(Locale.ROOT) + "), owned by " + r.owner()));
                }
            }
            Matcher t = TRIGGER.matcher(outsideBodies);
            while (t.find()) {
                String table = Sql.bareName(t.group(3));
                String key = t.group(2).toLowerCase(Locale.ROOT) + "@" + table;
                if (t.group(1).equalsIgnoreCase("drop")) {
                    triggers.remove(key);
                } else {
                    triggers.put(key, new String[] {table, mig.module(), mig.file()});
                }
            }
            Matcher f = FUNCTION.matcher(sql);
            while (f.find()) {
                functions.put(Sql.bareName(f.group(1)), new String[] {mig.module(), mig.file(), f.group(3)});
            }
            Matcher d = DROP_FUNCTION.matcher(outsideBodies);
            while (d.find()) {
                functions.remove(Sql.bareName(d.group(1)));
            }
        }
        triggers.forEach((key, v) -> {
            Relation r = owners.get(v[0]);
            if (r != null && !r.owner().equals(v[1])) {
                violations.add(new Violation(v[2], "module " + v[1] + " puts trigger " + key.substring(0, key.indexOf('@'))
                        + " on " + v[0] + ", owned by " + r.owner()));
            }
        });
        functions.forEach((name, v) -> {
            for (String table : Sql.relationsUsed(v[2], owners.keySet())) {
                String why = forbidden(v[0], table, owners, allowed);
                if (why != null) {
                    violations.add(new Violation(v[1], "function " + name + " of module " + v[0] + " uses " + why));
                }
            }
        });
        return violations;
    }

    /** Null when {@code module} may use {@code table}, else what it uses and who owns it. */
    static String forbidden(String module, String table, Map<String, Relation> owners, List<Allowed> allowed) {
        Relation r = owners.get(table);
        if (r == null || r.owner().equals(module) || r.published()) {
            return null;
        }
        if (allowed.stream().anyMatch(a -> a.module().equals(module) && a.relation().equals(table))) {
            return null;
        }
        return (r.kind() == Kind.VIEW ? "view " : "table ") + table + " owned by " + r.owner() + " (" + r.migration()
                + ") and not published";
    }

    // ---------------------------------------------------------------------------------------------------------------
    // Java sources

    /** The module of a main source file: the first package below {@code id.lindung}, or null for the root package. */
    static String moduleOfSource(Path root, Path file) {
        Path rel = root.relativize(file);
        return rel.getNameCount() > 1 ? rel.getName(0).toString() : null;
    }

    static List<Violation> checkSources(Path root, Map<String, Relation> owners, List<Allowed> allowed) {
        List<Violation> violations = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path p : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                String module = moduleOfSource(root, p);
                if (module == null) {
                    continue;
                }
                violations.addAll(checkSource(p.toString(), module,
                        Files.readString(p), owners, allowed));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return violations;
    }

    static List<Violation> checkSource(String file, String module, String source, Map<String, Relation> owners, List<Allowed> allowed) {
        List<Violation> violations = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (String sql : JavaStrings.sqlStrings(source)) {
            for (String table : Sql.relationsUsed(sql, owners.keySet())) {
                String why = forbidden(module, table, owners, allowed);
                if (why != null && seen.add(table)) {
                    violations.add(new Violation(file, "module " + module + " uses " + why));
                }
            }
        }
        return violations;
    }

    // ---------------------------------------------------------------------------------------------------------------

    /** Reads the relations a piece of SQL names after FROM, JOIN, INTO, UPDATE, COPY, TABLE, USING and friends. */
    static final class Sql {

        /** A possibly schema-qualified, possibly quoted name. */
        static final String NAME = "((?:\"?\\w+\"?\\.)?\"?\\w+\"?)";

        private static final Pattern KEYWORD = Pattern.compile(
                "\\b(?:from|join|into|update|copy|table|using|truncate|lateral)\\s+(?:only\\s+)?(?:if\\s+(?:not\\s+)?exists\\s+)?" + NAME
                        + "((?:\\s+(?:as\\s+)?(?!where\\b|on\\b|set\\b|join\\b|left\\b|right\\b|inner\\b|full\\b|cross\\b|natural\\b|group\\b|order\\b|limit\\b|using\\b)\\w+)?"
                        + "(?:\\s*,\\s*(?!lateral\\b)" + NAME + "(?:\\s+(?:as\\s+)?(?!where\\b|on\\b)\\w+)?)*)",
                Pattern.CASE_INSENSITIVE);
        private static final Pattern LIST_ITEM = Pattern.compile(",\\s*" + NAME, Pattern.CASE_INSENSITIVE);

        static String withoutComments(String sql) {
            return sql.replaceAll("--[^\\n]*", " ").replaceAll("(?s)/\\*.*?\\*/", " ");
        }

        static String bareName(String name) {
            String n = name.replace("\"", "").toLowerCase(Locale.ROOT);
            int dot = n.lastIndexOf('.');
            return dot < 0 ? n : n.substring(dot + 1);
        }

        /**
         * The known relations {@code sql} names in a FROM/JOIN/INTO/UPDATE/COPY/TABLE position, comma lists included;
         * text in SQL string literals ({@code 'not present in table "region"'}) is not a use.
         */
        static Set<String> relationsUsed(String sql, Set<String> known) {
            Set<String> used = new LinkedHashSet<>();
            Matcher m = KEYWORD.matcher(withoutComments(sql).replaceAll("'(?:[^']|'')*'", "''"));
            while (m.find()) {
                add(used, m.group(1), known);
                if (m.group(2) != null) {
                    Matcher item = LIST_ITEM.matcher(m.group(2));
                    while (item.find()) {
                        add(used, item.group(1), known);
                    }
                }
            }
            return used;
        }

        private static void add(Set<String> used, String name, Set<String> known) {
            String bare = bareName(name);
            if (known.contains(bare)) {
                used.add(bare);
            }
        }
    }

    /**
     * The string literals of a Java source, comments skipped, with the literals of one statement (up to a {@code ;}
     * or a brace outside any literal) joined by a space, so that {@code "select * from " + "worker"} and text blocks
     * read as the SQL they make.
     */
    static final class JavaStrings {

        static List<String> sqlStrings(String src) {
            List<String> statements = new ArrayList<>();
            StringBuilder statement = new StringBuilder();
            int i = 0;
            int n = src.length();
            while (i < n) {
                char c = src.charAt(i);
                if (c == '/' && i + 1 < n && src.charAt(i + 1) == '/') {
                    i = src.indexOf('\n', i);
                    if (i < 0) {
                        break;
                    }
                } else if (c == '/' && i + 1 < n && src.charAt(i + 1) == '*') {
                    int end = src.indexOf("*/", i + 2);
                    i = end < 0 ? n : end + 2;
                    continue;
                } else if (c == '"' && src.startsWith("\"\"\"", i)) {
                    int start = src.indexOf('\n', i) + 1;
                    int end = start;
                    while (true) {
                        end = src.indexOf("\"\"\"", end);
                        if (end < 0 || src.charAt(end - 1) != '\\') {
                            break;
                        }
                        end += 3;
                    }
                    if (end < 0) {
                        end = n;
                    }
                    statement.append(' ').append(unescape(src.substring(start, end)));
                    i = Math.min(n, end + 3);
                    continue;
                } else if (c == '"') {
                    int j = i + 1;
                    StringBuilder lit = new StringBuilder();
                    while (j < n && src.charAt(j) != '"') {
                        if (src.charAt(j) == '\\' && j + 1 < n) {
                            lit.append(src, j, j + 2);
                            j += 2;
                        } else {
                            lit.append(src.charAt(j++));
                        }
                    }
                    statement.append(' ').append(unescape(lit.toString()));
                    i = j + 1;
                    continue;
                } else if (c == '\'') {
                    int j = i + 1;
                    while (j < n && src.charAt(j) != '\'') {
                        j += src.charAt(j) == '\\' ? 2 : 1;
                    }
                    i = j + 1;
                    continue;
                } else if (c == ';' || c == '{' || c == '}') {
                    flush(statements, statement);
                }
                i++;
            }
            flush(statements, statement);
            return statements;
        }

        private static void flush(List<String> statements, StringBuilder statement) {
            if (!statement.toString().isBlank()) {
                statements.add(statement.toString());
            }
            statement.setLength(0);
        }

        private static String unescape(String s) {
            return s.replace("\\n", "\n").replace("\\t", " ").replace("\\\"", "\"").replace("\\\\", "\\");
        }
    }

    private TableOwnership() {}
}
