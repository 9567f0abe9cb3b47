package id.lindung.billing;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ProtectionPolicyTests {

    private static final Function<YearMonth, LocalDate> BPU_DUE = m -> m.atDay(15);
    private static final Function<YearMonth, LocalDate> PU_DUE = m -> m.plusMonths(1).atDay(15);
    private final List<ProtectionPolicy.Period> bpu = List.of(new ProtectionPolicy.Period(LocalDate.of(2024, 1, 1), null, Segment.BPU, "SELF:x"));
    private final Map<YearMonth, LocalDate> paid = new HashMap<>();

    private ProtectionStatus bpuOn(LocalDate d) {
        return ProtectionPolicy.evaluate(bpu, paid, BPU_DUE, 3, 3, d).status();
    }

    @Test
    void aPaidMonthProtects() {
        paid.put(YearMonth.of(2024, 1), LocalDate.of(2024, 1, 5));
        assertThat(bpuOn(LocalDate.of(2024, 1, 31))).isEqualTo(ProtectionStatus.PROTECTED);
    }

    @Test
    void anUnpaidBpuMonthIsInGraceUntilTheFifteenthThenLapsed() {
        paid.put(YearMonth.of(2024, 1), LocalDate.of(2024, 1, 5));
        assertThat(bpuOn(LocalDate.of(2024, 2, 15))).isEqualTo(ProtectionStatus.IN_GRACE);
        assertThat(bpuOn(LocalDate.of(2024, 2, 16))).isEqualTo(ProtectionStatus.LAPSED);
    }

    @Test
    void moreThanThreeConsecutiveUnpaidMonthsEndTheBpuMembership() {
        paid.put(YearMonth.of(2024, 1), LocalDate.of(2024, 1, 5));
        assertThat(bpuOn(LocalDate.of(2024, 4, 30))).isEqualTo(ProtectionStatus.LAPSED);
        // on 1 May only February to April are in arrears (May is not yet due): three, not more than three
        assertThat(bpuOn(LocalDate.of(2024, 5, 1))).isEqualTo(ProtectionStatus.LAPSED);
        assertThat(bpuOn(LocalDate.of(2024, 5, 15))).isEqualTo(ProtectionStatus.LAPSED);
        assertThat(bpuOn(LocalDate.of(2024, 5, 16))).isEqualTo(ProtectionStatus.ENDED);
    }

    @Test
    void aBackPaymentWithinThreeMonthsOfTheDueDateRestoresButALaterOneDoesNot() {
        paid.put(YearMonth.of(2024, 1), LocalDate.of(2024, 1, 5));
        paid.put(YearMonth.of(2024, 2), LocalDate.of(2024, 5, 15));
        paid.put(YearMonth.of(2024, 3), LocalDate.of(2024, 6, 16));
        assertThat(bpuOn(LocalDate.of(2024, 2, 20))).isEqualTo(ProtectionStatus.PROTECTED);
        assertThat(bpuOn(LocalDate.of(2024, 3, 20))).isEqualTo(ProtectionStatus.LAPSED);
    }

    @Test
    void aPuWorkerIsProtectedWhileTheEmployerIsNotInArrearsAndArrearsNeverEndTheMembership() {
        var pu = List.of(new ProtectionPolicy.Period(LocalDate.of(2024, 1, 1), null, Segment.PU, "APBDES:x"));
        assertThat(ProtectionPolicy.evaluate(pu, paid, PU_DUE, 3, 3, LocalDate.of(2024, 1, 20)).status()).isEqualTo(ProtectionStatus.PROTECTED);
        assertThat(ProtectionPolicy.evaluate(pu, paid, PU_DUE, 3, 3, LocalDate.of(2024, 2, 15)).status()).isEqualTo(ProtectionStatus.PROTECTED);
        assertThat(ProtectionPolicy.evaluate(pu, paid, PU_DUE, 3, 3, LocalDate.of(2024, 2, 16)).status()).isEqualTo(ProtectionStatus.LAPSED);
        assertThat(ProtectionPolicy.evaluate(pu, paid, PU_DUE, 3, 3, LocalDate.of(2025, 1, 20)).status()).isEqualTo(ProtectionStatus.LAPSED);
        paid.put(YearMonth.of(2024, 1), LocalDate.of(2024, 3, 1));
        assertThat(ProtectionPolicy.evaluate(pu, paid, PU_DUE, 3, 3, LocalDate.of(2024, 2, 20)).status()).isEqualTo(ProtectionStatus.PROTECTED);
    }

    @Test
    void aTermThatEndedGivesEndedAndBeforeTheStartThereIsNoAnswer() {
        var ended = List.of(new ProtectionPolicy.Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), Segment.PU, "APBDES:x"));
        assertThat(ProtectionPolicy.evaluate(ended, paid, PU_DUE, 3, 3, LocalDate.of(2024, 3, 1)).status()).isEqualTo(ProtectionStatus.ENDED);
        assertThat(ProtectionPolicy.evaluate(ended, paid, PU_DUE, 3, 3, LocalDate.of(2023, 12, 31))).isNull();
    }
}
