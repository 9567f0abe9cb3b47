package id.lindung.registry;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every answer that gives a worker gives its open programmes and payers as the list and {@code GET /api/v1/workers/{nik}}
 * do: until 7 December 2026 a registration, a transfer, a status change and the likely duplicates (of a worker's record
 * and of a village's list) answered {@code "programs":null,"payers":null} for a worker that has both.
 */
@IntegrationTest
class WriteAnswersCarryProgrammesIntegrationTests {

    private static final String VILLAGE = "64.02.10.2003";
    private static final String NEIGHBOUR = "64.02.10.2004";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired Workers workers;

    private Http dpmd() {
        return RegistryFixture.api(port, accounts, "reg-write-dpmd", Role.DPMD, "64.02");
    }

    private JsonNode register(String name, String village, LocalDate birth) {
        var created = dpmd().postJson("/api/v1/workers", """
                {"nik":"%s","name":"%s","sex":"L","birthDate":"%s","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM"],"segment":"PU","wage":2500000,"payer":"APBDES","startDate":"2025-01-01"}"""
                .formatted(Niks.unique("64.02.10", "L", birth), name, birth, village));
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return JSON.readTree(created.body());
    }

    private static void carries(JsonNode worker, String village) {
        assertThat(worker.get("programs").asString()).as(worker.toString()).isEqualTo("JKK;JKM");
        assertThat(worker.get("payers").asString()).as(worker.toString()).isEqualTo("APBDES:" + village);
    }

    @Test
    void aRegistrationATransferAStatusChangeAndALikelyDuplicateCarryProgrammesAndPayers() {
        LocalDate birth = LocalDate.of(1979, 3, 23);
        JsonNode here = register("Ahmad Fauzan Hakim", VILLAGE, birth);
        carries(here, VILLAGE);
        JsonNode there = register("Achmad Fauzan Hakim", NEIGHBOUR, birth);
        carries(there, NEIGHBOUR);
        String nik = here.get("nik").asString();

        // the record's likely duplicates, and the village's list of them, as the list gives each worker
        JsonNode record = JSON.readTree(dpmd().get("/api/v1/workers/" + nik).body());
        carries(record.get("worker"), VILLAGE);
        assertThat(record.get("likelyDuplicates")).hasSize(1);
        carries(record.get("likelyDuplicates").get(0), NEIGHBOUR);
        JsonNode flags = JSON.readTree(dpmd().get("/api/v1/villages/" + VILLAGE + "/likely-duplicates?size=500").body()).get("items");
        JsonNode flag = null;
        for (JsonNode f : flags) {
            if (f.get("worker").get("nik").asString().equals(nik) || f.get("other").get("nik").asString().equals(nik)) {
                flag = f;
            }
        }
        assertThat(flag).as(flags.toString()).isNotNull();
        carries(flag.get("worker"), flag.get("worker").get("villageCode").asString());
        carries(flag.get("other"), flag.get("other").get("villageCode").asString());

        // a transfer within the regency keeps the programmes; the village's own payer follows the worker
        var moved = dpmd().postJson("/api/v1/workers/" + nik + "/transfer",
                "{\"villageCode\":\"" + NEIGHBOUR + "\",\"effectiveOn\":\"2025-06-01\"}");
        assertThat(moved.statusCode()).as(moved.body()).isEqualTo(200);
        carries(JSON.readTree(moved.body()), NEIGHBOUR);

        // a status change ends the programmes it ends: the answer says what the record says
        var changed = dpmd().postJson("/api/v1/workers/" + there.get("nik").asString() + "/status",
                "{\"status\":\"INACTIVE\",\"reason\":\"cuti panjang\",\"effectiveOn\":\"2025-07-01\"}");
        assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
        JsonNode changedJson = JSON.readTree(changed.body());
        JsonNode listed = JSON.readTree(dpmd().get("/api/v1/workers/" + there.get("nik").asString()).body()).get("worker");
        assertThat(changedJson.get("programs")).isEqualTo(listed.get("programs"));
        assertThat(changedJson.get("payers")).isEqualTo(listed.get("payers"));
        assertThat(changedJson.get("status").asString()).isEqualTo("INACTIVE");

        // the query that reads several workers' programmes is scoped in SQL: a worker passed from outside the scope
        // gets none (review7: it read any worker id it was given)
        Worker held = workers.get(nik, id.lindung.access.RegionScope.of("64.02"));
        assertThat(workers.listed(java.util.List.of(held), id.lindung.access.RegionScope.of("64.02")).get(0).programs()).isNotNull();
        assertThat(workers.listed(java.util.List.of(held), id.lindung.access.RegionScope.of("63.01")).get(0).programs()).isNull();
    }
}
