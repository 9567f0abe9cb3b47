package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import id.lindung.support.TestUsers;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * Optimistic locking of a worker (issue 12, "Concurrency and load"): two officers who opened the same worker and both
 * change it get one success and one clear 409 VERSION_CONFLICT, never a silently lost update.
 */
@IntegrationTest
class WorkerVersionIntegrationTests {

    static final String VILLAGE = "64.02.05.2004";
    static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    private String register(Http officer) {
        String nik = Niks.unique("64.02.05", "P", LocalDate.of(1990, 2, 3));
        var created = officer.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Sari Versi","sex":"P","birthDate":"1990-02-03","villageCode":"%s","category":"PETANI",
                 "programs":["JKK","JKM"],"segment":"BPU","wage":1500000,"payer":"SELF","startDate":"2025-01-01"}""".formatted(nik, VILLAGE));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return nik;
    }

    private static HttpResponse<String> withIfMatch(Http officer, String path, String etag, String json) {
        return officer.postJson(path, json, "If-Match", etag);
    }

    @Test
    void aChangeBasedOnAnOlderVersionIsAConflictNotALostUpdate() {
        Http first = Http.withToken(port, TestUsers.token(accounts, "version-a", Role.DPMD, "64.02"));
        Http second = Http.withToken(port, TestUsers.token(accounts, "version-b", Role.BPJS_OFFICER, "64.02"));
        String nik = register(first);
        String etag = first.get("/api/v1/workers/" + nik).headers().firstValue("ETag").orElseThrow();
        assertThat(second.get("/api/v1/workers/" + nik).headers().firstValue("ETag")).contains(etag);

        var changed = withIfMatch(first, "/api/v1/workers/" + nik + "/memberships", etag,
                "{\"program\":\"JKM\",\"segment\":\"BPU\",\"wage\":2000000,\"payer\":\"SELF\",\"validFrom\":\"2025-03-01\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        var stale = withIfMatch(second, "/api/v1/workers/" + nik + "/status", etag,
                "{\"status\":\"INACTIVE\",\"reason\":\"berhenti\",\"effectiveOn\":\"2025-06-01\"}");
        assertThat(stale.statusCode()).as(stale.body()).isEqualTo(409);
        assertThat(JSON.readTree(stale.body()).get("code").asString()).isEqualTo("VERSION_CONFLICT");
        assertThat(first.get("/api/v1/workers/" + nik).body()).contains("\"status\":\"ACTIVE\"");

        String fresh = second.get("/api/v1/workers/" + nik).headers().firstValue("ETag").orElseThrow();
        assertThat(fresh).isNotEqualTo(etag);
        var retried = withIfMatch(second, "/api/v1/workers/" + nik + "/status", fresh,
                "{\"status\":\"INACTIVE\",\"reason\":\"berhenti\",\"effectiveOn\":\"2025-06-01\"}");
        assertThat(retried.statusCode()).as(retried.body()).isEqualTo(200);
    }

    @Test
    void twoOfficersChangingOneWorkerAtTheSameMomentGetOneSuccessAndOneConflict() throws Exception {
        Http first = Http.withToken(port, TestUsers.token(accounts, "version-c", Role.DPMD, "64.02"));
        Http second = Http.withToken(port, TestUsers.token(accounts, "version-d", Role.DPMD, "64.02"));
        String nik = register(first);
        String etag = first.get("/api/v1/workers/" + nik).headers().firstValue("ETag").orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        var a = CompletableFuture.supplyAsync(() -> {
            await(start);
            return withIfMatch(first, "/api/v1/workers/" + nik + "/memberships", etag,
                    "{\"program\":\"JKM\",\"segment\":\"BPU\",\"wage\":2000000,\"payer\":\"SELF\",\"validFrom\":\"2025-03-01\"}");
        });
        var b = CompletableFuture.supplyAsync(() -> {
            await(start);
            return withIfMatch(second, "/api/v1/workers/" + nik + "/memberships", etag,
                    "{\"program\":\"JKM\",\"segment\":\"BPU\",\"wage\":3000000,\"payer\":\"SELF\",\"validFrom\":\"2025-04-01\"}");
        });
        start.countDown();
        List<Integer> statuses = List.of(a.get().statusCode(), b.get().statusCode());
        assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        long jkmTerms = jdbc.sql("select count(*) from membership_term t join worker w on w.id = t.worker_id "
                + "where w.nik = ? and t.program = 'JKM'").param(nik).query(Long.class).single();
        assertThat(jkmTerms).as("the first JKM term and exactly one new version").isEqualTo(2);
    }

    @Test
    void anEditWithoutIfMatchStillWorksAndMovesTheVersionOn() {
        Http officer = Http.withToken(port, TestUsers.token(accounts, "version-e", Role.DPMD, "64.02"));
        String nik = register(officer);
        String before = officer.get("/api/v1/workers/" + nik).headers().firstValue("ETag").orElseThrow();
        var changed = officer.postJson("/api/v1/workers/" + nik + "/status",
                "{\"status\":\"INACTIVE\",\"reason\":\"berhenti\",\"effectiveOn\":\"2025-06-01\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        assertThat(officer.get("/api/v1/workers/" + nik).headers().firstValue("ETag").orElseThrow()).isNotEqualTo(before);
        var bad = withIfMatch(officer, "/api/v1/workers/" + nik + "/status", "\"abc\"",
                "{\"status\":\"ACTIVE\",\"reason\":\"kembali\",\"effectiveOn\":\"2025-07-01\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
