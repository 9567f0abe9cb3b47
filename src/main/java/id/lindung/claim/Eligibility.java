package id.lindung.claim;

import id.lindung.shared.ProtectionStatus;
import id.lindung.claim.ClaimCase.Decision;
import id.lindung.claim.ClaimCase.Effect;
import id.lindung.shared.Segment;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The named eligibility policies of a case, pure: each answers with its stable code, passed or not. The case is
 * eligible when no {@link Effect#REFUSES_CASE} policy failed; a {@link Effect#WARNING} is shown and BPJS decides; a
 * {@link Effect#REFUSES_SCHOLARSHIP} refusal leaves the case standing without (a child's) scholarship.
 */
final class Eligibility {

    /** One membership term of the case's programme (validTo exclusive, null while open). */
    record Term(LocalDate validFrom, LocalDate validTo, Segment segment) {}

    /** A case already on record for the worker. */
    record Existing(long id, ClaimType type, LocalDate incidentDate, ClaimStatus status) {}

    /** A child named for the scholarship. */
    record Child(int no, String name, LocalDate birthDate) {}

    /**
     * Everything the policies look at.
     *
     * @param protection    the programme's status on the incident date (billing), null when it has none on that date
     * @param minMembershipYears scholarship.jkm.minMembershipYears on the incident date
     * @param reportLimitDays a work accident reported more than this many days after it is REPORTED_LATE
     */
    record Situation(ClaimType type, LocalDate incidentDate, LocalDate reportedOn, LocalDate today, List<Term> terms,
                     ProtectionStatus protection, List<Existing> existing, List<Child> children, int minMembershipYears,
                     int maxChildren, int maxAge, int reportLimitDays) {

        LocalDate membershipStart() {
            return terms.stream().map(Term::validFrom).min(Comparator.naturalOrder()).orElse(null);
        }
    }

    /** A named policy: its code, and its answer on a situation (empty when it does not apply). */
    interface Policy {
        Optional<Decision> decide(Situation s);
    }

    static final String INCIDENT_IN_FUTURE = "INCIDENT_IN_FUTURE";
    static final String PROGRAMME_NOT_HELD = "PROGRAMME_NOT_HELD";
    static final String INCIDENT_BEFORE_MEMBERSHIP = "INCIDENT_BEFORE_MEMBERSHIP";
    static final String NOT_PROTECTED_ON_INCIDENT_DATE = "NOT_PROTECTED_ON_INCIDENT_DATE";
    static final String CASE_ALREADY_OPEN = "CASE_ALREADY_OPEN";
    static final String REPORTED_LATE = "REPORTED_LATE";
    static final String SCHOLARSHIP_MEMBERSHIP_TOO_SHORT = "SCHOLARSHIP_MEMBERSHIP_TOO_SHORT";
    static final String SCHOLARSHIP_CHILD_AGE = "SCHOLARSHIP_CHILD_AGE";
    static final String SCHOLARSHIP_CHILD_LIMIT = "SCHOLARSHIP_CHILD_LIMIT";

    private Eligibility() {}

    static Decision pass(String code, String message, Effect effect) {
        return new Decision(code, true, message, effect);
    }

    static Decision fail(String code, String message, Effect effect) {
        return new Decision(code, false, message, effect);
    }

    /** The incident has happened: a case is opened for what happened, not before. */
    static final Policy INCIDENT_NOT_IN_FUTURE = s -> Optional.of(s.incidentDate().isAfter(s.today())
            ? fail(INCIDENT_IN_FUTURE, "The incident date " + s.incidentDate() + " is after today (" + s.today() + ")", Effect.REFUSES_CASE)
            : pass(INCIDENT_IN_FUTURE, "The incident date is not in the future", Effect.REFUSES_CASE));

    /** The worker holds the case's programme (JP and JKP are not open to BPU). */
    static final Policy PROGRAMME_HELD = s -> {
        boolean held = s.terms().stream().anyMatch(t -> s.type().programme().allowedFor(t.segment()));
        return Optional.of(held ? pass(PROGRAMME_NOT_HELD, "The worker holds " + s.type().programme(), Effect.REFUSES_CASE)
                : fail(PROGRAMME_NOT_HELD, "The worker does not hold " + s.type().programme()
                        + (s.terms().isEmpty() ? "" : " as a wage earner (not available to BPU)"), Effect.REFUSES_CASE));
    };

    /** The incident is on or after the first day of membership of the programme. */
    static final Policy MEMBERSHIP_BEFORE_INCIDENT = s -> {
        LocalDate start = s.membershipStart();
        if (start == null) {
            return Optional.empty();
        }
        return Optional.of(s.incidentDate().isBefore(start)
                ? fail(INCIDENT_BEFORE_MEMBERSHIP, "The " + s.type().programme() + " membership started on " + start
                        + ", after the incident on " + s.incidentDate(), Effect.REFUSES_CASE)
                : pass(INCIDENT_BEFORE_MEMBERSHIP, "The incident is within the membership (from " + start + ")", Effect.REFUSES_CASE));
    };

    /**
     * Death and accident: the programme protected the worker on the incident date (PROTECTED, or IN_GRACE: not yet due),
     * by billing's protection status. Not asked of JHT, JP and JKP, nor when an earlier policy already refused the date.
     */
    static final Policy PROTECTED_ON_INCIDENT_DATE = s -> {
        if (!s.type().insuredRisk() || s.incidentDate().isAfter(s.today()) || s.membershipStart() == null
                || s.incidentDate().isBefore(s.membershipStart())) {
            return Optional.empty();
        }
        boolean ok = s.protection() == ProtectionStatus.PROTECTED || s.protection() == ProtectionStatus.IN_GRACE;
        return Optional.of(ok ? pass(NOT_PROTECTED_ON_INCIDENT_DATE, s.type().programme() + " was " + s.protection() + " on "
                        + s.incidentDate(), Effect.REFUSES_CASE)
                : fail(NOT_PROTECTED_ON_INCIDENT_DATE, s.type().programme() + " was " + (s.protection() == null ? "not held"
                        : s.protection()) + " on " + s.incidentDate() + " (PROTECTED or IN_GRACE needed)", Effect.REFUSES_CASE));
    };

    /** One death case per worker, and one case of a type per incident date (a REJECTED case does not count). */
    static final Policy NOT_ALREADY_OPEN = s -> {
        Optional<Existing> other = s.existing().stream().filter(e -> e.status() != ClaimStatus.REJECTED)
                .filter(e -> (s.type().death() && e.type().death())
                        || (e.type() == s.type() && e.incidentDate().equals(s.incidentDate())))
                .findFirst();
        return Optional.of(other.map(e -> fail(CASE_ALREADY_OPEN, "Case " + e.id() + " (" + e.type() + ", " + e.incidentDate()
                        + ", " + e.status() + ") is already on record for this worker", Effect.REFUSES_CASE))
                .orElse(pass(CASE_ALREADY_OPEN, "No other case for this death or incident", Effect.REFUSES_CASE)));
    };

    /** A work accident reported after the limit: a warning, BPJS still decides. */
    static final Policy REPORTED_IN_TIME = s -> {
        if (!s.type().workAccident()) {
            return Optional.empty();
        }
        LocalDate reported = s.reportedOn() == null ? s.today() : s.reportedOn();
        long days = ChronoUnit.DAYS.between(s.incidentDate(), reported);
        return Optional.of(days > s.reportLimitDays()
                ? fail(REPORTED_LATE, "Reported " + days + " days after the accident, later than " + s.reportLimitDays()
                        + " days: BPJS decides whether it is still accepted", Effect.WARNING)
                : pass(REPORTED_LATE, "Reported within " + s.reportLimitDays() + " days", Effect.WARNING));
    };

    /** JKM death: the scholarship needs the minimum membership; none for a work-accident death or total disability. */
    static final Policy SCHOLARSHIP_MEMBERSHIP = s -> {
        if (!s.type().grantsScholarship() || s.children().isEmpty() || s.type() != ClaimType.JKM_DEATH || s.membershipStart() == null) {
            return Optional.empty();
        }
        LocalDate enough = s.membershipStart().plusYears(s.minMembershipYears());
        return Optional.of(enough.isAfter(s.incidentDate())
                ? fail(SCHOLARSHIP_MEMBERSHIP_TOO_SHORT, "The JKM scholarship needs " + s.minMembershipYears()
                        + " years of membership: from " + s.membershipStart() + " that is " + enough, Effect.REFUSES_SCHOLARSHIP)
                : pass(SCHOLARSHIP_MEMBERSHIP_TOO_SHORT, s.minMembershipYears() + " years of membership reached on " + enough,
                        Effect.REFUSES_SCHOLARSHIP));
    };

    static final List<Policy> CASE_POLICIES = List.of(INCIDENT_NOT_IN_FUTURE, PROGRAMME_HELD, MEMBERSHIP_BEFORE_INCIDENT,
            PROTECTED_ON_INCIDENT_DATE, NOT_ALREADY_OPEN, REPORTED_IN_TIME, SCHOLARSHIP_MEMBERSHIP);

    /** Every policy's answer, in order; the per-child scholarship policies come last. */
    static List<Decision> decide(Situation s) {
        List<Decision> decisions = new ArrayList<>();
        for (Policy p : CASE_POLICIES) {
            p.decide(s).ifPresent(decisions::add);
        }
        decisions.addAll(childDecisions(s));
        return decisions;
    }

    /** The children who may receive the scholarship after the policies (numbers as on the case). */
    static List<Integer> scholarshipChildren(Situation s, List<Decision> decisions) {
        if (!s.type().grantsScholarship() || decisions.stream().anyMatch(d -> !d.passed()
                && (d.effect() == Effect.REFUSES_CASE || d.code().equals(SCHOLARSHIP_MEMBERSHIP_TOO_SHORT)))) {
            return List.of();
        }
        return s.children().stream().filter(c -> ageOn(c, s.incidentDate()) < s.maxAge()).limit(s.maxChildren())
                .map(Child::no).toList();
    }

    /**
     * Per child: 23 or older on the incident date is SCHOLARSHIP_CHILD_AGE; beyond the regulation's number of children
     * (counting only those young enough, in the order given) is SCHOLARSHIP_CHILD_LIMIT.
     */
    private static List<Decision> childDecisions(Situation s) {
        if (!s.type().grantsScholarship() || s.children().isEmpty()) {
            return List.of();
        }
        List<Decision> decisions = new ArrayList<>();
        int within = 0;
        for (Child c : s.children()) {
            int age = ageOn(c, s.incidentDate());
            if (age >= s.maxAge()) {
                decisions.add(fail(SCHOLARSHIP_CHILD_AGE, "Child " + c.no() + " (" + c.name() + ") was " + age
                        + " on the incident date: the scholarship ends at " + s.maxAge(), Effect.REFUSES_SCHOLARSHIP));
                continue;
            }
            within++;
            if (within > s.maxChildren()) {
                decisions.add(fail(SCHOLARSHIP_CHILD_LIMIT, "Child " + c.no() + " (" + c.name() + "): the scholarship is for at most "
                        + s.maxChildren() + " children", Effect.REFUSES_SCHOLARSHIP));
            }
        }
        if (decisions.isEmpty()) {
            decisions.add(pass(SCHOLARSHIP_CHILD_LIMIT, "At most " + s.maxChildren() + " children, each under " + s.maxAge(),
                    Effect.REFUSES_SCHOLARSHIP));
        }
        return decisions;
    }

    static int ageOn(Child c, LocalDate date) {
        return java.time.Period.between(c.birthDate(), date).getYears();
    }
}
