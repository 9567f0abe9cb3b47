package id.lindung.claim;

import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.TextRules;
import id.lindung.registry.NikCheck;
import id.lindung.registry.NikChecker;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one rule set for a case's input, by field (400 with every problem): the worker's NIK, the case type and dates,
 * each heir's name, NIK (checked as the registry checks NIKs), relationship and bank account, each child's name, birth
 * date and level, and the amounts. What the eligibility policies decide is not here.
 */
final class ClaimInputRules {

    static final int MAX_HEIRS = 20;
    static final int MAX_CHILDREN = 20;
    private static final Pattern ACCOUNT = Pattern.compile("[0-9A-Za-z .\\-/]{4,40}");
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("1000000000000");

    /**
     * The earliest date a case, payment or stop may carry. Java dates run to year ±999,999,999, PostgreSQL's do not: a
     * date outside them reached the database (a 500 on the pages) before this rule (claims review, docs/security.md).
     */
    static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);

    /**
     * The latest date a case, payment or stop may carry: far enough that every date a person means is answered by its own
     * rule (an incident two years ahead is INCIDENT_IN_FUTURE, as the issue names it, not OUT_OF_RANGE: the bound used to
     * be a year after today), near enough for PostgreSQL and every page and file that shows the date.
     */
    static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

    /** A date before {@link #EARLIEST} or after {@link #LATEST}: refused as OUT_OF_RANGE, whatever else is asked. */
    static boolean outOfRange(LocalDate date, LocalDate today) {
        return date != null && (date.isBefore(EARLIEST) || date.isAfter(LATEST));
    }

    private ClaimInputRules() {}

    static void requireValid(ClaimRequests.Open r, NikChecker nikChecker, LocalDate today) {
        List<InputProblem> problems = check(r, nikChecker, today);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    static List<InputProblem> check(ClaimRequests.Open r, NikChecker nikChecker, LocalDate today) {
        List<InputProblem> problems = new ArrayList<>();
        if (r == null) {
            return List.of(InputProblem.of(null, "REQUIRED", "The case is required"));
        }
        if (r.nik() == null || r.nik().isBlank()) {
            problems.add(InputProblem.of("nik", "REQUIRED", "nik (the worker's NIK) is required"));
        } else if (!r.nik().matches("\\d{16}")) {
            problems.add(InputProblem.of("nik", NikCheck.NOT_16_DIGITS, "nik must be exactly 16 digits"));
        }
        if (r.type() == null) {
            problems.add(InputProblem.of("case", "REQUIRED", "case is required: " + java.util.Arrays.toString(ClaimType.values())));
        }
        if (r.incidentDate() == null) {
            problems.add(InputProblem.of("incidentDate", "REQUIRED", "incidentDate is required"));
        } else if (outOfRange(r.incidentDate(), today)) {
            problems.add(InputProblem.of("incidentDate", "OUT_OF_RANGE", "incidentDate must be from " + EARLIEST + " to " + LATEST));
        }
        if (r.reportedOn() != null && outOfRange(r.reportedOn(), today)) {
            problems.add(InputProblem.of("reportedOn", "OUT_OF_RANGE", "reportedOn must be from " + EARLIEST + " to " + LATEST));
        } else if (r.reportedOn() != null) {
            if (r.incidentDate() != null && r.reportedOn().isBefore(r.incidentDate())) {
                problems.add(InputProblem.of("reportedOn", "REPORTED_BEFORE_INCIDENT", "reportedOn is before the incident date"));
            } else if (r.reportedOn().isAfter(today)) {
                problems.add(InputProblem.of("reportedOn", "REPORTED_IN_FUTURE", "reportedOn is after today"));
            }
        }
        if (r.heirs().size() > MAX_HEIRS) {
            problems.add(InputProblem.of("heirs", "TOO_MANY", "at most " + MAX_HEIRS + " heirs"));
        } else {
            for (int i = 0; i < r.heirs().size(); i++) {
                heir(problems, "heirs[" + i + "]", r.heirs().get(i), nikChecker);
            }
        }
        if (r.type() != null && r.type().death() && r.heirs().isEmpty()) {
            problems.add(InputProblem.of("heirs", "HEIRS_REQUIRED", "A death case names the heirs (or whoever arranged the funeral)"));
        }
        if (r.children().size() > MAX_CHILDREN) {
            problems.add(InputProblem.of("children", "TOO_MANY", "at most " + MAX_CHILDREN + " children"));
        } else {
            for (int i = 0; i < r.children().size(); i++) {
                child(problems, "children[" + i + "]", r.children().get(i), today);
            }
        }
        ClaimRequests.ClaimedCosts costs = r.claimedCosts();
        if (costs != null) {
            amount(problems, "claimedCosts.medical", costs.medical(), true);
            amount(problems, "claimedCosts.transport", costs.transport(), true);
        }
        if (r.facts() != null) {
            amount(problems, "facts.wage", r.facts().wage(), false);
            amount(problems, "facts.averageWage", r.facts().averageWage(), true);
            nonNegative(problems, "facts.contributionMonths", r.facts().contributionMonths());
            nonNegative(problems, "facts.contributionMonths24", r.facts().contributionMonths24());
            nonNegative(problems, "facts.consecutiveMonths", r.facts().consecutiveMonths());
        }
        // a temporary disability of no month, or care and transport costs of nothing, pays nothing: such a case could be
        // approved but never paid (a payment is more than 0), so it is refused here
        int fewestMonths = r.type() == ClaimType.JKK_TEMPORARY_DISABILITY ? 1 : 0;
        if (r.months() != null && (r.months() < fewestMonths || r.months() > 600)) {
            problems.add(InputProblem.of("months", "OUT_OF_RANGE", "months must be " + fewestMonths + " to 600"));
        }
        if (r.type() == ClaimType.JKK_MEDICAL && costs != null && isZero(costs.medical()) && isZero(costs.transport())
                && (costs.medical() != null || costs.transport() != null)) {
            problems.add(InputProblem.of("claimedCosts", "OUT_OF_RANGE",
                    "claimedCosts.medical or claimedCosts.transport must be more than 0"));
        }
        return problems;
    }

    private static void heir(List<InputProblem> problems, String field, ClaimRequests.HeirInput h, NikChecker nikChecker) {
        if (h == null) {
            problems.add(InputProblem.of(field, "REQUIRED", field + " is empty"));
            return;
        }
        TextRules.check(field + ".name", h.name(), TextRules.Kind.PERSON_NAME, true).ifPresent(problems::add);
        if (h.relationship() == null) {
            problems.add(InputProblem.of(field + ".relationship", "REQUIRED", field + ".relationship is required: "
                    + java.util.Arrays.toString(HeirRelationship.values())));
        }
        if (h.nik() == null || h.nik().isBlank()) {
            problems.add(InputProblem.of(field + ".nik", "REQUIRED", field + ".nik is required"));
        } else {
            NikCheck.Result result = nikChecker.check(h.nik());
            if (!result.valid()) {
                NikCheck.Error first = result.errors().get(0);
                problems.add(InputProblem.of(field + ".nik", first.code(), field + ".nik: " + first.message()));
            }
        }
        if (h.bankAccount() != null && !h.bankAccount().isBlank() && !ACCOUNT.matcher(h.bankAccount().strip()).matches()) {
            problems.add(InputProblem.of(field + ".bankAccount", "BANK_ACCOUNT_INVALID",
                    field + ".bankAccount must be 4 to 40 letters, digits, spaces, dots, dashes or slashes"));
        }
    }

    private static void child(List<InputProblem> problems, String field, ClaimRequests.ChildInput c, LocalDate today) {
        if (c == null) {
            problems.add(InputProblem.of(field, "REQUIRED", field + " is empty"));
            return;
        }
        TextRules.check(field + ".name", c.name(), TextRules.Kind.PERSON_NAME, true).ifPresent(problems::add);
        if (c.birthDate() == null) {
            problems.add(InputProblem.of(field + ".birthDate", "REQUIRED", field + ".birthDate is required"));
        } else if (c.birthDate().isAfter(today)) {
            problems.add(InputProblem.of(field + ".birthDate", "BIRTH_DATE_IN_FUTURE", field + ".birthDate is after today"));
        } else if (c.birthDate().isBefore(today.minusYears(120))) {
            problems.add(InputProblem.of(field + ".birthDate", "OUT_OF_RANGE", field + ".birthDate is more than 120 years ago"));
        }
    }

    private static void amount(List<InputProblem> problems, String field, BigDecimal value, boolean zeroAllowed) {
        if (value == null) {
            return;
        }
        if (value.signum() < 0 || (!zeroAllowed && value.signum() == 0)) {
            problems.add(InputProblem.of(field, "OUT_OF_RANGE", field + " must be " + (zeroAllowed ? "0 or more" : "more than 0")));
        } else if (value.compareTo(MAX_AMOUNT) > 0 || value.scale() > 2) {
            problems.add(InputProblem.of(field, "OUT_OF_RANGE", field + " must be at most 1,000,000,000,000 with at most 2 decimals"));
        }
    }

    /** Absent or zero (a negative amount is refused by {@link #amount}). */
    private static boolean isZero(BigDecimal value) {
        return value == null || value.signum() == 0;
    }

    private static void nonNegative(List<InputProblem> problems, String field, Integer value) {
        if (value != null && (value < 0 || value > 1200)) {
            problems.add(InputProblem.of(field, "OUT_OF_RANGE", field + " must be 0 to 1200"));
        }
    }

    /** Heirs as stored: names and accounts normalised. */
    static List<ClaimRequests.HeirInput> normalisedHeirs(List<ClaimRequests.HeirInput> heirs) {
        return heirs.stream().map(h -> new ClaimRequests.HeirInput(TextRules.normalise(h.name(), TextRules.Kind.PERSON_NAME),
                h.nik(), h.relationship(), h.bankAccount() == null || h.bankAccount().isBlank() ? null : h.bankAccount().strip())).toList();
    }

    static List<ClaimRequests.ChildInput> normalisedChildren(List<ClaimRequests.ChildInput> children) {
        return children.stream().map(c -> new ClaimRequests.ChildInput(TextRules.normalise(c.name(), TextRules.Kind.PERSON_NAME),
                c.birthDate(), c.schoolLevel())).toList();
    }
}
