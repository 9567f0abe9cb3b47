package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestClock;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TimeZone;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Billing, "protected today?" and fines answer for the date in Jakarta, whatever zone the server runs in:
 * each answer is asked with the JVM's default zone set to UTC and to Asia/Jakarta, in the evening (UTC) when
 * Jakarta is already on the next day, and must be the same, and the Jakarta date's.
 */
@IntegrationTest
class BusinessClockIntegrationTests {

    /** 18:30 UTC on 30 June 2026 is 01:30 on 1 July in Jakarta. */
    static final Instant EVENING_OF_30_JUNE = Instant.parse("2026-06-30T18:30:00Z");
    static final List<String> SERVER_ZONES = List.of("UTC", "Asia/Jakarta");
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired JdbcClient jdbc;
    @Autowired UserAccounts accounts;
    @Autowired TestClock clock;
    @Autowired MonthRulesSource rules;
    @Autowired DataSource dataSource;
    BillingFixture fx;
    Http dpmd;
    TimeZone serverZone;

    @BeforeEach
    void setUp() {
        serverZone = TimeZone.getDefault();
        fx = new BillingFixture(jdbc);
        // a regency no other test uses: its billing runs touch nobody else's data
        dpmd = Http.withToken(port, TestUsers.token(accounts, "clock-dpmd", Role.DPMD, "19.01"));
    }

    @AfterEach
    void restore() {
        TimeZone.setDefault(serverZone);
        clock.reset();
    }

    /** The same question asked on a server in each zone. */
    private <T> Map<String, T> askInEachServerZone(Supplier<T> question) {
        Map<String, T> answers = new LinkedHashMap<>();
        for (String zone : SERVER_ZONES) {
            TimeZone.setDefault(TimeZone.getTimeZone(zone));
            answers.put(zone, question.get());
        }
        TimeZone.setDefault(serverZone);
        return answers;
    }

    private static void assertSameEverywhere(Map<String, ?> answers) {
        assertThat(answers.get("UTC")).as("answer on a UTC server").isEqualTo(answers.get("Asia/Jakarta"));
    }

    private long bpuWorker(String desa, LocalDate from) {
        long w = fx.worker(desa, "Petani " + desa, "PETANI");
        long self = fx.payer("SELF:" + fx.nik(w), "SELF", "Peserta mandiri", desa);
        fx.term(w, desa, "JKK", "BPU", "1000000", null, null, self, from, null);
        fx.term(w, desa, "JKM", "BPU", "1000000", null, null, self, from, null);
        return w;
    }

    private static String answer(HttpResponse<String> response) {
        return response.statusCode() + " " + response.body();
    }

    @Test
    void billingRunsUpToTheMonthAfterJakartasMonth() {
        long w = bpuWorker("19.01.02.2005", LocalDate.of(2026, 7, 1));
        String self = "SELF:" + fx.nik(w);
        clock.fixAt(EVENING_OF_30_JUNE);

        Map<String, String> runs = askInEachServerZone(() ->
                dpmd.postJson("/api/v1/billing/runs", "{\"month\":\"2026-08\"}").statusCode() + " "
                + dpmd.postJson("/api/v1/billing/runs", "{\"month\":\"2026-09\"}").statusCode());
        Map<String, String> bills = askInEachServerZone(() -> answer(dpmd.get("/api/v1/bills?payer=" + self + "&month=2026-08")));

        assertSameEverywhere(runs);
        assertSameEverywhere(bills);
        // July in Jakarta: August is the month ahead and may be billed, September may not (422 MONTH_TOO_FAR, docs/api-errors.md)
        assertThat(runs.get("Asia/Jakarta")).isEqualTo("200 422");
        assertThat(bills.get("Asia/Jakarta")).startsWith("200 [{").contains("\"month\":\"2026-08\"");
    }

