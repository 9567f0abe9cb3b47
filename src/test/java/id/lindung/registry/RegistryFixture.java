package id.lindung.registry;

import id.lindung.support.Categories;
import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.shared.Programme;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Segment;
import id.lindung.support.Http;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Workers and API clients the registry tests share: a village official paid by the village, a self-paying farmer. */
final class RegistryFixture {

    static final String VILLAGE = "64.02.03.2001";
    static final String OTHER_VILLAGE = "64.02.03.2002";
    /** A kelurahan of the same regency: it has no APBDes. */
    static final String KELURAHAN = "64.02.06.1001";
    /** A desa of another regency (64.03) in the same province. */
    static final String OTHER_REGENCY_VILLAGE = "64.03.01.2001";
    static final LocalDate START = LocalDate.of(2025, 1, 1);
    static final Actor ADMIN = TestUsers.actor("reg-admin", Role.ADMIN, "ID");

    private RegistryFixture() {}

    /** A village official (PU, JKK and JKM) paid by {@code payer} from {@code start}. */
    static Worker official(Workers workers, String village, String payer, LocalDate start) {
        LocalDate birth = LocalDate.of(1979, 5, 12);
        String nik = Niks.unique("64.02.03", "L", birth);
        return CurrentActor.runAs(ADMIN, () -> workers.register(new Workers.Registration(nik, "Bambang Sutrisno", "L", birth,
                village, null, null, Categories.of("PERANGKAT_DESA"), false, null, List.of(Programme.JKK, Programme.JKM), Segment.PU,
                new BigDecimal("2022200"), RiskGroup.VERY_LOW, payer, start)));
    }

    /** An informal worker (BPU, JKK and JKM) who pays for herself: her payer code is SELF:<her NIK>. */
    static Worker selfPaying(Workers workers, String village, LocalDate birth) {
        return selfPaying(workers, village, birth, "Sri Wahyuni");
    }

    static Worker selfPaying(Workers workers, String village, LocalDate birth, String name) {
        String nik = Niks.unique("64.02.03", "P", birth);
        return CurrentActor.runAs(ADMIN, () -> workers.register(new Workers.Registration(nik, name, "P", birth, village,
                "081234567890", null, Categories.of("PETANI"), false, null, List.of(Programme.JKK, Programme.JKM), Segment.BPU,
                new BigDecimal("1000000"), null, "SELF", START)));
    }

    /** Two workers flagged as a likely duplicate, and the flag's id. */
    record Pair(Worker here, Worker there, long flag) {}

    /** "Ahmad Fauzi" in {@code village} and "Achmad Fauzi" in {@code neighbour} (same district), born the same day. */
    static Pair likelyDuplicates(Workers workers, JdbcClient jdbc, String village, String neighbour, LocalDate birth) {
        Worker here = informal(workers, "Ahmad Fauzi", village, birth);
        Worker there = informal(workers, "Achmad Fauzi", neighbour, birth);
        long flag = jdbc.sql("select id from likely_duplicate where worker_id = ? and other_id = ?")
                .params(Math.min(here.id(), there.id()), Math.max(here.id(), there.id())).query(Long.class).single();
        return new Pair(here, there, flag);
    }

    private static Worker informal(Workers workers, String name, String village, LocalDate birth) {
        String nik = Niks.unique("64.02.03", "L", birth);
        return CurrentActor.runAs(ADMIN, () -> workers.register(new Workers.Registration(nik, name, "L", birth, village, null, null,
                Categories.of("NELAYAN"), false, null, List.of(), null, null, null, null, null)));
    }

    static Http api(int port, UserAccounts accounts, String username, Role role, String scope) {
        return Http.withToken(port, TestUsers.token(accounts, username, role, scope));
    }

    /** A signed-in browser session (cookies and CSRF) of a user created if missing. */
    static Http browser(int port, UserAccounts accounts, String username, Role role, String scope) {
        TestUsers.token(accounts, username, role, scope);
        Http browser = Http.browser(port);
        browser.login(username, TestUsers.PASSWORD);
        return browser;
    }
}
