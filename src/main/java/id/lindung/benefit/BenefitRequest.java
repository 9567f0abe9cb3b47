package id.lindung.benefit;

import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The facts of a benefit case; only those the case needs are required.
 *
 * @param date                 the incident date (death, accident, dismissal) or the pension start
 * @param wage                 monthly wage (PU) or declared income (BPU)
 * @param membershipStart      first day of membership (JKM scholarship needs 3 years)
 * @param children             children who may receive a scholarship
 * @param percent              partial disability percentage from the table (× loss of function)
 * @param months               months unable to work (temporary disability)
 * @param contributionMonths   JP contribution months
 * @param averageWage          JP average indexed monthly wage
 * @param contributionMonths24 JKP contribution months in the 24 months before job loss
 * @param consecutiveMonths    JKP: the longest run of consecutive contribution months among them (checked when given)
 * @param jht                  JHT payout facts (reason, dates, contribution history); null for other cases
 * @param pension              JP old-age facts of a person (birth date, contributions to pay back), as a claim and
 *                             the benefit quote give them; null: no pension age is checked and below the months of a
 *                             monthly pension no lump sum can be computed: refused with the missing field,
 *                             contributionStart (JP_CONTRIBUTION_START_REQUIRED), as a claim's months without it are
 */
public record BenefitRequest(BenefitCase benefitCase, LocalDate date, Segment segment, Rupiah wage, LocalDate membershipStart,
                             int children, BigDecimal percent, Integer months, Integer contributionMonths, Rupiah averageWage,
                             Integer contributionMonths24, Integer consecutiveMonths, JhtFacts jht, PensionFacts pension) {

    public BenefitRequest {
        Objects.requireNonNull(benefitCase, "case");
        Objects.requireNonNull(date, "date");
        segment = segment == null ? Segment.PU : segment;
        if (children < 0) {
            throw new IllegalArgumentException("children must not be negative");
        }
    }

    public BenefitRequest(BenefitCase benefitCase, LocalDate date, Segment segment, Rupiah wage, LocalDate membershipStart,
                          int children, BigDecimal percent, Integer months, Integer contributionMonths, Rupiah averageWage,
                          Integer contributionMonths24) {
        this(benefitCase, date, segment, wage, membershipStart, children, percent, months, contributionMonths, averageWage,
                contributionMonths24, null, null);
    }

    public BenefitRequest(BenefitCase benefitCase, LocalDate date, Segment segment, Rupiah wage, LocalDate membershipStart,
                          int children, BigDecimal percent, Integer months, Integer contributionMonths, Rupiah averageWage,
                          Integer contributionMonths24, Integer consecutiveMonths, JhtFacts jht) {
        this(benefitCase, date, segment, wage, membershipStart, children, percent, months, contributionMonths, averageWage,
                contributionMonths24, consecutiveMonths, jht, null);
    }

    /**
     * The facts of a JHT payout: why, the dates the reason needs, and the contribution history (from {@code
     * contributionStart}, {@code contributionMonths} months at the request's constant wage, or one wage per month).
     *
     * @param birthDate      needed for AGE_56
     * @param employmentEnd  last day of work, needed for RESIGNATION and DISMISSAL (the waiting month runs from it)
     * @param monthlyWages   one wage per contribution month, oldest first; empty to use the constant wage
     * @param partialClaimed a partial claim (10% or 30%) was already paid: only one is allowed
     */
    public record JhtFacts(JhtReason reason, LocalDate birthDate, LocalDate employmentEnd, java.time.YearMonth contributionStart,
                           java.util.List<Rupiah> monthlyWages, boolean partialClaimed) {

        public JhtFacts {
            Objects.requireNonNull(reason, "reason");
            monthlyWages = monthlyWages == null ? java.util.List.of() : java.util.List.copyOf(monthlyWages);
        }
    }

    public static BenefitRequest of(BenefitCase benefitCase, LocalDate date, Segment segment, Rupiah wage) {
        return new BenefitRequest(benefitCase, date, segment, wage, null, 0, null, null, null, null, null);
    }

    public BenefitRequest withChildren(int children, LocalDate membershipStart) {
        return new BenefitRequest(benefitCase, date, segment, wage, membershipStart, children, percent, months,
                contributionMonths, averageWage, contributionMonths24, consecutiveMonths, jht, pension);
    }

    public BenefitRequest withPercent(BigDecimal percent) {
        return new BenefitRequest(benefitCase, date, segment, wage, membershipStart, children, percent, months,
                contributionMonths, averageWage, contributionMonths24, consecutiveMonths, jht, pension);
    }

    public BenefitRequest withMonths(Integer months) {
        return new BenefitRequest(benefitCase, date, segment, wage, membershipStart, children, percent, months,
                contributionMonths, averageWage, contributionMonths24, consecutiveMonths, jht, pension);
    }

    public static BenefitRequest pension(LocalDate date, int contributionMonths, Rupiah averageWage) {
        return new BenefitRequest(BenefitCase.JP_OLD_AGE, date, Segment.PU, null, null, 0, null, null, contributionMonths,
                averageWage, null);
    }

    public static BenefitRequest jobLoss(LocalDate date, Rupiah wage, int contributionMonths24) {
        return new BenefitRequest(BenefitCase.JKP, date, Segment.PU, wage, null, 0, null, null, null, null, contributionMonths24);
    }

    public BenefitRequest withConsecutiveMonths(Integer consecutiveMonths) {
        return new BenefitRequest(benefitCase, date, segment, wage, membershipStart, children, percent, months,
                contributionMonths, averageWage, contributionMonths24, consecutiveMonths, jht, pension);
    }

    /** A JHT payout with a constant wage over {@code contributionMonths} months from {@code facts.contributionStart()}. */
    public static BenefitRequest jhtPayout(LocalDate date, Segment segment, Rupiah wage, Integer contributionMonths,
                                           LocalDate membershipStart, JhtFacts facts) {
        return new BenefitRequest(BenefitCase.JHT_PAYOUT, date, segment, wage, membershipStart, 0, null, null, contributionMonths,
                null, null, null, facts, null);
    }

    public BenefitRequest withSegment(Segment segment) {
        return new BenefitRequest(benefitCase, date, segment, wage, membershipStart, children, percent, months,
                contributionMonths, averageWage, contributionMonths24, consecutiveMonths, jht, pension);
    }

    public BenefitRequest withPension(PensionFacts pension) {
        return new BenefitRequest(benefitCase, date, segment, wage, membershipStart, children, percent, months,
                contributionMonths, averageWage, contributionMonths24, consecutiveMonths, jht, pension);
    }
}
