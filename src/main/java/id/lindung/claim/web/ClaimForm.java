package id.lindung.claim.web;

import id.lindung.benefit.JhtReason;
import id.lindung.claim.ClaimRequests;
import id.lindung.claim.ClaimType;
import id.lindung.claim.HeirRelationship;
import id.lindung.claim.SchoolLevel;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.MoneyField;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The form that opens a case, as typed (so a refused form comes back as entered), and its translation into the claim
 * module's request. The page has fixed rows for children and heirs ({@code child0Name}, {@code heir2Nik}: no script
 * adds rows); an empty row is left out. Fields the chosen case does not use are disabled by /js/simulation.js and so
 * not sent; without script they are sent and ignored here, as the API ignores them.
 */
record ClaimForm(String caseType, String incidentDate, String reportedOn, String wage, String percent, String months,
                 String medical, String transport, String transportMode, String jhtReason, String employmentEnd,
                 boolean partialClaimed, String contributionMonths, String averageWage, String contributionMonths24,
                 String consecutiveMonths, List<Child> children, List<Heir> heirs, boolean submitIfIneligible,
                 String contributionStart) {

    /**
     * Rows of the form: three children, so that a third (or a child past 23 beside two younger ones) is named and the page
     * shows SCHOLARSHIP_CHILD_LIMIT or SCHOLARSHIP_CHILD_AGE as the API does; five heirs, for a spouse with three
     * children and a parent (two and three rows left such families out of the form).
     */
    static final int CHILD_ROWS = 3;
    static final int HEIR_ROWS = 5;

    record Child(String name, String birthDate, String schoolLevel) {
        boolean blank() {
            return isBlank(name) && isBlank(birthDate);
        }
    }

    record Heir(String name, String nik, String relationship, String bankAccount) {
        boolean blank() {
            return isBlank(name) && isBlank(nik) && isBlank(relationship) && isBlank(bankAccount);
        }
    }

    /** An empty form: the incident and report dated today, the first case type. */
    static ClaimForm blank(LocalDate today) {
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < CHILD_ROWS; i++) {
            children.add(new Child("", "", SchoolLevel.NONE.name()));
        }
        List<Heir> heirs = new ArrayList<>();
        for (int i = 0; i < HEIR_ROWS; i++) {
            heirs.add(new Heir("", "", "", ""));
        }
        return new ClaimForm(ClaimType.JKM_DEATH.name(), today.toString(), today.toString(), "", "", "", "", "", "", "", "",
                false, "", "", "", "", children, heirs, false, "");
    }

    /** The form as posted (single values: a repeated name keeps its first value). */
    static ClaimForm of(Map<String, String> p) {
        List<Child> children = new ArrayList<>();
        for (int i = 0; i < CHILD_ROWS; i++) {
            children.add(new Child(v(p, "child" + i + "Name"), v(p, "child" + i + "BirthDate"), v(p, "child" + i + "SchoolLevel")));
        }
        List<Heir> heirs = new ArrayList<>();
        for (int i = 0; i < HEIR_ROWS; i++) {
            heirs.add(new Heir(v(p, "heir" + i + "Name"), v(p, "heir" + i + "Nik"), v(p, "heir" + i + "Relationship"),
                    v(p, "heir" + i + "BankAccount")));
        }
        return new ClaimForm(v(p, "case"), v(p, "incidentDate"), v(p, "reportedOn"), v(p, "wage"), v(p, "percent"),
                v(p, "months"), v(p, "medical"), v(p, "transport"), v(p, "transportMode"), v(p, "jhtReason"),
                v(p, "employmentEnd"), "true".equals(p.get("partialClaimed")), v(p, "contributionMonths"),
                v(p, "averageWage"), v(p, "contributionMonths24"), v(p, "consecutiveMonths"), children, heirs,
                "true".equals(p.get("submitIfIneligible")), v(p, "contributionStart"));
    }

    /**
     * The claim module's request for the worker with {@code nik}. Text that is not a date, number or one of its list
     * is refused here with every such problem at once, by field (the module's own rules decide everything else).
     */
    ClaimRequests.Open toRequest(String nik) {
        Parser in = new Parser();
        ClaimType type = in.choice("case", caseType, ClaimType.class, true);
        LocalDate incident = in.date("incidentDate", incidentDate, true);
        LocalDate reported = in.date("reportedOn", reportedOn, false);
        ClaimRequests.TransportMode mode = in.choice("facts.transportMode", transportMode, ClaimRequests.TransportMode.class, false);
        ClaimRequests.Facts facts = new ClaimRequests.Facts(in.money("facts.wage", wage), in.whole("facts.contributionMonths", contributionMonths),
                in.money("facts.averageWage", averageWage), in.whole("facts.contributionMonths24", contributionMonths24),
                in.whole("facts.consecutiveMonths", consecutiveMonths), in.choice("facts.jhtReason", jhtReason, JhtReason.class, false),
                in.date("facts.employmentEnd", employmentEnd, false), in.month("facts.contributionStart", contributionStart),
                partialClaimed ? Boolean.TRUE : null, mode);
        List<ClaimRequests.ChildInput> childInputs = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Child c = children.get(i);
            if (!c.blank()) {
                SchoolLevel level = in.choice("children[" + i + "].schoolLevel", c.schoolLevel(), SchoolLevel.class, false);
                childInputs.add(new ClaimRequests.ChildInput(strip(c.name()), in.date("children[" + i + "].birthDate", c.birthDate(), true),
                        level == null ? SchoolLevel.NONE : level));
            }
        }
        List<ClaimRequests.HeirInput> heirInputs = new ArrayList<>();
        for (int i = 0; i < heirs.size(); i++) {
            Heir h = heirs.get(i);
            if (!h.blank()) {
                heirInputs.add(new ClaimRequests.HeirInput(strip(h.name()), strip(h.nik()),
                        in.choice("heirs[" + i + "].relationship", h.relationship(), HeirRelationship.class, false), strip(h.bankAccount())));
            }
        }
        BigDecimal medicalCost = in.money("claimedCosts.medical", medical);
        BigDecimal transportCost = in.money("claimedCosts.transport", transport);
        BigDecimal percentValue = in.amount("percent", percent);
        Integer monthsValue = in.whole("months", months);
        in.done();
        return new ClaimRequests.Open(nik, type, incident, reported, facts, childInputs, heirInputs,
                medicalCost == null && transportCost == null ? null : new ClaimRequests.ClaimedCosts(medicalCost, transportCost),
                percentValue, monthsValue, submitIfIneligible);
    }

    private static String v(Map<String, String> p, String name) {
        String value = p.get(name);
        return value == null ? "" : value;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private static String strip(String s) {
        return isBlank(s) ? null : s.strip();
    }

    /** Reads typed text into values, collecting a problem per field that cannot be read. */
    private static final class Parser {
        private final List<InputProblem> problems = new ArrayList<>();

        LocalDate date(String field, String text, boolean required) {
            if (isBlank(text)) {
                if (required) {
                    problems.add(InputProblem.of(field, "REQUIRED", field + " is required"));
                }
                return null;
            }
            try {
                return LocalDate.parse(text.strip());
            } catch (DateTimeParseException e) {
                problems.add(InputProblem.of(field, "INVALID_DATE", field + " '" + text + "' is not a date (YYYY-MM-DD)"));
                return null;
            }
        }

        /** Rupiah as typed on a receipt ({@code 1.500.000}, {@code Rp 1.500.000}); more than two decimals is out of range, as the claim rules say. */
        BigDecimal money(String field, String text) {
            return MoneyField.read(field, text, "INVALID_NUMBER", "OUT_OF_RANGE", problems);
        }

        BigDecimal amount(String field, String text) {
            if (isBlank(text)) {
                return null;
            }
            try {
                return new BigDecimal(text.strip());
            } catch (NumberFormatException e) {
                problems.add(InputProblem.of(field, "INVALID_NUMBER", field + " '" + text + "' is not a number"));
                return null;
            }
        }

        /** A month as the month input sends it (YYYY-MM): the first of the contribution months given as facts. */
        java.time.YearMonth month(String field, String text) {
            if (isBlank(text)) {
                return null;
            }
            try {
                return java.time.YearMonth.parse(text.strip());
            } catch (DateTimeParseException e) {
                problems.add(InputProblem.of(field, "INVALID_MONTH", field + " '" + text + "' is not a month (YYYY-MM)"));
                return null;
            }
        }

        Integer whole(String field, String text) {
            if (isBlank(text)) {
                return null;
            }
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                problems.add(InputProblem.of(field, "INVALID_NUMBER", field + " '" + text + "' is not a whole number"));
                return null;
            }
        }

        <E extends Enum<E>> E choice(String field, String text, Class<E> type, boolean required) {
            if (isBlank(text)) {
                if (required) {
                    problems.add(InputProblem.of(field, "REQUIRED", field + " is required"));
                }
                return null;
            }
            try {
                return Enum.valueOf(type, text.strip());
            } catch (IllegalArgumentException e) {
                problems.add(InputProblem.of(field, "INVALID_VALUE", field + " '" + text + "' is not one of the list"));
                return null;
            }
        }

        void done() {
            if (!problems.isEmpty()) {
                throw new InvalidInputException(problems);
            }
        }
    }
}