    @Test
    void protectedTodayIsAnsweredForTheDateInJakarta() {
        long w = bpuWorker("19.01.01.2007", LocalDate.of(2026, 7, 1));
        String path = "/api/v1/workers/" + fx.nik(w) + "/protection";
        LocalDate julyDue = rules.forMonth(YearMonth.of(2026, 7)).dueDate(id.lindung.shared.Segment.BPU);

        clock.fixAt(EVENING_OF_30_JUNE);
        // only a billed month can be in arrears (docs/decisions/0003): July is billed on its first day (confirmed as a
        // backfill: another test of this regency may already have billed August for its own worker)
        assertThat(dpmd.postJson("/api/v1/billing/runs", "{\"month\":\"2026-07\",\"backfill\":true}").statusCode()).isEqualTo(200);
        Map<String, String> onTheFirstDay = askInEachServerZone(() -> answer(dpmd.get(path)));
        clock.fixAt(julyDue.atTime(LocalTime.of(18, 30)).toInstant(ZoneOffset.UTC));
        Map<String, String> afterTheDueDate = askInEachServerZone(() -> answer(dpmd.get(path)));

        assertSameEverywhere(onTheFirstDay);
        assertSameEverywhere(afterTheDueDate);
        // the membership starts on 1 July, which it already is in Jakarta; July's contribution is not yet due
        JsonNode first = JSON.readTree(onTheFirstDay.get("Asia/Jakarta").substring(4));
        assertThat(first.get("date").asString()).isEqualTo("2026-07-01");
        assertThat(first.get("programs").findValuesAsString("status")).containsExactly("IN_GRACE", "IN_GRACE");
        // in Jakarta the day after the due date has begun: July is unpaid past its due date
        JsonNode late = JSON.readTree(afterTheDueDate.get("Asia/Jakarta").substring(4));
        assertThat(late.get("date").asString()).isEqualTo(julyDue.plusDays(1).toString());
        assertThat(late.get("programs").findValuesAsString("status")).containsExactly("LAPSED", "LAPSED");
    }

    @Test
    void finesAndEscalationsCountMonthsLateFromTheDateInJakarta() {
        String desa = "19.01.02.2004";
        String payer = "APBDES:" + desa;
        long village = fx.payer(payer, "APBDES", "Pemerintah Desa Gunung Muda", desa);
        long official = fx.worker(desa, "Kaur Gunung Muda", "PERANGKAT_DESA");
        fx.term(official, desa, "JKM", "PU", "2000000", null, village, village, LocalDate.of(2026, 5, 1), null);
        clock.fixAt(EVENING_OF_30_JUNE);
        // May is older than the billing window in July (Jakarta): a confirmed backfill
        assertThat(dpmd.postJson("/api/v1/billing/runs", "{\"month\":\"2026-05\",\"backfill\":true}").statusCode()).isEqualTo(200);
        assertThat(dpmd.postJson("/api/v1/billing/runs", "{\"month\":\"2026-06\"}").statusCode()).isEqualTo(200);
        LocalDate juneDue = rules.forMonth(YearMonth.of(2026, 6)).dueDate(id.lindung.shared.Segment.PU);

        // the evening of June's due date in UTC: the next day in Jakarta, so June is one month late
        clock.fixAt(juneDue.atTime(LocalTime.of(18, 30)).toInstant(ZoneOffset.UTC));
        Map<String, String> bills = askInEachServerZone(() -> answer(dpmd.get("/api/v1/bills?payer=" + payer)));
        Map<String, String> escalations = askInEachServerZone(() -> answer(dpmd.get("/api/v1/arrears/escalations")));

        assertSameEverywhere(bills);
        assertSameEverywhere(escalations);
        Map<String, JsonNode> byMonth = new LinkedHashMap<>();
        JSON.readTree(bills.get("Asia/Jakarta").substring(4)).forEach(b -> byMonth.put(b.get("month").asString(), b));
        // JKM 0.3% of 2,000,000 = 6,000 a month; the fine is 2% of it per month late
        assertThat(byMonth.get("2026-06").get("fine").decimalValue()).isEqualByComparingTo("120");
        assertThat(byMonth.get("2026-05").get("fine").decimalValue()).isEqualByComparingTo("240");
        JsonNode ours = null;
        for (JsonNode e : JSON.readTree(escalations.get("Asia/Jakarta").substring(4))) {
            ours = payer.equals(e.get("payer").asString()) ? e : ours;
        }
        assertThat(ours).as("escalation of " + payer).isNotNull();
        assertThat(ours.get("monthsInArrears").asInt()).isEqualTo(2);
    }

    @Test
    void databaseSessionsTurnTimestampsIntoDatesInTheBusinessZone() throws java.sql.SQLException {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        Map<String, String> answers = askInEachServerZone(() -> {
            // connections opened while the server is in this zone
            pool.getHikariPoolMXBean().softEvictConnections();
            return jdbc.sql("select current_setting('TimeZone')").query(String.class).single() + " "
                    + jdbc.sql("select cast(cast(:at as timestamptz) as date)").param("at", Timestamp.from(EVENING_OF_30_JUNE))
                            .query(LocalDate.class).single();
        });
        assertSameEverywhere(answers);
        assertThat(answers.get("Asia/Jakarta")).isEqualTo("Asia/Jakarta 2026-07-01");
    }
}
