package id.lindung.region;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.LockWaits;
import id.lindung.support.TestUsers;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class PotentialWorkforceIntegrationTests {

    @LocalServerPort int port;
    @Autowired PotentialWorkforce workforce;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired javax.sql.DataSource dataSource;

    private static final Actor ADMIN = TestUsers.actor("wf-admin", Role.ADMIN, "ID");

    private PotentialWorkforce.ImportResult importAs(Actor actor, String csv) {
        return CurrentActor.runAs(actor, () -> workforce.importCsv(
                new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), actor, false));
    }

    @Test
    void aGoodFileIsStoredAndAReimportChangesNothing() {
        String csv = """
                region_code,year,potential_workers,source
                62.02.01.2003,2024,812,BPS Sakernas 2023
                62.02.01.2004,2024,1000,BPS
                """;
        var first = importAs(ADMIN, csv);
        assertThat(first.created()).isEqualTo(2);
        var again = importAs(ADMIN, csv);
        assertThat(again.created()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(workforce.figure("62.02.01.2003", 2024).orElseThrow().workers()).isEqualTo(812);
    }

    @Test
    void anImportOfTheFiguresAnotherImportIsStoringWaitsForItAndFindsThemUnchangedAsOneAfterTheOtherWould() throws Exception {
        long audits = jdbc.sql("select count(*) from audit_event where entity_type = 'potential_workforce' and entity_id = '62.02.01.2007/2024'")
                .query(Long.class).single();
        // another import of the same figure under way: its lock taken and the figure written, not yet committed
        Object outcome = LockWaits.afterCommitOf(dataSource, jdbc, held -> {
            LockWaits.execute(held, PotentialWorkforce.IMPORT_LOCK);
            LockWaits.execute(held, "insert into potential_workforce (region_code, year, potential_workers, source, demo, recorded_by) "
                    + "values ('62.02.01.2007', 2024, 640, 'BPS', false, 'wf-admin')");
        }, "potential_workforce", () -> importAs(ADMIN, "region_code,year,potential_workers,source\n62.02.01.2007,2024,640,BPS\n"));

        assertThat(outcome).isEqualTo(new PotentialWorkforce.ImportResult(1, 0, 0, 1));
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'potential_workforce' and entity_id = '62.02.01.2007/2024'")
                .query(Long.class).single()).as("audited by the import that stored it, not again").isEqualTo(audits);
    }

    @Test
    void indonesianHeadersInAnyOrderAreAccepted() {
        var r = importAs(ADMIN, "sumber,tahun,kode_wilayah,potensi_pekerja\nDukcapil,2023,73.02.01,4000\n");
        assertThat(r.created()).isOne();
    }

    @Test
    void aFileSavedByExcelWithIndonesianSettingsIsSemicolonSeparated() {
        var r = importAs(ADMIN, "\uFEFFkode_wilayah;tahun;potensi_pekerja;sumber\n62.02.01.2005;2024;640;BPS, Sakernas 2023\n");
        assertThat(r.created()).isOne();
        assertThat(workforce.figure("62.02.01.2005", 2024).orElseThrow().workers()).isEqualTo(640);
    }

    @Test
    void aFileWithAnyBadRowStoresNothingAndNamesEveryBadRow() {
        String csv = """
                region_code,year,potential_workers,source
                73.02.02.1001,2024,300,BPS
                99.99.99.9999,2024,300,BPS
                73.02.02.1002,2024,-5,BPS
                73.02.02.1003,2024,300,BPS
                73.02.02.1003,2024,310,BPS
                73.02.02.1004,20x4,300,
                """;
        assertRefusedWithNothingStored(csv, "region_code like '73.02.02.%'",
                tuple(3L, "region_code", "REGION_UNKNOWN"),
                tuple(4L, "potential_workers", "NEGATIVE"),
                tuple(6L, "region_code", "DUPLICATE_KEY"),
                tuple(7L, "year", "NOT_A_NUMBER"),
                tuple(7L, "source", "REQUIRED"));
    }

    private void assertRefusedWithNothingStored(String csv, String where, Tuple... problems) {
        assertThatThrownBy(() -> importAs(ADMIN, csv))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.problems())
                        .extracting(InputProblem::line, InputProblem::field, InputProblem::code)
                        .containsExactly(problems));
        assertThat(jdbc.sql("select count(*) from potential_workforce where " + where).query(Long.class).single()).isZero();
    }

    /** Two figures near the largest long rolled up to a negative regency total; a source was stored at any length. */
    @Test
    void aFigureAboveTheCountrysPeopleOrASourceOfJunkIsRefusedAndNothingIsStored() {
        String csv = "region_code,year,potential_workers,source\n"
                + "64.03.01.2001,1995,9000000000000000000,BPS\n"
                + "64.03.01.2002,1995,1000000001,BPS\n"
                + "64.03.01.2003,1995,1000000000,BPS\n"
                + "64.03.01.2004,1995,5," + "S".repeat(201) + "\n"
                + "64.03.01.2005,1995,5,BPS\u001b[31m\n"
                + "64.03.01.2006,1995,5,BPS\u202eSPB\n"
                + "64.03.01.20\u000007,1995,5,BPS\n";
        assertRefusedWithNothingStored(csv, "region_code like '64.03.01.%' and year = 1995",
                tuple(2L, "potential_workers", "COUNT_TOO_LARGE"),
                tuple(3L, "potential_workers", "COUNT_TOO_LARGE"),
                tuple(5L, "source", "TOO_LONG"),
                tuple(6L, "source", "INVALID_CHARACTER"),
                tuple(7L, "source", "INVALID_CHARACTER"),
                tuple(8L, "region_code", "INVALID_CHARACTER"));
    }

    @Test
    void aSourceIsStoredNormalised() {
        importAs(ADMIN, "region_code,year,potential_workers,source\n64.03.02.2002,1995,1000000000,  BPS\u200b   Sakernas  \n");
        WorkforceFigure figure = workforce.figure("64.03.02.2002", 1995).orElseThrow();
        assertThat(figure.workers()).isEqualTo(1_000_000_000L);
        assertThat(figure.source()).isEqualTo("BPS Sakernas");
    }

    @Test
    void aDistrictOfficeCannotImportOutsideItsRegency() {
        Actor kotim = TestUsers.actor("wf-kotim", Role.DPMD, "62.02");
        assertThatThrownBy(() -> importAs(kotim, "region_code,year,potential_workers,source\n62.71.01.1001,2024,100,BPS\n"))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.problems().get(0).code()).isEqualTo("REGION_OUT_OF_SCOPE"));
        Actor operator = TestUsers.actor("wf-op", Role.VILLAGE_OPERATOR, "62.02.01.2003");
        assertThatThrownBy(() -> importAs(operator, "region_code,year,potential_workers,source\n62.02.01.2003,2024,1,BPS\n"))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
    }

    @Test
    void aRegionWithoutItsOwnFigureShowsTheSumOfTheNearestFiguresBelow() {
        importAs(ADMIN, """
                region_code,year,potential_workers,source
                64.01.01.2009,2021,100,BPS
                64.01.01.2010,2021,200,BPS
                64.01.02,2021,1000,BPS
                64.01.02.2004,2021,7,BPS
                """);
        WorkforceFigure regency = workforce.figure("64.01", 2021).orElseThrow();
        assertThat(regency.workers()).isEqualTo(1300);
        assertThat(regency.rolledUp()).isTrue();
        WorkforceFigure district = workforce.figure("64.01.02", 2021).orElseThrow();
        assertThat(district.workers()).isEqualTo(1000);
        assertThat(district.rolledUp()).isFalse();
    }

    /** "3 dari 10 kabupaten": a total built from only some of the regions below says from how many. */
    @Test
    void aRolledUpTotalCountsTheRegionsDirectlyBelowThatHaveAFigure() {
        importAs(ADMIN, """
                region_code,year,potential_workers,source
                64.01.01.2009,2011,5,BPS
                64.01.02,2011,7,BPS
                """);
        WorkforceFigure province = workforce.figure("64", 2011).orElseThrow();
        assertThat(province.workers()).isEqualTo(12);
        assertThat(province.childrenCounted()).as("only Paser (64.01) of the province's regencies has figures").isEqualTo(1);
        WorkforceFigure regency = workforce.figure("64.01", 2011).orElseThrow();
        assertThat(regency.childrenCounted()).as("two districts of Paser").isEqualTo(2);
        assertThat(workforce.figure("64.01.02", 2011).orElseThrow().childrenCounted()).as("its own figure").isZero();
    }

    @Test
    void theApiRejectsABadFileWithRowsAndReasons() {
        String token = TestUsers.token(accounts, "wf-api-admin", Role.ADMIN, "ID");
        var response = Http.withToken(port, token).post("/api/v1/workforce/imports", "text/csv",
                "region_code,year,potential_workers,source\n11.01,2024,-1,BPS\n".getBytes(StandardCharsets.UTF_8));
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"line\":2").contains("\"field\":\"potential_workers\"").contains("NEGATIVE");
    }

    @Test
    void theUploadPageImportsAFileForADistrictOffice() {
        Http browser = TestUsers.browser(port, accounts, "wf-page-dpmd", Role.DPMD, "62.71");
        String csrf = Http.csrfOf(browser.get("/wilayah/tenaga-kerja/impor").body());
        var page = browser.upload("/wilayah/tenaga-kerja/impor", "file", "wf.csv",
                "region_code,year,potential_workers,source\n62.71.01.1001,2022,4321,BPS\n".getBytes(StandardCharsets.UTF_8), csrf);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("1 baris diterima");
        assertThat(workforce.figure("62.71.01.1001", 2022).orElseThrow().workers()).isEqualTo(4321);
    }

    @Test
    void theUploadPageWritesEachRefusedLineInThePagesLanguage() {
        Http browser = TestUsers.browser(port, accounts, "wf-page-lang", Role.DPMD, "62.13");
        String csrf = Http.csrfOf(browser.get("/wilayah/tenaga-kerja/impor").body());
        byte[] csv = ("region_code,year,potential_workers,source\n"
                + "62.13.01.2003,abc,5,BPS\n"
                + "62.13.01.2003,1800,5,BPS\n"
                + "62.13.01.2003,2022,-3,BPS\n"
                + "62.13.01.2003,2022\n"
                + "62.13.01.1012,2022,5,BPS\n"
                + "62.13.01.1012,2022,6,BPS\n").getBytes(StandardCharsets.UTF_8);
        String indonesian = browser.upload("/wilayah/tenaga-kerja/impor", "file", "wf.csv", csv, csrf).body();
        // each sentence names the line's own values where the English one does (the year 1800, the column counts, the line)
        assertThat(indonesian).contains("Bukan bilangan bulat.", "Tahun 1800 di luar rentang 1990-2100.", "Tidak boleh negatif.",
                "Baris ini punya 2 kolom, baris judul 4", "Sama dengan baris 6: 62.13.01.1012 2022 muncul dua kali.");
        // the English messages were the reason column of the Indonesian page
        assertThat(indonesian).doesNotContain("is not a whole number", "is outside 1990-2100", "is negative",
                "fields but the header", "Duplicate of line");
        String english = browser.upload("/wilayah/tenaga-kerja/impor?lang=en", "file", "wf.csv", csv, csrf).body();
        assertThat(english).contains("Not a whole number.", "The year 1800 is outside 1990-2100.", "Must not be negative.",
                "Duplicate of line 6: 62.13.01.1012 2022 appears twice.").contains("Year &#39;abc&#39; is not a whole number");
    }
}
