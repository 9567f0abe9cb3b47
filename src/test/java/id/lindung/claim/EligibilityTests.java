package id.lindung.claim;

import static org.assertj.core.api.Assertions.assertThat;

import id.lindung.shared.ProtectionStatus;
import id.lindung.claim.ClaimCase.Decision;
import id.lindung.claim.ClaimCase.Effect;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each named policy at its edge dates. Protection on the incident date comes from billing (see
 * ClaimEligibilityIntegrationTests for a lapse and a grace period end to end); here it is given.
 */
class EligibilityTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    private static final LocalDate START = LocalDate.of(2022, 3, 15);
    private static final List<Eligibility.Term> JKM_PU = List.of(new Eligibility.Term(START, null, Segment.PU));

    private static Eligibility.Situation situation(ClaimType type, LocalDate incident, LocalDate reported, List<Eligibility.Term> terms,
                                                   ProtectionStatus status, List<Eligibility.Existing> existing,
                                                   List<Eligibility.Child> children) {
        return new Eligibility.Situation(type, incident, reported, TODAY, terms, status, existing, children, 3, 2, 23, 2);
    }

    private static Eligibility.Situation situation(ClaimType type, LocalDate incident, ProtectionStatus status) {
        return situation(type, incident, null, JKM_PU, status, List.of(), List.of());
    }

    private static List<String> failed(Eligibility.Situation s) {
        return Eligibility.decide(s).stream().filter(d -> !d.passed()).map(Decision::code).toList();
    }

    private static boolean eligible(Eligibility.Situation s) {
        return Eligibility.decide(s).stream().noneMatch(d -> !d.passed() && d.effect() == Effect.REFUSES_CASE);
    }

    @Test
    void anIncidentTodayIsEligibleAndTomorrowIsInTheFuture() {
        assertThat(failed(situation(ClaimType.JKM_DEATH, TODAY, ProtectionStatus.PROTECTED))).isEmpty();
        assertThat(failed(situation(ClaimType.JKM_DEATH, TODAY.plusDays(1), null))).containsExactly("INCIDENT_IN_FUTURE");
    }

    @Test
    void anIncidentOnTheFirstDayOfMembershipCountsAndTheDayBeforeDoesNot() {
        assertThat(failed(situation(ClaimType.JKM_DEATH, START, ProtectionStatus.PROTECTED))).isEmpty();
        assertThat(failed(situation(ClaimType.JKM_DEATH, START.minusDays(1), null))).containsExactly("INCIDENT_BEFORE_MEMBERSHIP");
    }

    @Test
    void aProgrammeNotHeldIsRefusedAndJpIsNotHeldByABpu() {
        assertThat(failed(situation(ClaimType.JKM_DEATH, TODAY, null, List.of(), null, List.of(), List.of())))
                .containsExactly("PROGRAMME_NOT_HELD");
        // a BPU's terms cannot hold JP (the registry refuses them; a term written anyway does not count)
        assertThat(failed(situation(ClaimType.JP_OLD_AGE, TODAY, null, List.of(new Eligibility.Term(START, null, Segment.BPU)), null,
                List.of(), List.of()))).containsExactly("PROGRAMME_NOT_HELD");
    }

    @Test
    void protectedAndInGraceAreProtectedOnTheIncidentDateAndLapsedOrEndedAreNot() {
        assertThat(eligible(situation(ClaimType.JKK_DEATH, TODAY, ProtectionStatus.PROTECTED))).isTrue();
        assertThat(eligible(situation(ClaimType.JKK_DEATH, TODAY, ProtectionStatus.IN_GRACE))).isTrue();
        assertThat(failed(situation(ClaimType.JKK_DEATH, TODAY, ProtectionStatus.LAPSED))).containsExactly("NOT_PROTECTED_ON_INCIDENT_DATE");
        assertThat(failed(situation(ClaimType.JKM_DEATH, TODAY, ProtectionStatus.ENDED))).containsExactly("NOT_PROTECTED_ON_INCIDENT_DATE");
        // JHT, JP and JKP pay what was saved, usually after membership ended: protection on the date is not asked
        assertThat(failed(situation(ClaimType.JHT, TODAY, ProtectionStatus.ENDED))).isEmpty();
    }

    @Test
    void aSecondDeathCaseOrTheSameCaseTwiceIsAlreadyOpenButARejectedOneDoesNotCount() {
        var death = new Eligibility.Existing(7, ClaimType.JKM_DEATH, TODAY.minusDays(3), ClaimStatus.SUBMITTED);
        assertThat(failed(situation(ClaimType.JKK_DEATH, TODAY, null, JKM_PU, ProtectionStatus.PROTECTED, List.of(death), List.of())))
                .contains("CASE_ALREADY_OPEN");
        var rejected = new Eligibility.Existing(8, ClaimType.JKM_DEATH, TODAY, ClaimStatus.REJECTED);
        assertThat(failed(situation(ClaimType.JKM_DEATH, TODAY, null, JKM_PU, ProtectionStatus.PROTECTED, List.of(rejected), List.of())))
                .isEmpty();
        var medical = new Eligibility.Existing(9, ClaimType.JKK_MEDICAL, TODAY, ClaimStatus.PAID);
        assertThat(failed(situation(ClaimType.JKK_MEDICAL, TODAY, TODAY, JKM_PU, ProtectionStatus.PROTECTED, List.of(medical), List.of())))
                .containsExactly("CASE_ALREADY_OPEN");
        assertThat(failed(situation(ClaimType.JKK_MEDICAL, TODAY.minusDays(1), TODAY, JKM_PU, ProtectionStatus.PROTECTED, List.of(medical),
                List.of()))).isEmpty();
    }

    @Test
    void aWorkAccidentReportedAfterTheLimitIsAWarningNotARefusal() {
        LocalDate accident = TODAY.minusDays(10);
        var inTime = situation(ClaimType.JKK_TEMPORARY_DISABILITY, accident, accident.plusDays(2), JKM_PU, ProtectionStatus.PROTECTED,
                List.of(), List.of());
        assertThat(failed(inTime)).isEmpty();
        var late = situation(ClaimType.JKK_TEMPORARY_DISABILITY, accident, accident.plusDays(3), JKM_PU, ProtectionStatus.PROTECTED,
                List.of(), List.of());
        assertThat(failed(late)).containsExactly("REPORTED_LATE");
        assertThat(eligible(late)).isTrue();
    }

    @Test
    void theJkmScholarshipNeedsThreeYearsToTheDayAndAWorkAccidentDeathNone() {
        List<Eligibility.Child> child = List.of(new Eligibility.Child(1, "Ayu", LocalDate.of(2015, 1, 1)));
        LocalDate threeYears = START.plusYears(3);
        var enough = situation(ClaimType.JKM_DEATH, threeYears, null, JKM_PU, ProtectionStatus.PROTECTED, List.of(), child);
        assertThat(failed(enough)).isEmpty();
        assertThat(Eligibility.scholarshipChildren(enough, Eligibility.decide(enough))).containsExactly(1);
        var short1 = situation(ClaimType.JKM_DEATH, threeYears.minusDays(1), null, JKM_PU, ProtectionStatus.PROTECTED, List.of(), child);
        assertThat(failed(short1)).containsExactly("SCHOLARSHIP_MEMBERSHIP_TOO_SHORT");
        assertThat(eligible(short1)).isTrue();
        assertThat(Eligibility.scholarshipChildren(short1, Eligibility.decide(short1))).isEmpty();
        var accident = situation(ClaimType.JKK_DEATH, threeYears.minusDays(1), threeYears.minusDays(1), JKM_PU, ProtectionStatus.PROTECTED, List.of(), child);
        assertThat(failed(accident)).isEmpty();
    }

    @Test
    void aChildOf23IsRefusedAndAThirdChildIsBeyondTheLimit() {
        LocalDate death = LocalDate.of(2026, 6, 1);
        List<Eligibility.Child> children = List.of(
                new Eligibility.Child(1, "Sulung", death.minusYears(23)),
                new Eligibility.Child(2, "Tengah", death.minusYears(23).plusDays(1)),
                new Eligibility.Child(3, "Muda", LocalDate.of(2015, 1, 1)),
                new Eligibility.Child(4, "Bungsu", LocalDate.of(2018, 1, 1)));
        var s = situation(ClaimType.JKK_DEATH, death, death, JKM_PU, ProtectionStatus.PROTECTED, List.of(), children);
        List<Decision> decisions = Eligibility.decide(s);
        assertThat(decisions.stream().filter(d -> !d.passed()).map(d -> d.code() + ":" + d.message().substring(0, 7)).toList())
                .containsExactly("SCHOLARSHIP_CHILD_AGE:Child 1", "SCHOLARSHIP_CHILD_LIMIT:Child 4");
        assertThat(Eligibility.scholarshipChildren(s, decisions)).containsExactly(2, 3);
        assertThat(eligible(s)).isTrue();
    }
}
