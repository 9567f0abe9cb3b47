package id.lindung.quote;

import id.lindung.benefit.BenefitCalculator;
import id.lindung.benefit.BenefitCase;
import id.lindung.benefit.BenefitQuote;
import id.lindung.benefit.BenefitRequest;
import id.lindung.benefit.JhtReason;
import id.lindung.benefit.MissingFactException;
import id.lindung.benefit.PensionFacts;
import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionQuote;
import id.lindung.contribution.ContributionRequest;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.RejectedException;
import id.lindung.shared.RiskGroup;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Validates quote inputs, runs the calculators and renders the contract's documents. Plain Java: the
 * CLI uses it without Spring. Bad input is refused with {@link InvalidInputException} naming every field;
 * a request the rules refuse as a whole raises {@link id.lindung.shared.RejectedException} with its code.
 */
public final class Quotes {

    private final ContributionCalculator contributions;
    private final BenefitCalculator benefits;

    public Quotes(ContributionCalculator contributions, BenefitCalculator benefits) {
        this.contributions = contributions;
        this.benefits = benefits;
    }

    public static Quotes of(RegulationCatalog catalog) {
        ContributionCalculator contributions = new ContributionCalculator(catalog);
        return new Quotes(contributions, new BenefitCalculator(catalog, contributions));
    }

