package id.lindung.platform;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.billing.BillingRuns;
import id.lindung.shared.Rupiah;
import java.time.YearMonth;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class AmountJsonTests {

    private final JsonMapper json = JsonMapper.builder().build();

    @Test
    void storedAmountsKeepTwoDecimalsAndAnEmptySumIsZero() {
        assertThat(AmountJson.withSen(Rupiah.of(10800)).toPlainString()).isEqualTo("10800.00");
        assertThat(AmountJson.withSen(Rupiah.ZERO).toPlainString()).isEqualTo("0.00");
        assertThat(AmountJson.withSen(Rupiah.ofSen(12345)).toPlainString()).isEqualTo("123.45");
        assertThat(AmountJson.summed(Rupiah.ZERO).toPlainString()).isEqualTo("0");
        assertThat(AmountJson.summed(Rupiah.of(10800)).toPlainString()).isEqualTo("10800.00");
    }

    @Test
    void aBillingRunIsWrittenAsBeforeItsMonthAndTotalHadTypes() {
        assertThat(json.writeValueAsString(new BillingRuns.Result(YearMonth.of(2025, 6), 3, 12, Rupiah.of(52800), "v1")))
                .isEqualTo("{\"month\":\"2025-06\",\"bills\":3,\"lines\":12,\"total\":52800.00,\"regulationVersion\":\"v1\"}");
        assertThat(json.writeValueAsString(new BillingRuns.Result(YearMonth.of(2025, 6), 0, 0, Rupiah.ZERO, "v1")))
                .contains("\"total\":0,");
    }
}
