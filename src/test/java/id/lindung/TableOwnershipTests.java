package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.TableOwnership.Allowed;
import id.lindung.TableOwnership.Kind;
import id.lindung.TableOwnership.Migration;
import id.lindung.TableOwnership.Relation;
import id.lindung.TableOwnership.Violation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Data has the same boundaries as code (docs/architecture.md): every table belongs to the module whose migration
 * creates it, and another module uses it only through a view the owner publishes ({@code <owner>_<name>}) or a
 * Java interface. {@link TableOwnership} reads the owners from the migrations and the SQL from the sources.
 */
class TableOwnershipTests {

    static final Path MIGRATIONS = Path.of("src/main/resources/db/migration");
    static final Path SOURCES = Path.of("src/main/java/id/lindung");

    /** The only exceptions, each with its reason. Keep it tiny: prefer a published view or interface. */
    static final List<Allowed> ALLOWED = List.of();

    @Test
    void everyMigrationNamesItsModuleAndEveryTableHasOneOwner() {
        List<Violation> violations = new ArrayList<>();
        Map<String, Relation> owners = TableOwnership.owners(TableOwnership.readMigrations(MIGRATIONS, violations), violations);
        assertThat(violations).as(report(violations)).isEmpty();
        assertThat(owners).containsKeys("region", "worker", "membership_term", "payer", "bill_line", "import_batch", "app_user");
        assertThat(owners.get("worker").owner()).isEqualTo("registry");
        assertThat(owners.get("bill_line").owner()).isEqualTo("billing");
        assertThat(owners.get("potential_workforce").owner()).isEqualTo("region");
    }

    @Test
    void migrationsChangeAndPutTriggersOnlyOnTheirOwnModulesTables() {
        List<Violation> violations = new ArrayList<>();
        List<Migration> migrations = TableOwnership.readMigrations(MIGRATIONS, violations);
        Map<String, Relation> owners = TableOwnership.owners(migrations, violations);
        violations.addAll(TableOwnership.checkMigrations(migrations, owners, ALLOWED));
        assertThat(violations).as(report(violations)).isEmpty();
    }

    @Test
    void aModulesSqlUsesOnlyItsOwnTablesAndOtherModulesPublishedViews() {
        List<Violation> violations = new ArrayList<>();
        Map<String, Relation> owners = TableOwnership.owners(TableOwnership.readMigrations(MIGRATIONS, violations), violations);
        violations.addAll(TableOwnership.checkSources(SOURCES, owners, ALLOWED));
        assertThat(violations).as(report(violations)).isEmpty();
    }

    @Test
    void everyExceptionNamesAModuleARelationAndAReason() {
        List<Violation> ignored = new ArrayList<>();
        Map<String, Relation> owners = TableOwnership.owners(TableOwnership.readMigrations(MIGRATIONS, ignored), ignored);
        assertThat(ALLOWED).allSatisfy(a -> {
            assertThat(TableOwnership.MODULES).contains(a.module());
            assertThat(owners).containsKey(a.relation());
            assertThat(a.reason()).hasSizeGreaterThan(20);
        });
    }

    // --- the scanner itself -------------------------------------------------------------------------------------

    static final Map<String, Relation> SAMPLE = Map.of(
            "worker", new Relation("worker", Kind.TABLE, "registry", "V20__registry.sql"),
            "payer", new Relation("payer", Kind.TABLE, "registry", "V20__registry.sql"),
            "registry_payer", new Relation("registry_payer", Kind.VIEW, "registry", "V52__registry_views.sql"),
            "bill_line", new Relation("bill_line", Kind.TABLE, "billing", "V40__billing.sql"),
            "bill_line_effective", new Relation("bill_line_effective", Kind.VIEW, "billing", "V46__billing_line_effective.sql"),
            "region", new Relation("region", Kind.TABLE, "region", "V1__region.sql"));

    @Test
    void theScannerCatchesAForbiddenReadInATextBlockAndNamesFileTableAndOwner() {
        String source = """
                class Sneaky {
                    long count() {
                        return jdbc.sql(\"""
                                select count(*) from bill_line l
                                join public.worker w on w.id = l.worker_id
                                \""").query(Long.class).single();
                    }
                }
                """;
        assertThat(TableOwnership.checkSource("billing/Sneaky.java", "billing", source, SAMPLE, List.of()))
                .extracting(Violation::toString)
                .containsExactly("billing/Sneaky.java: module billing uses table worker owned by registry (V20__registry.sql) and not published");
    }