    public QuoteDocuments.Contribution contribution(ContributionQuoteInput in) {
        List<InputProblem> problems = new ArrayList<>();
        Segment segment = parseEnum(Segment.class, in.segment(), "segment", true, problems);
        YearMonth month = month(in.month(), "month", problems);
        Rupiah wage = amount(in.wage(), "wage", problems);
        RiskGroup risk = parseEnum(RiskGroup.class, in.risk(), "risk", false, problems);
        Set<Programme> programs = EnumSet.noneOf(Programme.class);
        List<String> codes = in.programs() == null ? List.of() : in.programs().stream()
                .filter(p -> p != null).flatMap(p -> Stream.of(p.split(","))).map(String::strip).filter(p -> !p.isEmpty()).toList();
        if (codes.isEmpty()) {
            problems.add(InputProblem.of("programs", "REQUIRED", "programs is required, e.g. 'JKK,JKM'"));
        }
        for (String code : codes) {
            Programme p = parseEnum(Programme.class, code, "programs", true, problems);
            if (p != null && !programs.add(p)) {
                // the same code as the worker register: a quote for JKK twice is a mistake, not one JKK
                problems.add(InputProblem.of("programs", "PROGRAM_DUPLICATE", "programs names " + p + " more than once"));
            }
        }
        if (segment == Segment.PU && blank(in.risk()) && programs.contains(Programme.JKK)) {
            problems.add(InputProblem.of("risk", "REQUIRED", "risk (JKK risk group: " + List.of(RiskGroup.values())
                    + ") is required for JKK of a wage earner"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        refuseTooLarge(in.wage(), "wage");
        ContributionQuote q = contributions.quote(new ContributionRequest(segment, month, wage, risk, programs,
                Boolean.TRUE.equals(in.labourIntensive()), Boolean.TRUE.equals(in.villageGovernment())));
        Set<String> unverified = new TreeSet<>();
        List<QuoteDocuments.Line> lines = q.lines().stream().map(l -> {
            unverifiedOf(l.references(), unverified);
            return new QuoteDocuments.Line(l.program().name(), l.base(), l.employer(), l.worker(), l.total(), l.references(),
                    l.informative());
        }).toList();
        Rupiah usual = contributions.schedule(month).bpuIncomeMin();
        List<InputProblem> warnings = id.lindung.contribution.LowWage.isLow(segment, wage, usual)
                ? List.of(InputProblem.of("wage", id.lindung.contribution.LowWage.CODE, id.lindung.contribution.LowWage.message(wage, usual)))
                : List.of();
        return new QuoteDocuments.Contribution(q.segment().name(), q.month().toString(), lines, q.employerTotal(),
                q.workerTotal(), q.total(), q.regulationVersion(), List.copyOf(unverified), warnings);
    }

    public QuoteDocuments.Benefit benefit(BenefitQuoteInput in) {
        List<InputProblem> problems = new ArrayList<>();
        BenefitCase benefitCase = parseEnum(BenefitCase.class, in.benefitCase(), "case", true, problems);
        LocalDate date = date(in.date(), "date", true, problems);
        Segment segment = parseEnum(Segment.class, in.segment(), "segment", false, problems);
        LocalDate membershipStart = date(in.membershipStart(), "membershipStart", false, problems);
        Rupiah wage = in.wage() == null ? null : amount(in.wage(), "wage", problems);
        Rupiah average = in.averageWage() == null ? null : amount(in.averageWage(), "averageWage", problems);
        int children = in.children() == null ? 0 : in.children();
        if (children < 0) {
            problems.add(InputProblem.of("children", "NEGATIVE", "children must not be negative"));
        }
        BenefitRequest.JhtFacts jht = benefitCase == BenefitCase.JHT_PAYOUT ? jhtFacts(in, problems) : null;
        PensionFacts pension = benefitCase == BenefitCase.JP_OLD_AGE ? pensionFacts(in, date, problems) : null;
        monthCount(in.months(), "months", problems);
        monthCount(in.contributionMonths(), "contributionMonths", problems);
        monthCount(in.contributionMonths24(), "contributionMonths24", problems);
        monthCount(in.consecutiveMonths(), "consecutiveMonths", problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        refuseTooLarge(in.wage(), "wage");
        refuseTooLarge(in.averageWage(), "averageWage");
        if (in.monthlyWages() != null) {
            in.monthlyWages().forEach(w -> refuseTooLarge(w, "monthlyWages"));
        }
        BenefitQuote q;
        try {
            q = benefits.quote(new BenefitRequest(benefitCase, date, segment, wage, membershipStart, children,
                    in.percent(), in.months(), in.contributionMonths(), average, in.contributionMonths24(), in.consecutiveMonths(), jht,
                    pension));
        } catch (MissingFactException e) {
            throw new InvalidInputException(e.field(), e.code(), e.getMessage());
        } catch (ArithmeticException e) {
            // inputs inside their bounds whose product still leaves a long (a wage of Rp 100 billion over a century of
            // compounded JHT returns): refused as a whole, not a 500
            throw new RejectedException("RESULT_TOO_LARGE", "the benefit of these inputs is beyond any amount Lindung can"
                    + " hold; check the wage and the months");
        }
        Set<String> unverified = new TreeSet<>();
        q.rejectionReferences().forEach(r -> {
            if (!r.verified()) {
                unverified.add(r.parameter());
            }
        });
        List<QuoteDocuments.Component> components = q.components().stream().map(c -> {
            unverifiedOf(c.references(), unverified);
            return new QuoteDocuments.Component(c.code(), c.amount(), c.references());
        }).toList();
        return new QuoteDocuments.Benefit(q.benefitCase().name(), q.date().toString(), q.eligible(), components, q.rejections(),
                q.total(), List.copyOf(unverified));
    }

    private static BenefitRequest.JhtFacts jhtFacts(BenefitQuoteInput in, List<InputProblem> problems) {
        JhtReason reason = parseEnum(JhtReason.class, in.reason(), "reason", true, problems);
        LocalDate birthDate = date(in.birthDate(), "birthDate", false, problems);
        LocalDate employmentEnd = date(in.employmentEnd(), "employmentEnd", false, problems);
        YearMonth start = month(in.contributionStart(), "contributionStart", problems);
        List<Rupiah> wages = new ArrayList<>();
        if (in.monthlyWages() != null) {
            for (BigDecimal w : in.monthlyWages()) {
                Rupiah r = amount(w, "monthlyWages", problems);
                if (r != null) {
                    wages.add(r);
                }
            }
        }
        return reason == null ? null : new BenefitRequest.JhtFacts(reason, birthDate, employmentEnd, start, wages,
                Boolean.TRUE.equals(in.partialClaimed()));
    }

    /**
     * A JP old-age quote is about a person at pension age: below the months of a monthly pension it is the lump sum a
     * claim computes from facts (RULES.md 4.5), the {@code contributionMonths} at the {@code averageWage} each month's JP
     * line in full, from {@code contributionStart}, by default the months just before the month of the date (the worker
     * contributed up to retirement). With a {@code birthDate} the pension age is checked too; without one the date is
     * taken to be at pension age.
     */
    private static PensionFacts pensionFacts(BenefitQuoteInput in, LocalDate date, List<InputProblem> problems) {
        LocalDate birthDate = date(in.birthDate(), "birthDate", false, problems);
        YearMonth start = blank(in.contributionStart()) ? null : month(in.contributionStart(), "contributionStart", problems);
        if (start == null && date != null && in.contributionMonths() != null && in.contributionMonths() >= 0
                && in.contributionMonths() <= MAX_MONTHS) {
            start = YearMonth.from(date).minusMonths(in.contributionMonths());
        }
        return new PensionFacts(birthDate, start, List.of());
    }

    /** Far above any real monthly wage: such an amount is a typing error, refused as too large. */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000000");

    /** An amount beyond any real wage is refused as a whole with {@code AMOUNT_TOO_LARGE} (422), not as a precision problem. */
    private static void refuseTooLarge(BigDecimal value, String field) {
        if (value != null && value.compareTo(MAX_AMOUNT) > 0) {
            throw new RejectedException("AMOUNT_TOO_LARGE", field + " " + InputProblem.shown(value)
                    + " is beyond any real monthly wage (at most " + MAX_AMOUNT.toPlainString() + " rupiah)");
        }
    }

    private static void unverifiedOf(List<Reference> refs, Set<String> into) {
        refs.stream().filter(r -> !r.verified()).forEach(r -> into.add(r.parameter()));
    }

    private static Rupiah amount(BigDecimal value, String field, List<InputProblem> problems) {
        if (value == null) {
            problems.add(InputProblem.of(field, "REQUIRED", field + " is required, e.g. 2000000 (rupiah)"));
            return null;
        }
        if (value.signum() <= 0) {
            problems.add(InputProblem.of(field, "NOT_POSITIVE", field + " must be more than zero"));
            return null;
        }
        if (value.compareTo(MAX_AMOUNT) > 0) {
            return null; // refused as AMOUNT_TOO_LARGE once the input is otherwise well formed
        }
        try {
            return Rupiah.of(value);
        } catch (ArithmeticException e) {
            problems.add(InputProblem.of(field, "TOO_PRECISE", field + " has more than 2 decimals (sen)"));
            return null;
        }
    }

    /**
     * The years a quote may fall in. Dated regulation reaches from the 1977 Astek scheme; 2199 is past any working life
     * that begins today. Outside them a JHT balance compounds for millennia (a 500, out of memory, for year 999999999).
     */
    public static final int FIRST_YEAR = 1900;
    public static final int LAST_YEAR = 2199;

    /** A century of months: more than any count of contribution months or months unable to work. */
    public static final int MAX_MONTHS = 1200;

    private static void monthCount(Integer value, String field, List<InputProblem> problems) {
        if (value != null && value > MAX_MONTHS) {
            problems.add(InputProblem.of(field, "OUT_OF_RANGE", field + " " + value + " is more than " + MAX_MONTHS
                    + " months (a century)"));
        }
    }

    private static boolean inYears(int year, String field, String value, List<InputProblem> problems) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            problems.add(InputProblem.of(field, "OUT_OF_RANGE", field + " '" + InputProblem.shown(value) + "' is outside the years "
                    + FIRST_YEAR + " to " + LAST_YEAR));
            return false;
        }
        return true;
    }

    /** A required month, YYYY-MM. */
    private static YearMonth month(String value, String field, List<InputProblem> problems) {
        if (blank(value)) {
            problems.add(InputProblem.of(field, "REQUIRED", field + " is required (YYYY-MM)"));
            return null;
        }
        try {
            YearMonth m = YearMonth.parse(value.strip());
            return inYears(m.getYear(), field, value, problems) ? m : null;
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of(field, "INVALID_MONTH", field + " '" + value + "' is not YYYY-MM"));
            return null;
        }
    }

    private static LocalDate date(String value, String field, boolean required, List<InputProblem> problems) {
        if (blank(value)) {
            if (required) {
                problems.add(InputProblem.of(field, "REQUIRED", field + " is required (YYYY-MM-DD)"));
            }
            return null;
        }
        try {
            LocalDate d = LocalDate.parse(value.strip());
            return inYears(d.getYear(), field, value, problems) ? d : null;
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of(field, "INVALID_DATE", field + " '" + InputProblem.shown(value.strip()) + "' is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private static <E extends Enum<E>> E parseEnum(Class<E> type, String value, String field, boolean required,
                                                   List<InputProblem> problems) {
        if (blank(value)) {
            if (required) {
                problems.add(InputProblem.of(field, "REQUIRED", field + " is required (one of " + List.of(type.getEnumConstants()) + ")"));
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value); // the exact name: "pu", " PU" or "PU\u0000" are not a segment
        } catch (IllegalArgumentException e) {
            problems.add(InputProblem.of(field, "UNKNOWN_VALUE", field + " '" + value + "' is not one of "
                    + List.of(type.getEnumConstants())));
            return null;
        }
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
