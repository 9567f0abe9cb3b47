package id.lindung.billing;

import id.lindung.shared.ProtectionStatus;
import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ProtectionPolicyTests {

    private static final Function<YearMonth, LocalDate> BPU_DUE = m -> m.atDay(15);
    private static final Function<YearMonth, LocalDate> PU_DUE = m -> m.plusMonths(1).atDay(15);
    private final List<ProtectionPolicy.Period> bpu = List.of(new ProtectionPolicy.Period(LocalDate.of(2024, 1, 1), null, Segment.BPU, "SELF:x"));
    private final Map<YearMonth, LocalDate> paid = new HashMap<>();
    /** Every month of 2024 and 2025 billed, unless a test says otherwise. */
    private final Set<YearMonth> billed = new HashSet<>(months(YearMonth.of(2024, 1), YearMonth.of(2025, 12)));

    private static List<YearMonth> months(YearMonth from, YearMonth to) {
        List<YearMonth> list = new ArrayList<>();
        for (YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
            list.add(m);
        }
        return list;
    }

    private ProtectionStatus bpuOn(LocalDate d) {
        return ProtectionPolicy.evaluate(bpu, billed, paid, BPU_DUE, 3, 3, d).status();
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
    void aPuWorkerIsProtectedWhetherOrNotTheEmployerPaysAndArrearsAreFlaggedNeverEnded() {
        var pu = List.of(new ProtectionPolicy.Period(LocalDate.of(2024, 1, 1), null, Segment.PU, "APBDES:x"));
        assertThat(ProtectionPolicy.evaluate(pu, billed, paid, PU_DUE, 3, 3, LocalDate.of(2024, 1, 20)))
                .isEqualTo(new ProtectionPolicy.Answer(ProtectionStatus.PROTECTED, null, "APBDES:x", false));
        assertThat(ProtectionPolicy.evaluate(pu, billed, paid, PU_DUE, 3, 3, LocalDate.of(2024, 2, 15)).employerInArrears()).isFalse();
        // January billed, due 15 February, unpaid: the employer is in arrears, the worker is still protected by law
        assertThat(ProtectionPolicy.evaluate(pu, billed, paid, PU_DUE, 3, 3, LocalDate.of(2024, 2, 16)))
                .isEqualTo(new ProtectionPolicy.Answer(ProtectionStatus.PROTECTED, null, "APBDES:x", true));
        assertThat(ProtectionPolicy.evaluate(pu, billed, paid, PU_DUE, 3, 3, LocalDate.of(2025, 1, 20)))
                .isEqualTo(new ProtectionPolicy.Answer(ProtectionStatus.PROTECTED, null, "APBDES:x", true));
        paid.put(YearMonth.of(2024, 1), LocalDate.of(2024, 3, 1));
        assertThat(ProtectionPolicy.evaluate(pu, billed, paid, PU_DUE, 3, 3, LocalDate.of(2024, 2, 20)))
                .isEqualTo(new ProtectionPolicy.Answer(ProtectionStatus.PROTECTED, YearMonth.of(2024, 1), "APBDES:x", false));
    }

    @Test
    void aTermThatEndedGivesEndedAndBeforeTheStartThereIsNoAnswer() {
        var ended = List.of(new ProtectionPolicy.Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 1), Segment.PU, "APBDES:x"));
        assertThat(ProtectionPolicy.evaluate(ended, billed, paid, PU_DUE, 3, 3, LocalDate.of(2024, 3, 1)).status()).isEqualTo(ProtectionStatus.ENDED);
        assertThat(ProtectionPolicy.evaluate(ended, billed, paid, PU_DUE, 3, 3, LocalDate.of(2023, 12, 31))).isNull();
    }

    /**
     * The demo's case: a PU term from January 2025, billed from July 2026, paid through November 2026.
     * Months never billed are not arrears: protected on 30 November and on 1 December (November is due
     * on 15 December), flagged only once a billed month is overdue and unpaid.
     */
    @ParameterizedTest(name = "{0}: {1}, employer in arrears {2}")
    @CsvSource({
            "2025-01-01, PROTECTED, false",   // first day of the term, nothing billed yet
            "2026-06-30, PROTECTED, false",   // 18 months never billed: not arrears
            "2026-11-30, PROTECTED, false",
            "2026-12-01, PROTECTED, false",   // the demo's date
            "2026-12-15, PROTECTED, false",   // November's due date
            "2026-12-16, PROTECTED, true",    // November billed, overdue, unpaid
            "2027-02-01, PROTECTED, true"})
    void aPuTermBilledOnlyFromItsSecondYear(LocalDate date, ProtectionStatus status, boolean employerInArrears) {
        var pu = List.of(new ProtectionPolicy.Period(LocalDate.of(2025, 1, 1), null, Segment.PU, "APBDES:x"));
        Set<YearMonth> puBilled = new HashSet<>(months(YearMonth.of(2026, 7), YearMonth.of(2026, 12)));
        months(YearMonth.of(2026, 7), YearMonth.of(2026, 10)).forEach(m -> paid.put(m, m.plusMonths(1).atDay(12)));
        var answer = ProtectionPolicy.evaluate(pu, puBilled, paid, PU_DUE, 3, 3, date);
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.employerInArrears()).isEqualTo(employerInArrears);
    }

    /** BPU billed from July 2026, June 2026 and before never billed; July paid, nothing after. */
    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({
            "2025-01-01, IN_GRACE",    // never billed: nothing owed, not arrears
            "2026-06-30, IN_GRACE",
            "2026-07-20, PROTECTED",   // July paid
            "2026-08-15, IN_GRACE",    // August billed, due today
            "2026-08-16, LAPSED",      // one billed month overdue
            "2026-11-15, LAPSED",      // August to October: three
            "2026-11-16, ENDED",       // four billed months overdue; the unbilled months before July never counted
            "2026-12-31, ENDED"})
    void aBpuTermBilledOnlyFromItsSecondYear(LocalDate date, ProtectionStatus status) {
        var term = List.of(new ProtectionPolicy.Period(LocalDate.of(2025, 1, 1), null, Segment.BPU, "SELF:x"));
        Set<YearMonth> bpuBilled = new HashSet<>(months(YearMonth.of(2026, 7), YearMonth.of(2026, 12)));
        paid.put(YearMonth.of(2026, 7), LocalDate.of(2026, 7, 10));
        assertThat(ProtectionPolicy.evaluate(term, bpuBilled, paid, BPU_DUE, 3, 3, date).status()).isEqualTo(status);
    }

    @Test
    void aBpuMonthNeverBilledIsNotArrearsAndDoesNotEndTheMembership() {
        billed.clear();
        assertThat(bpuOn(LocalDate.of(2024, 12, 31))).isEqualTo(ProtectionStatus.IN_GRACE);
    }

    @ParameterizedTest(name = "{0} {1}: {2}")
    @CsvSource({
            "DECEASED, 2024-03-09, PROTECTED",
            "DECEASED, 2024-03-10, PROTECTED",   // the day of death is covered
            "DECEASED, 2024-03-11, ENDED",
            "OTHER,    2024-03-09, PROTECTED",
            "OTHER,    2024-03-10, ENDED"})      // any other end: valid_to is exclusive
    void aTermEndedByDeathCoversTheDayOfDeath(String endReason, LocalDate date, ProtectionStatus status) {
        var term = List.of(new ProtectionPolicy.Period(LocalDate.of(2024, 1, 1), LocalDate.of(2024, 3, 10), Segment.PU, "APBDES:x",
                "DECEASED".equals(endReason)));
        assertThat(ProtectionPolicy.evaluate(term, billed, paid, PU_DUE, 3, 3, date).status()).isEqualTo(status);
    }
}
