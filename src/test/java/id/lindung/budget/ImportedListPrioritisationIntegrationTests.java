package id.lindung.budget;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.platform.InvalidInputException;
import id.lindung.support.IntegrationTest;
import id.lindung.support.LockWaits;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class ImportedListPrioritisationIntegrationTests {

    static final String DESA = "72.04.02.2009";
    static final Actor DPMD = TestUsers.actor("listprio-dpmd", Role.DPMD, "72.04");

    @Autowired JdbcClient jdbc;
    @Autowired DataSource dataSource;
    @Autowired Prioritisation prioritisation;
    @Autowired UserAccounts accounts;
    @LocalServerPort int port;

    @Test
    void theNamedListIsRankedByDecileThenThePayersCategoryRankThenAgeAndOnlyItsRegisteredPeopleAreEnrolledOnce() {
        BudgetFixture fx = new BudgetFixture(jdbc);
        fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Tanampedagi", DESA);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "listprio-dpmd", Role.DPMD, "72.04"));
        // the village ranks farmers before fishers
        HttpResponse<String> rank = dpmd.putJson("/api/v1/budget-payers/APBDES:" + DESA + "/category-rank",
                "{\"categoryRank\":[\"PETANI\",\"NELAYAN\"]}");
        assertThat(rank.statusCode()).as(rank.body()).isEqualTo(200);
        assertThat(rank.body()).contains("\"categoryRank\":[\"PETANI\",\"NELAYAN\",", "\"source\":\"PAYER\"");

        LocalDate bFarmer = LocalDate.of(1990, 6, 7);
        long registered = fx.worker(DESA, "Petani Terdaftar", "PETANI", bFarmer, null);
        String farmer = fx.nik(registered);
        LocalDate bFisher = LocalDate.of(1950, 2, 3);
        String fisher = NamedListIntegrationTests.nik(bFisher);
        LocalDate bOld = LocalDate.of(1940, 3, 4);
        String oldFarmer = NamedListIntegrationTests.nik(bOld);
        LocalDate bNoDecile = LocalDate.of(1930, 5, 6);
        String noDecile = NamedListIntegrationTests.nik(bNoDecile);
        int year = TestClock.nextBusinessYear();
        long id = NamedListIntegrationTests.plan(dpmd, DESA, year);
        HttpResponse<String> list = NamedListIntegrationTests.upload(dpmd, id, NamedListIntegrationTests.HEADER + "\n"
                + NamedListIntegrationTests.row(fisher, bFisher, "NELAYAN", "BPU", "1000000", "JKK;JKM", "1") + "\n"
                + NamedListIntegrationTests.row(noDecile, bNoDecile, "NELAYAN", "BPU", "1000000", "JKK;JKM", "") + "\n"
                + NamedListIntegrationTests.row(oldFarmer, bOld, "PETANI", "BPU", "1000000", "JKK;JKM", "2") + "\n"
                + NamedListIntegrationTests.row(farmer, bFarmer, "PETANI", "BPU", "1000000", "JKK;JKM", "1") + "\n");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);

        // Rp 201,600 each for the year: Rp 450,000 covers two, the third exhausts the budget
        Prioritisation.Request request = new Prioritisation.Request(new BigDecimal("450000"), null, null,
                Prioritisation.IMPORTED_LIST, null, null);
        Map<String, Object> r = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, request, DPMD));
        assertThat(PrioritisationIntegrationTests.names(r, "chosen")).containsExactly(farmer, fisher);
        assertThat(PrioritisationIntegrationTests.names(r, "left")).containsExactly(oldFarmer, noDecile);
        assertThat(r.get("cost").toString()).isEqualTo("403200");
        assertThat(new BigDecimal(r.get("cost").toString())).isLessThanOrEqualTo(new BigDecimal("450000"));
        assertThat(r.get("categoryRankSource")).isEqualTo("PAYER");
        assertThat(r.get("candidates")).isEqualTo("IMPORTED_LIST");
        assertThat(r.toString()).contains("budget exhausted at rank 3");
        assertThat(CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, request, DPMD))).as("stable").isEqualTo(r);

        Map<String, Object> first = CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
        assertThat(first.get("enrolled")).isEqualTo(1);
        assertThat(first.get("notRegistered")).isEqualTo(1L);
        List<String> programs = jdbc.sql("select program from membership_term where worker_id = ? and valid_from = ? order by program")
                .params(registered, java.sql.Date.valueOf(LocalDate.of(year, 1, 1))).query(String.class).list();
        assertThat(programs).containsExactly("JKK", "JKM");
        Map<String, Object> second = CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
        assertThat(second.get("enrolled")).isEqualTo(0);
        assertThat(second.get("alreadyEnrolled")).isEqualTo(1L);
        assertThat(jdbc.sql("select count(*) from membership_term where worker_id = ?").param(registered).query(Long.class).single())
                .isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from worker where nik = ?").param(fisher).query(Long.class).single())
                .as("a list's person is never registered by the budget").isZero();
        // the fisher is registered meanwhile, but in another village of the regency: passed over, not a refusal of the
        // whole enrolment on the plan's payer (PAYER_INVALID, attacker review)
        String elsewhere = jdbc.sql("select code from region where code like '72.04.03.%' and length(code) = 13 order by code desc limit 1")
                .query(String.class).single();
        jdbc.sql("insert into worker (nik, full_name, sex, birth_date, village_code, category, created_by) values (?, 'Nelayan Pindah', 'L', ?, ?, 'NELAYAN', 'test')")
                .params(fisher, java.sql.Date.valueOf(bFisher), elsewhere).update();
        Map<String, Object> third = CurrentActor.runAs(DPMD, () -> prioritisation.enrol(id, DPMD));
        assertThat(third.get("enrolled")).isEqualTo(0);
        assertThat(third.get("noLongerEligible")).isEqualTo(1L);
        assertThat(third.get("alreadyEnrolled")).isEqualTo(1L);
        assertThat(third.get("notRegistered")).isEqualTo(0L);
    }

    @Test
    void aPrioritisationOfTheListMadeWhileTheListIsBeingRemovedWaitsForItAndIsRefusedAsOneAfterTheOtherWould() throws Exception {
        new BudgetFixture(jdbc).payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Tanampedagi", DESA);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "listprio-dpmd", Role.DPMD, "72.04"));
        long id = NamedListIntegrationTests.plan(dpmd, DESA, TestClock.nextBusinessYear());
        LocalDate born = LocalDate.of(1962, 8, 9);
        HttpResponse<String> list = NamedListIntegrationTests.upload(dpmd, id, NamedListIntegrationTests.HEADER + "\n"
                + NamedListIntegrationTests.row(NamedListIntegrationTests.nik(born), born, "NELAYAN", "BPU", "1000000", "JKK;JKM", "1") + "\n");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        Prioritisation.Request request = new Prioritisation.Request(new BigDecimal("450000"), null, null,
                Prioritisation.IMPORTED_LIST, null, null);
        // the list's removal under way (NamedLists#remove): the plan's row held, the list gone, not yet committed
        Object outcome = LockWaits.afterCommitOf(dataSource, jdbc, held -> {
            LockWaits.execute(held, "select id from budget_plan where id = ? for update", id);
            LockWaits.execute(held, "delete from budget_list where plan_id = ?", id);
        }, "budget_plan", () -> CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, request, DPMD)));
        assertThat(outcome).isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) outcome).problems()).extracting(p -> p.code()).containsExactly("NO_NAMED_LIST");
        assertThat(jdbc.sql("select count(*) from budget_priority where plan_id = ?").param(id).query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from budget_list_choice where plan_id = ?").param(id).query(Long.class).single()).isZero();
    }

    @Test
    void aListedNikRegisteredOutsideTheCallersScopeAnswersAsUnregisteredWithoutDecileAndIsNotDropped() {
        BudgetFixture fx = new BudgetFixture(jdbc);
        fx.payer("APBDES:" + DESA, "APBDES", "Pemerintah Desa Tanampedagi", DESA);
        String kaltim = "64.02.11.2004"; // a village no other test bills, so no test that counts a payer's bills meets this term
        long kaltimPayer = fx.payer("APBDES:" + kaltim, "APBDES", "Pemerintah Desa Benua Puhun", kaltim);
        int year = TestClock.nextBusinessYear();
        // registered in another province, poorest decile, protected on the plan's start month
        LocalDate birth = LocalDate.of(1961, 7, 8);
        String nik = NamedListIntegrationTests.nik(birth);
        long elsewhere = fx.worker(kaltim, "Pekerja Provinsi Lain", "NELAYAN", birth, 1);
        jdbc.sql("update worker set nik = ? where id = ?").params(nik, elsewhere).update();
        long term = fx.term(elsewhere, kaltim, "JKK", "BPU", "1000000", null, null, kaltimPayer, LocalDate.of(year - 1, 1, 1), null,
                null);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "listprio-dpmd", Role.DPMD, "72.04"));
        long id = NamedListIntegrationTests.plan(dpmd, DESA, year);
        HttpResponse<String> list = NamedListIntegrationTests.upload(dpmd, id, NamedListIntegrationTests.HEADER + "\n"
                + NamedListIntegrationTests.row(nik, birth, "NELAYAN", "BPU", "1000000", "JKK;JKM", "") + "\n");
        assertThat(list.statusCode()).as(list.body()).isEqualTo(200);
        Prioritisation.Request request = new Prioritisation.Request(new BigDecimal("1000000"), null, null,
                Prioritisation.IMPORTED_LIST, null, null);

        Map<String, Object> outside = CurrentActor.runAs(DPMD, () -> prioritisation.prioritise(id, request, DPMD));
        assertThat(PrioritisationIntegrationTests.names(outside, "chosen")).as("not dropped for the other province's term")
                .containsExactly(nik);
        assertThat(person(outside, "chosen", 0)).containsEntry("registered", false).containsEntry("decile", null);
        assertThat(outside.get("decileKnown")).isEqualTo(0L);

        Actor national = TestUsers.actor("listprio-admin", Role.ADMIN, "ID");
        Map<String, Object> protectedInScope = CurrentActor.runAs(national, () -> prioritisation.prioritise(id, request, national));
        assertThat(PrioritisationIntegrationTests.names(protectedInScope, "chosen")).as("in scope the open term counts").isEmpty();
        jdbc.sql("update membership_term set valid_to = ?, end_reason = 'RESIGNED' where id = ?")
                .params(java.sql.Date.valueOf(LocalDate.of(year - 1, 6, 1)), term).update();
        Map<String, Object> inScope = CurrentActor.runAs(national, () -> prioritisation.prioritise(id, request, national));
        assertThat(person(inScope, "chosen", 0)).containsEntry("nik", nik).containsEntry("registered", true).containsEntry("decile", 1);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> person(Map<String, Object> r, String key, int i) {
        return ((List<Map<String, Object>>) r.get(key)).get(i);
    }

    @Test
    void aPayersCategoryRankIsReadAndSetInScopeAndUnknownOrRepeatedCategoriesAreRefusedStoringNothing() {
        String desa = "72.04.02.2010";
        new BudgetFixture(jdbc).payer("APBDES:" + desa, "APBDES", "Pemerintah Desa Balaroa", desa);
        Http dpmd = Http.withToken(port, TestUsers.token(accounts, "rank-dpmd", Role.DPMD, "72.04"));
        String path = "/api/v1/budget-payers/APBDES:" + desa + "/category-rank";
        HttpResponse<String> unset = dpmd.get(path);
        assertThat(unset.statusCode()).as(unset.body()).isEqualTo(200);
        assertThat(unset.body()).contains("\"source\":\"DEFAULT\"", "\"setByPayer\":[]");

        HttpResponse<String> unknown = dpmd.putJson(path, "{\"categoryRank\":[\"NELAYAN\",\"BUKAN\"]}");
        assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(422);
        assertThat(unknown.body()).contains("UNKNOWN_CATEGORY", "categoryRank[1]");
        HttpResponse<String> twice = dpmd.putJson(path, "{\"categoryRank\":[\"NELAYAN\",\"nelayan\"]}");
        assertThat(twice.statusCode()).as(twice.body()).isEqualTo(422);
        assertThat(twice.body()).contains("DUPLICATE_CATEGORY");
        assertThat(jdbc.sql("select count(*) from budget_category_rank r join payer p on p.id = r.payer_id where p.code = ?")
                .param("APBDES:" + desa).query(Long.class).single()).isZero();

        assertThat(dpmd.putJson(path, "{\"categoryRank\":[\"PEDAGANG_UMKM\"]}").statusCode()).isEqualTo(200);
        assertThat(dpmd.get(path).body()).contains("\"categoryRank\":[\"PEDAGANG_UMKM\",", "\"setByPayer\":[\"PEDAGANG_UMKM\"]",
                "\"source\":\"PAYER\"");
        assertThat(jdbc.sql("select count(*) from audit_event where entity_type = 'budget_category_rank' and entity_id = ?")
                .param("APBDES:" + desa).query(Long.class).single()).isEqualTo(1);

        Http monitor = Http.withToken(port, TestUsers.token(accounts, "rank-monitor", Role.MONITOR, "72.04"));
        assertThat(monitor.get(path).statusCode()).isEqualTo(200);
        assertThat(monitor.putJson(path, "{\"categoryRank\":[]}").statusCode()).isEqualTo(403);
        Http elsewhere = Http.withToken(port, TestUsers.token(accounts, "rank-kukar", Role.DPMD, "64.02"));
        assertThat(elsewhere.get(path).statusCode()).isEqualTo(404);
        assertThat(elsewhere.putJson(path, "{\"categoryRank\":[]}").statusCode()).isEqualTo(404);
    }
}
