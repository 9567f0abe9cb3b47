package id.lindung.benefit;

import id.lindung.contribution.ContributionCalculator;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.Rejection;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Quotes the cash benefits of a case under the regulation in force on its date. Each component is
 * decided on its own: a refused component is reported as a rejection and the others are still paid.
 * Amounts are rounded half-up to whole rupiah once, at the end of each component.
 */
public final class BenefitCalculator {

    /** The one rounding of every component (see the class comment), shared by the cases' parts. */
    static final RoundingMode ROUNDING = RoundingMode.HALF_UP;

    private final RegulationCatalog catalog;
    private final ContributionCalculator contributions;
    private final OldAgePension pension;
    private final JobLossBenefit jobLoss;
    private final JhtPayout jht;

    public BenefitCalculator(RegulationCatalog catalog) {
        this(catalog, new ContributionCalculator(catalog));
    }

    /** With the contribution calculator whose JHT lines make up a JHT balance. */
    public BenefitCalculator(RegulationCatalog catalog, ContributionCalculator contributions) {
        this.catalog = catalog;
        this.contributions = contributions;
        ReturnCrediting crediting = new ReturnCrediting(catalog);
        this.pension = new OldAgePension(catalog, contributions, crediting);
        this.jobLoss = new JobLossBenefit(catalog);
        this.jht = new JhtPayout(catalog, contributions, crediting);
    }

    public BenefitQuote quote(BenefitRequest request) {
        catalog.requireProgramme(programme(request.benefitCase()), request.date());
        if (request.membershipStart() != null && request.membershipStart().isAfter(request.date())) {
            // not yet a member on the day of the incident: nothing is payable, whatever the case
            return new BenefitQuote(request.benefitCase(), request.date(), false, List.of(), List.of(new Rejection(
                    "MEMBERSHIP_STARTS_AFTER_INCIDENT", "membership started " + request.membershipStart() + ", after the incident on "
                    + request.date() + ": no benefit is payable")), Rupiah.ZERO);
        }
        QuoteInProgress q = new QuoteInProgress(request, catalog, contributions);
        switch (request.benefitCase()) {
            case JKM_DEATH -> DeathAndAccidentBenefits.jkmDeath(q);
            case JKK_DEATH -> DeathAndAccidentBenefits.jkkDeath(q);
            case JKK_TOTAL_DISABILITY -> DeathAndAccidentBenefits.jkkTotalDisability(q);
            case JKK_PARTIAL_DISABILITY -> DeathAndAccidentBenefits.jkkPartialDisability(q);
            case JKK_TEMPORARY_DISABILITY -> DeathAndAccidentBenefits.jkkTemporaryDisability(q);
            case JP_OLD_AGE -> pension.oldAgePension(q);
            case JKP -> jobLoss.jobLoss(q);
            case JHT_PAYOUT -> jht.jhtPayout(q);
        }
        // the scholarship is a ceiling paid year by year over schooling, not cash at the claim: it is not in the total
        Rupiah total = q.components.stream().filter(c -> !"SCHOLARSHIP_MAX".equals(c.code()))
                .map(BenefitComponent::amount).reduce(Rupiah.ZERO, Rupiah::plus);
        return new BenefitQuote(request.benefitCase(), request.date(), !q.components.isEmpty(), List.copyOf(q.components),
                List.copyOf(q.rejections), total, List.copyOf(q.rejectionReferences));
    }

    private static Programme programme(BenefitCase benefitCase) {
        return switch (benefitCase) {
            case JKM_DEATH -> Programme.JKM;
            case JKK_DEATH, JKK_TOTAL_DISABILITY, JKK_PARTIAL_DISABILITY, JKK_TEMPORARY_DISABILITY -> Programme.JKK;
            case JP_OLD_AGE -> Programme.JP;
            case JKP -> Programme.JKP;
            case JHT_PAYOUT -> Programme.JHT;
        };
    }

    /** The first birthday on which the person is at least the pension age in force that day; null past the data. */
    LocalDate pensionAgeReachedOn(LocalDate birthDate) {
        return pension.pensionAgeReachedOn(birthDate);
    }

    /**
     * The JHT balance on {@code date} of contributions for the months from {@code start}, one wage per month: each month's
     * JHT contribution as billed (employer 3.7% + worker 2% for PU, 2% of the income band for BPU), credited from the
     * following month, earning the year's declared return pro rata by whole months, compounded at each year end
     * (jht.returnCrediting). Each year's return is rounded half-up to whole rupiah.
     */
    public JhtBalance jhtBalance(Segment segment, LocalDate date, YearMonth start, List<Rupiah> wages) {
        return jht.jhtBalance(segment, date, start, wages);
    }

    /** A JHT balance: the contributions and the returns credited on them, with the references of each. */
    public record JhtBalance(Rupiah contributions, Rupiah returns, List<Reference> contributionReferences,
                             List<Reference> returnReferences) {

        public Rupiah total() {
            return contributions.plus(returns);
        }
    }

    /**
     * The lowest and highest monthly JP pension in force on {@code date} (PP 45/2015 Pasal 18; they change on 1 March
     * with the wage cap). Every monthly JP pension is held between them.
     */
    public PensionLimits pensionLimits(LocalDate date) {
        return pension.pensionLimits(date);
    }

    /** The floor and ceiling of a monthly JP pension, with their references (one of them may be unverified). */
    public record PensionLimits(Rupiah min, Rupiah max, List<Reference> references) {}
}
