package id.lindung;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A bounded load on the loopback interface: 50 clients at once mixing reads, registrations, payments to one shared
 * payer and quotes. Nothing may fail, and the end state must be the one the same operations give one by one: the
 * concurrent payer's allocation equals that of a twin payer with the same bills paid sequentially.
 *
 * <p>Payments are Rp 100 each so that even the long run stays below the payer's bills (a payment above what is owed
 * needs the prepayment override). The CI form runs {@code lindung.load.rounds} = 4 rounds per client (1,000 requests); the longer run documented
 * in docs/reliability.md sets it higher: {@code -Dlindung.load.rounds=40}.
 */
@IntegrationTest
class LoadIntegrationTests {

    static final int CLIENTS = 50;

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;
    @Autowired Clock clock;

    private final HttpClient client = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(8)).build();

    @Test
    void fiftyClientsAtOnceGetNoErrorAndLeaveTheStateThatOneByOneLeaves() throws Exception {
        int rounds = Integer.getInteger("lindung.load.rounds", 4);
        // two sibling villages of a regency no other test uses, with the same workers and so the same bills
        List<String> villages = jdbc.sql("""
                select v.code from region v where v.level = 'VILLAGE' and v.kind = 'DESA' and v.active
                  and left(v.code, 8) = (select left(min(x.code), 8) from region x where x.level = 'VILLAGE' and x.kind = 'DESA'
                      and not exists (select 1 from worker w where w.village_code like left(x.code, 5) || '.%')
                      and x.code > '5')
                order by v.code limit 2""").query(String.class).list();
        assertThat(villages).hasSize(2);
        String busy = villages.get(0);
        String twin = villages.get(1);
        String regency = busy.substring(0, 5);
        String district = busy.substring(0, 8).replace(".", "");
        String dpmd = TestUsers.token(accounts, "load-dpmd-" + regency.replace(".", ""), Role.DPMD, regency);
        String operator = TestUsers.token(accounts, "load-operator-" + busy.replace(".", ""), Role.VILLAGE_OPERATOR, busy);
        String monitor = TestUsers.token(accounts, "load-monitor", Role.MONITOR, "ID");
        LocalDate today = LocalDate.now(clock);
        YearMonth month = YearMonth.from(today);
        for (String village : villages) {
            for (int i = 0; i < 3; i++) {
                LocalDate born = LocalDate.of(1975, 1, 10 + i);
                String nik = Niks.unique(district, "P", born);
                var r = send(dpmd, "POST", "/api/v1/workers", registration(nik, "P", born, village, "PERANGKAT_DESA", "PU",
                        "APBDES:" + village, month.atDay(1), "[\"JKK\",\"JKM\",\"JHT\",\"JP\"]", 5_000_000));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
        }
        var run = send(dpmd, "POST", "/api/v1/billing/runs", "{\"month\":\"" + month + "\"}");
        assertThat(run.statusCode()).as(run.body()).isLessThan(300);
        assertThat(allocation(twin)).isEmpty();

        Map<Integer, Long> statuses = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        AtomicLong requests = new AtomicLong();
        ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
        List<Future<?>> clients = new ArrayList<>();
        long started = System.nanoTime();
        for (int c = 0; c < CLIENTS; c++) {
            int clientNo = c;
            clients.add(pool.submit(() -> {
                for (int round = 0; round < rounds; round++) {
                    String sex = clientNo % 2 == 0 ? "L" : "P";
                    LocalDate born = LocalDate.of(1980 + clientNo % 20, 1 + round % 12, 1 + clientNo % 28);
                    String nik = Niks.unique(district, sex, born);
                    List<Object[]> calls = List.of(
                            new Object[] {monitor, "GET", "/api/v1/workers?size=20&region=" + regency, null, 200},
                            new Object[] {operator, "POST", "/api/v1/quotes/contribution",
                                    "{\"segment\":\"BPU\",\"month\":\"" + month + "\",\"wage\":1000000,\"programs\":[\"JKK\",\"JKM\"]}", 200},
                            new Object[] {operator, "POST", "/api/v1/workers", registration(nik, sex, born, busy, "PETANI", "BPU", "SELF:" + nik,
                                    month.atDay(1), "[\"JKK\",\"JKM\"]", 1_000_000), 201},
                            new Object[] {operator, "GET", "/api/v1/workers/" + nik, null, 200},
                            new Object[] {dpmd, "POST", "/api/v1/payments", payment(busy, "LOAD-" + clientNo + "-" + round, today), 201});
                    for (Object[] call : calls) {
                        var r = send((String) call[0], (String) call[1], (String) call[2], (String) call[3]);
                        requests.incrementAndGet();
                        statuses.merge(r.statusCode(), 1L, Long::sum);
                        if (r.statusCode() != (int) call[4]) {
                            unexpected.add(call[1] + " " + call[2] + " -> " + r.statusCode() + " " + r.body().substring(0, Math.min(200, r.body().length())));
                        }
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : clients) {
            f.get();
        }
        pool.shutdown();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("LOAD %d clients x %d rounds: %d requests in %.1f s (%.0f/s), statuses %s, load average %s%n", CLIENTS, rounds,
                requests.get(), seconds, requests.get() / seconds, statuses, loadAverage());
        assertThat(unexpected).as("answers other than expected (statuses " + statuses + ")").isEmpty();

        // one by one: the twin village's payer gets the same payments sequentially
        for (int c = 0; c < CLIENTS; c++) {
            for (int round = 0; round < rounds; round++) {
                var r = send(dpmd, "POST", "/api/v1/payments", payment(twin, "LOAD-" + c + "-" + round, today));
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            }
        }
        assertThat(jdbc.sql("select count(*) from worker where village_code = ?").param(busy).query(Long.class).single())
                .isEqualTo(3L + (long) CLIENTS * rounds);
        assertThat(payments(busy)).isEqualTo(payments(twin)).isEqualTo(CLIENTS * rounds + " x 100.00");
        assertThat(allocation(busy)).isEqualTo(allocation(twin)).isNotEmpty();
    }

    private String payments(String village) {
        return jdbc.sql("""
                select count(*) || ' x ' || min(amount) from payment p join payer y on y.id = p.payer_id
                where y.code = ? having min(amount) = max(amount)""").param("APBDES:" + village).query(String.class).optional().orElse("mixed");
    }

    private List<String> allocation(String village) {
        return jdbc.sql("""
                select a.month || ' ' || sum(a.amount) || ' ' || count(*) from payment_allocation a join payer y on y.id = a.payer_id
                where y.code = ? group by a.month order by a.month""").param("APBDES:" + village).query(String.class).list();
    }

    private static String registration(String nik, String sex, LocalDate born, String village, String category, String segment,
                                       String payer, LocalDate start, String programs, long wage) {
        return "{\"nik\":\"" + nik + "\",\"name\":\"Beban " + nik.substring(12) + "\",\"sex\":\"" + sex + "\",\"birthDate\":\""
                + born + "\",\"villageCode\":\"" + village + "\",\"category\":\"" + category + "\",\"programs\":" + programs
                + ",\"segment\":\"" + segment + "\",\"wage\":" + wage + ",\"payer\":\"" + payer + "\",\"startDate\":\"" + start + "\"}";
    }

    private static String payment(String village, String reference, LocalDate date) {
        return "{\"payer\":\"APBDES:" + village + "\",\"reference\":\"" + reference + "\",\"date\":\"" + date
                + "\",\"amount\":100,\"channel\":\"BANK\"}";
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim();
        } catch (IOException | RuntimeException e) {
            return "n/a";
        }
    }

    private HttpResponse<String> send(String token, String method, String path, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + token);
        if (json != null) {
            b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        } else {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        }
        try {
            return client.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
