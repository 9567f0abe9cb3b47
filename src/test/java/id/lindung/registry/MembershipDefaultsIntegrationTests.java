package id.lindung.registry;

import static id.lindung.registry.RegistryFixture.VILLAGE;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.access.Role;
import id.lindung.access.UserAccounts;
import id.lindung.shared.RiskGroup;
import id.lindung.support.Http;
import id.lindung.support.IntegrationTest;
import id.lindung.support.Niks;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Defaults the API applies to membership terms, the same as the bulk import applies to a file's rows. */
@IntegrationTest
class MembershipDefaultsIntegrationTests {

    @LocalServerPort int port;
    @Autowired Workers workers;
    @Autowired UserAccounts accounts;

    /** Billing matches JKK rates by risk group: a PU term without one would never be billed for JKK. */
    @Test
    void aPuMembershipWithoutARiskGroupIsVeryLowRiskAsInTheImport() {
        Http operator = RegistryFixture.api(port, accounts, "reg-risk-op", Role.VILLAGE_OPERATOR, VILLAGE);
        LocalDate birth = LocalDate.of(1982, 2, 14);
        String nik = Niks.unique("64.02.03", "L", birth);
        var created = operator.postJson("/api/v1/workers", """
                {"nik":"%s","name":"Joko Susilo","sex":"L","birthDate":"1982-02-14","villageCode":"%s","category":"PERANGKAT_DESA",
                 "programs":["JKK","JKM"],"segment":"PU","wage":2022200,"payer":"APBDES","startDate":"2025-01-01"}"""
                .formatted(nik, VILLAGE));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(workers.terms(nik, RegistryFixture.ADMIN.scope()))
                .hasSize(2).allSatisfy(t -> assertThat(t.riskGroup()).isEqualTo(RiskGroup.VERY_LOW));

        var added = operator.postJson("/api/v1/workers/" + nik + "/memberships", """
                {"program":"JHT","segment":"PU","wage":2022200,"payer":"APBDES","validFrom":"2025-03-01"}""");
        assertThat(added.statusCode()).isEqualTo(200);
        assertThat(added.body()).contains("\"riskGroup\":\"VERY_LOW\"");
    }

    /** Issue 9: an input error names the request's own fields; a change of terms has {@code segment} and {@code validFrom}. */
    @Test
    void aRefusedChangeOfTermsNamesTheFieldsOfTheRequest() {
        Http operator = RegistryFixture.api(port, accounts, "reg-term-fields-op", Role.VILLAGE_OPERATOR, VILLAGE);
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, LocalDate.of(1991, 10, 10));
        var noSegment = operator.postJson("/api/v1/workers/" + w.nik() + "/memberships", """
                {"program":"JHT","wage":1500000,"payer":"SELF","validFrom":"2025-03-01"}""");
        assertThat(noSegment.statusCode()).isEqualTo(400);
        assertThat(noSegment.body()).contains("\"field\":\"segment\",\"code\":\"REQUIRED\"").doesNotContain("\"field\":\"program\"");
        var noStart = operator.postJson("/api/v1/workers/" + w.nik() + "/memberships", """
                {"program":"JHT","segment":"BPU","wage":1500000,"payer":"SELF"}""");
        assertThat(noStart.statusCode()).isEqualTo(400);
        assertThat(noStart.body()).contains("\"field\":\"validFrom\",\"code\":\"REQUIRED\"").doesNotContain("startDate");
    }

    @Test
    void aBpuMembershipKeepsNoRiskGroup() {
        Worker w = RegistryFixture.selfPaying(workers, VILLAGE, LocalDate.of(1990, 9, 9));
        assertThat(workers.terms(w.nik(), RegistryFixture.ADMIN.scope())).allSatisfy(t -> assertThat(t.riskGroup()).isNull());
    }
}
