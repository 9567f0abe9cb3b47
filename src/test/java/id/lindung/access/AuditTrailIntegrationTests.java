package id.lindung.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.TestUsers;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

@IntegrationTest
class AuditTrailIntegrationTests {

    @LocalServerPort int port;
    @Autowired UserAccounts accounts;
    @Autowired JdbcClient jdbc;

    @Test
    void aChangeThroughTheApiIsAuditedWithWhoWhatBeforeAfterAndAddress() {
        String dpmd = TestUsers.token(accounts, "audit-dpmd", Role.DPMD, "73.02");
        Http api = Http.withToken(port, dpmd);
        api.post("/api/v1/workforce/imports", "text/csv",
                "region_code,year,potential_workers,source\n73.02.01.2004,2019,500,BPS\n".getBytes(StandardCharsets.UTF_8));
        var second = api.post("/api/v1/workforce/imports", "text/csv",
                "region_code,year,potential_workers,source\n73.02.01.2004,2019,650,BPS revisi\n".getBytes(StandardCharsets.UTF_8));
        assertThat(second.statusCode()).isEqualTo(200);

        String auditor = TestUsers.token(accounts, "audit-reader", Role.AUDITOR, "73.02");
        var events = Http.withToken(port, auditor).get("/api/v1/audit?user=audit-dpmd&type=potential_workforce");
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(events.body())
                .contains("\"entityId\":\"73.02.01.2004/2019\"")
                .contains("\"username\":\"audit-dpmd\"")
                .contains("\"address\":\"127.0.0.1\"")
                .contains("650").contains("BPS revisi")
                .contains("\"before\":\"{\\\"demo\\\": false, \\\"source\\\": \\\"BPS\\\", \\\"potentialWorkers\\\": 500}\"");
    }

    @Test
    void onlyAuditorsAndAdminsReadTheTrailAndOnlyInTheirScope() {
        String operator = TestUsers.token(accounts, "audit-operator", Role.VILLAGE_OPERATOR, "64.02.03.2007");
        assertThat(Http.withToken(port, operator).get("/api/v1/audit").statusCode()).isEqualTo(403);
        String auditor = TestUsers.token(accounts, "audit-kalsel", Role.AUDITOR, "63");
        assertThat(Http.withToken(port, auditor).get("/api/v1/audit?region=64.02").statusCode()).isEqualTo(403);
        assertThat(Http.withToken(port, auditor).get("/api/v1/audit?region=63.01").statusCode()).isEqualTo(200);
    }

    @Test
    void auditorsReadIdentityDataMaskedLikeEveryMaskedRoleAdminsInFull() {
        String nik = "7302014512900007";
        jdbc.sql("""
                insert into audit_event (username, role, action, entity_type, entity_id, region_code, before_state, after_state)
                values ('audit-writer', 'DPMD', 'UPDATE', 'worker', ?, '73.02.01.2004', null,
                        cast(? as jsonb))""")
                .params(nik, "{\"nik\": \"" + nik + "\", \"birthDate\": \"1990-12-05\", \"phone\": \"081234567890\", "
                        + "\"payer\": \"SELF:" + nik + "\", \"email\": \"siti@desa.id\", \"fullName\": \"Siti\"}")
                .update();
        var auditor = Http.withToken(port, TestUsers.token(accounts, "audit-masked", Role.AUDITOR, "73.02"))
                .get("/api/v1/audit?user=audit-writer");
        assertThat(auditor.statusCode()).isEqualTo(200);
        assertThat(auditor.body()).doesNotContain(nik, "1990-12-05", "081234567890", "siti@desa.id")
                .contains("730201********07", "1990", "SELF:730201********07", "Siti");
        var admin = Http.withToken(port, TestUsers.token(accounts, "audit-admin", Role.ADMIN, "ID")).get("/api/v1/audit?user=audit-writer");
        assertThat(admin.body()).contains(nik, "1990-12-05", "081234567890");
    }

    @Test
    void theTrailIsAppendOnly() {
        TestUsers.token(accounts, "append-only", Role.MONITOR, "ID");
        assertThatThrownBy(() -> jdbc.sql("update audit_event set username = 'someone-else'").update())
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .hasMessageContaining("append-only");
    }
}