    @Test
    void theScannerReadsConcatenationsQuotedNamesCommaListsAndSkipsCommentsAndSqlTextLiterals() {
        String source = """
                class Sneaky {
                    // select * from worker  (a comment, not SQL)
                    /* update payer set name = 'x' */
                    static final String BASE = " from registry_payer p ";
                    void a() { jdbc.sql("select p.code" + BASE + "left join " + "\\"worker\\" w on true").query(); }
                    void b() { jdbc.sql("select 1 from bill_line l, payer as p where p.id = l.payer_id").query(); }
                    void c() { copyIn("COPY bill_line (id) FROM STDIN"); }
                    void d() { jdbc.sql("select format('not present in table \\"region\\"', 'from worker')").query(); }
                    char quote() { return '"'; }
                }
                """;
        assertThat(TableOwnership.checkSource("billing/Sneaky.java", "billing", source, SAMPLE, List.of()))
                .extracting(Violation::toString)
                .containsExactly("billing/Sneaky.java: module billing uses table worker owned by registry (V20__registry.sql) and not published",
                        "billing/Sneaky.java: module billing uses table payer owned by registry (V20__registry.sql) and not published");
    }

    @Test
    void publishedViewsOwnTablesAndAllowListedUsesPass() {
        String source = """
                class Fine {
                    void a() { jdbc.sql("select * from registry_payer p join bill_line_effective l on l.payer_id = p.id").query(); }
                    void b() { jdbc.sql("insert into bill_line (id) select 1 from region_x").update(); }
                    void c() { jdbc.sql("select * from worker").query(); }
                }
                """;
        assertThat(TableOwnership.checkSource("billing/Fine.java", "billing", source, SAMPLE,
                List.of(new Allowed("billing", "worker", "a synthetic exception for this test only")))).isEmpty();
        assertThat(TableOwnership.checkSource("registry/Reader.java", "registry",
                "class R { void a() { jdbc.sql(\"select * from bill_line_effective\"); } }", SAMPLE, List.of()))
                .extracting(Violation::toString)
                .containsExactly("registry/Reader.java: module registry uses view bill_line_effective owned by billing "
                        + "(V46__billing_line_effective.sql) and not published");
    }

    @Test
    void theMigrationCheckCatchesTriggersAndChangesOnAnotherModulesTableUnlessDroppedLater() {
        List<Violation> violations = new ArrayList<>();
        List<Migration> migrations = List.of(
                new Migration("V1__region.sql", 1, "region", "create table region (code text primary key);"),
                new Migration("V20__registry.sql", 20, "registry", """
                        create table worker (id bigint, village_code text);
                        create function guard() returns trigger language plpgsql as $$
                        begin perform 1 from worker w where w.village_code = 'x'; return null; end $$;
                        create trigger region_guard after delete on region for each statement execute function guard();
                        create trigger worker_guard after delete on worker for each statement execute function guard();
                        create index region_name_idx on region (code);
                        """),
                new Migration("V30__billing.sql", 30, "billing", """
                        create function lookup() returns void language sql as $$ select 1 from worker $$;
                        alter table worker add column billed boolean;
                        """));
        Map<String, Relation> owners = TableOwnership.owners(migrations, violations);
        assertThat(TableOwnership.checkMigrations(migrations, owners, List.of())).extracting(Violation::toString).containsExactlyInAnyOrder(
                "V20__registry.sql: module registry changes region (create index region_name_idx on), owned by region",
                "V30__billing.sql: module billing changes worker (alter table), owned by registry",
                "V20__registry.sql: module registry puts trigger region_guard on region, owned by region",
                "V30__billing.sql: function lookup of module billing uses table worker owned by registry (V20__registry.sql) and not published");

        List<Migration> fixed = new ArrayList<>(migrations.subList(0, 2));
        fixed.add(new Migration("V52__registry_fix.sql", 52, "registry", "drop trigger region_guard on region;"));
        fixed.add(new Migration("V53__region_permanent_codes.sql", 53, "region", "drop index region_name_idx;"));
        assertThat(TableOwnership.checkMigrations(fixed, TableOwnership.owners(fixed, violations), List.of()))
                .extracting(Violation::toString)
                .containsExactly("V20__registry.sql: module registry changes region (create index region_name_idx on), owned by region");
        assertThat(violations).isEmpty();
    }

    @Test
    void aMigrationThatDoesNotNameItsModuleIsRefused() {
        assertThat(TableOwnership.moduleOfMigration("V52__registry_views.sql")).isEqualTo("registry");
        assertThat(TableOwnership.moduleOfMigration("V47__payer_register.sql")).isEqualTo("registry");
        assertThat(TableOwnership.moduleOfMigration("V60__payer_things.sql")).isNull();
    }

    private static String report(List<Violation> violations) {
        return violations.size() + " violation(s) of table ownership (docs/architecture.md, \"The rules of table ownership\"):\n  "
                + violations.stream().map(Violation::toString).collect(Collectors.joining("\n  "));
    }
}
