package id.lindung.benefit;

import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionLine;
import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.Rate;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The JP old-age case of a quote: the pension age, the monthly pension between its limits, or the lump sum below them. */
final class OldAgePension {

    private static final RoundingMode ROUNDING = BenefitCalculator.ROUNDING;

    private final RegulationCatalog catalog;
    private final ContributionCalculator contributions;
    private final ReturnCrediting crediting;

    OldAgePension(RegulationCatalog catalog, ContributionCalculator contributions, ReturnCrediting crediting) {
        this.catalog = catalog;
        this.contributions = contributions;
        this.crediting = crediting;
    }

    void oldAgePension(QuoteInProgress q) {
        if (q.request.segment() == Segment.BPU) {
            q.reject("BPU_JP_NOT_AVAILABLE", "JP (pension) is not available to BPU participants");
            return;
        }
        Integer months = q.request.contributionMonths();
        Rupiah average = q.request.averageWage();
        if (months == null || months < 0 || average == null || average.isNegative()) {
            throw new MissingFactException(months == null || months < 0 ? "contributionMonths" : "averageWage",
                    months == null || months < 0 ? months : average, "contributionMonths and averageWage are required for JP_OLD_AGE");
        }
        LocalDate jpStart = catalog.programmeStart(Programme.JP);
        long possible = ChronoUnit.MONTHS.between(YearMonth.from(jpStart), YearMonth.from(q.request.date()));
        if (months > possible) {
            throw new RejectedException("JP_MONTHS_IMPOSSIBLE", months + " contribution months is more than the " + possible
                    + " months from " + YearMonth.from(jpStart) + " (when JP contributions began) to " + q.request.date());
        }
        PensionFacts pension = q.request.pension();
        if (pension != null && pension.birthDate() != null) {
            LocalDate reached = pensionAgeReachedOn(pension.birthDate());
            if (reached == null || reached.isAfter(q.request.date())) {
                q.reject("PENSION_AGE_NOT_REACHED", "born " + pension.birthDate() + ": the JP pension age (PP 45/2015 Pasal 15)"
                        + (reached == null ? " is not reached in the regulation data" : " is reached on " + reached + ", at "
                        + Period.between(pension.birthDate(), reached).getYears()) + ", after " + q.request.date());
                q.rejectionReferences.add(catalog.valueOn("jp.pensionAge", q.request.date()).reference());
                return;
            }
        }
        int minMonths = catalog.valueOn("jp.minContributionMonths", q.request.date()).whole();
        if (months < minMonths) {
            if (pension == null) {
                // the lump sum is the contributions paid back: without the months they were paid in (or the amounts)
                // there is nothing to compute, and the request is told which fact is missing
                throw new MissingFactException("contributionStart", "JP_CONTRIBUTION_START_REQUIRED", null, months
                        + " contribution months is fewer than " + minMonths + ": JP is paid as a lump sum of the contributions"
                        + " plus returns, which needs the first contribution month (contributionStart) or the contributions paid");
            }
            pensionLumpSum(q, pension, months, average);
            return;
        }
        q.component("MONTHLY_PENSION", refs -> {
            q.value("jp.minContributionMonths", refs);
            Rate accrual = q.value("jp.accrualRate", refs).rate();
            BenefitCalculator.PensionLimits limits = pensionLimits(q.request.date());
            refs.addAll(limits.references());
            q.value("jp.pensionAge", refs);
            Rupiah formula = accrual.applyToSen(average.times(months), ROUNDING).scaleToRupiah(1, 12, ROUNDING);
            return formula.max(limits.min()).min(limits.max());
        });
    }

    /**
     * The first birthday on which the person is at least the pension age in force that day (PP 45/2015 Pasal 15: 56,
     * then one year more every three years): the age only grows on a birthday and the pension age only grows, so a
     * birthday is where it is first reached. Before JP began, the first pension age counts (a worker of 57 in July 2015
     * had reached it). Null when the regulation data ends before.
     */
    LocalDate pensionAgeReachedOn(LocalDate birthDate) {
        LocalDate jpStart = catalog.programmeStart(Programme.JP);
        for (int age = 0; age <= 130; age++) {
            LocalDate birthday = birthDate.plusYears(age);
            int pensionAge = catalog.find("jp.pensionAge", birthday.isBefore(jpStart) ? jpStart : birthday)
                    .map(DatedValue::whole).orElse(Integer.MAX_VALUE);
            if (age >= pensionAge) {
                return birthday;
            }
        }
        return null;
    }

    /**
     * Fewer contribution months than a monthly pension needs, at pension age: the contributions paid back at once with
     * their returns (RULES.md 4.5), as two components, JP_CONTRIBUTIONS and JP_RETURNS. The contributions are the ones
     * paid for the worker, or, from a given first month, the months at the average wage, each the month's JP line in
     * full (the relief of PP 49/2020 deferred JP, it did not waive it). The returns follow jp.returnRate, which no
     * cited source gives (unverified), credited as a JHT balance is.
     */
    private void pensionLumpSum(QuoteInProgress q, PensionFacts pension, int months, Rupiah average) {
        LocalDate date = q.request.date();
        YearMonth payoutMonth = YearMonth.from(date);
        Set<Reference> contributionRefs = new LinkedHashSet<>();
        List<ReturnCrediting.Credit> credits = new ArrayList<>();
        if (pension.contributionStart() != null) {
            YearMonth start = pension.contributionStart();
            // the months given as facts come first; the paid months listed are the later ones (a claim's months
            // recorded in Lindung after the facts' period), paid back as they were paid
            int factMonths = pension.factMonths() == null ? months : pension.factMonths();
            catalog.requireProgramme(Programme.JP, start.atDay(1));
            if (factMonths > 0 && !start.plusMonths(factMonths - 1L).isBefore(payoutMonth)) {
                q.reject("JP_MONTHS_IMPOSSIBLE", factMonths + " contribution months from " + start + " cannot be paid back in "
                        + payoutMonth + " (the last contribution month must be before the month of the claim)");
                return;
            }
            for (int i = 0; i < factMonths; i++) {
                ContributionLine line = contributions.schedule(start.plusMonths(i)).puLine(Programme.JP, average, null, false, false);
                credits.add(new ReturnCrediting.Credit(start.plusMonths(i + 1L), line.total()));
                contributionRefs.addAll(line.references());
            }
            YearMonth lastFact = start.plusMonths(factMonths - 1L);
            pension.paid().stream().filter(p -> p.month().isAfter(lastFact) && p.month().isBefore(payoutMonth)
                            && !p.amount().isZero() && !p.amount().isNegative())
                    .sorted(java.util.Comparator.comparing(PensionFacts.Paid::month))
                    .forEach(p -> credits.add(new ReturnCrediting.Credit(p.month().plusMonths(1), p.amount())));
        } else {
            pension.paid().stream().filter(p -> p.month().isBefore(payoutMonth) && !p.amount().isZero() && !p.amount().isNegative())
                    .sorted(java.util.Comparator.comparing(PensionFacts.Paid::month))
                    .forEach(p -> credits.add(new ReturnCrediting.Credit(p.month().plusMonths(1), p.amount())));
        }
        Rupiah paid = credits.stream().map(ReturnCrediting.Credit::amount).reduce(Rupiah.ZERO, Rupiah::plus);
        if (paid.isZero()) {
            q.reject("JP_NO_CONTRIBUTIONS_PAID", "no JP contribution is paid for the months before " + payoutMonth
                    + ": the lump sum of contributions plus returns has nothing to pay back");
            return;
        }
        Set<Reference> returnRefs = new LinkedHashSet<>();
        Rupiah returns = crediting.returns(credits, date, "jp.returnRate", "jp.returnCrediting", returnRefs);
        q.component("JP_CONTRIBUTIONS", refs -> {
            q.value("jp.minContributionMonths", refs);
            q.value("jp.pensionAge", refs);
            refs.addAll(contributionRefs);
            return paid;
        });
        q.component("JP_RETURNS", refs -> {
            refs.addAll(returnRefs);
            return returns;
        });
    }

    /** {@link BenefitCalculator#pensionLimits}: the floor and ceiling in force on {@code date}. */
    BenefitCalculator.PensionLimits pensionLimits(LocalDate date) {
        DatedValue min = catalog.valueOn("jp.benefit.min", date);
        DatedValue max = catalog.valueOn("jp.benefit.max", date);
        return new BenefitCalculator.PensionLimits(min.rupiah(), max.rupiah(), List.of(min.reference(), max.reference()));
    }
}
