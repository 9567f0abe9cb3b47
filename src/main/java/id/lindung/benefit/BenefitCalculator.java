package id.lindung.benefit;

import id.lindung.regulation.DatedValue;
import id.lindung.shared.ShortNumber;
import id.lindung.regulation.Reference;
import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionLine;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.Rate;
import id.lindung.shared.Rejection;
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

/**
 * Quotes the cash benefits of a case under the regulation in force on its date. Each component is
 * decided on its own: a refused component is reported as a rejection and the others are still paid.
 * Amounts are rounded half-up to whole rupiah once, at the end of each component.
 */
public final class BenefitCalculator {

    private static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
    private static final String[] SCHOOL_LEVELS = {"TK_SD", "SMP", "SMA", "UNIVERSITY"};

    private final RegulationCatalog catalog;
    private final ContributionCalculator contributions;

    public BenefitCalculator(RegulationCatalog catalog) {
        this(catalog, new ContributionCalculator(catalog));
    }

    /** With the contribution calculator whose JHT lines make up a JHT balance. */
    public BenefitCalculator(RegulationCatalog catalog, ContributionCalculator contributions) {
        this.catalog = catalog;
        this.contributions = contributions;
    }

    public BenefitQuote quote(BenefitRequest request) {
        catalog.requireProgramme(programme(request.benefitCase()), request.date());
        if (request.membershipStart() != null && request.membershipStart().isAfter(request.date())) {
            // not yet a member on the day of the incident: nothing is payable, whatever the case
            return new BenefitQuote(request.benefitCase(), request.date(), false, List.of(), List.of(new Rejection(
                    "MEMBERSHIP_STARTS_AFTER_INCIDENT", "membership started " + request.membershipStart() + ", after the incident on "
                    + request.date() + ": no benefit is payable")), Rupiah.ZERO);
        }
        Quote q = new Quote(request);
        switch (request.benefitCase()) {
            case JKM_DEATH -> jkmDeath(q);
            case JKK_DEATH -> jkkDeath(q);
            case JKK_TOTAL_DISABILITY -> jkkTotalDisability(q);
            case JKK_PARTIAL_DISABILITY -> jkkPartialDisability(q);
            case JKK_TEMPORARY_DISABILITY -> jkkTemporaryDisability(q);
            case JP_OLD_AGE -> oldAgePension(q);
            case JKP -> jobLoss(q);
            case JHT_PAYOUT -> jhtPayout(q);
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

    /** A quote being built: the request, the components so far and the rejections so far. */
    private final class Quote {
        final BenefitRequest request;
        final List<BenefitComponent> components = new ArrayList<>();
        final List<Rejection> rejections = new ArrayList<>();
        final java.util.Set<Reference> rejectionReferences = new LinkedHashSet<>();

        Quote(BenefitRequest request) {
            this.request = request;
        }

        DatedValue value(String id, List<Reference> refs) {
            DatedValue v = catalog.valueOn(id, request.date());
            refs.add(v.reference());
            return v;
        }

        /** Computes one component; a rejection stops this component only. */
        void component(String code, java.util.function.Function<List<Reference>, Rupiah> amount) {
            List<Reference> refs = new ArrayList<>();
            try {
                components.add(new BenefitComponent(code, amount.apply(refs), List.copyOf(refs)));
            } catch (RejectedException e) {
                rejections.add(new Rejection(e.code(), code + ": " + e.rejection().message()));
                rejectionReferences.addAll(refs);
            }
        }

        void reject(String code, String message) {
            rejections.add(new Rejection(code, message));
        }

        Rupiah wage() {
            if (request.wage() == null || request.wage().isZero() || request.wage().isNegative()) {
                throw new MissingFactException("wage", null, "wage (or declared income for BPU) is required for " + request.benefitCase()
                        + " and must be more than zero");
            }
            if (request.segment() == Segment.BPU) {
                // a BPU benefit is a multiple of the declared income, which is refused outside its range as the
                // contribution quote refuses it (a Rp 50 million income quoted a Rp 2.4 billion death benefit)
                contributions.schedule(YearMonth.from(request.date())).bpuBasis(request.wage());
            }
            return request.wage();
        }
    }

    private void jkmDeath(Quote q) {
        q.component("LUMP_SUM", refs -> q.value("jkm.lumpSum", refs).rupiah());
        q.component("PERIODIC", refs -> q.value("jkm.periodic", refs).rupiah());
        q.component("FUNERAL", refs -> q.value("jkm.funeral", refs).rupiah());
        if (q.request.children() > 0) {
            q.component("SCHOLARSHIP_MAX", refs -> {
                int minYears = q.value("scholarship.jkm.minMembershipYears", refs).whole();
                LocalDate start = q.request.membershipStart();
                if (start == null) {
                    throw new RejectedException("SCHOLARSHIP_MEMBERSHIP_UNKNOWN",
                            "the JKM scholarship needs " + minYears + " years of membership; give the membership start date");
                }
                if (start.plusYears(minYears).isAfter(q.request.date())) {
                    throw new RejectedException("SCHOLARSHIP_MEMBERSHIP_TOO_SHORT", "the JKM scholarship needs " + minYears
                            + " years of membership; membership started " + start);
                }
                return scholarship(q, "jkm.scholarship.legacyAmount", refs);
            });
        }
    }

    private void jkkDeath(Quote q) {
        Rupiah wage = q.wage();
        q.component("DEATH_COMPENSATION", refs -> {
            Rupiah byWage = compensation(q, wage, "jkk.death.percent", refs);
            String minimum = q.value("jkk.death.minimum", refs).code();
            return switch (minimum) {
                case "JKM_LUMP_SUM" -> byWage.max(q.value("jkm.lumpSum", refs).rupiah());
                case "NONE" -> byWage;
                default -> throw new IllegalStateException("jkk.death.minimum " + minimum + " is not JKM_LUMP_SUM or NONE");
            };
        });
        q.component("FUNERAL", refs -> q.value("jkk.funeral", refs).rupiah());
        q.component("PERIODIC", refs -> q.value("jkk.periodic", refs).rupiah());
        workAccidentScholarship(q);
    }

    private void jkkTotalDisability(Quote q) {
        Rupiah wage = q.wage();
        q.component("DISABILITY_COMPENSATION", refs -> compensation(q, wage, "jkk.totalDisability.percent", refs));
        q.component("PERIODIC", refs -> q.value("jkk.periodic", refs).rupiah());
        workAccidentScholarship(q);
    }

    private void jkkPartialDisability(Quote q) {
        Rupiah wage = q.wage();
        if (q.request.percent() == null || q.request.percent().signum() <= 0 || q.request.percent().compareTo(java.math.BigDecimal.valueOf(100)) > 0) {
            throw new MissingFactException("percent", q.request.percent(), q.request.percent() == null
                    ? "percent (disability percentage from the table, more than 0 and at most 100) is required"
                    : "percent " + ShortNumber.of(q.request.percent()) + " is out of range: the disability percentage is more than 0 and at most 100");
        }
        if (q.request.percent().stripTrailingZeros().scale() > 5) {
            // a rate keeps seven decimals of a fraction: 33.333333333 % or 1e-30 % cannot be one (it was a 500)
            throw new MissingFactException("percent", "TOO_PRECISE", q.request.percent(),
                    "percent " + ShortNumber.of(q.request.percent()) + " has more than 5 decimals");
        }
        Rate percent = Rate.ofPercent(q.request.percent());
        q.component("DISABILITY_COMPENSATION", refs -> {
            int factor = q.value("jkk.compensationFactor", refs).factor().intValueExact();
            return percent.applyTo(wage.times(factor), ROUNDING);
        });
    }

    private void jkkTemporaryDisability(Quote q) {
        Rupiah wage = q.wage();
        Integer months = q.request.months();
        if (months == null || months < 0) {
            throw new MissingFactException("months", months, months == null ? "months (months unable to work, 0 or more) is required"
                    : "months " + months + " is out of range: months unable to work are 0 or more");
        }
        q.component("WAGE_REPLACEMENT", refs -> {
            int fullMonths = q.value("jkk.temporaryDisability.fullMonths", refs).whole();
            Rate full = q.value("jkk.temporaryDisability.fullPercent", refs).rate();
            Rate later = q.value("jkk.temporaryDisability.laterPercent", refs).rate();
            return full.applyTo(wage.times(Math.min(months, fullMonths)), ROUNDING)
                    .plus(later.applyTo(wage.times(Math.max(months - fullMonths, 0)), ROUNDING));
        });
    }

    private void oldAgePension(Quote q) {
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
            PensionLimits limits = pensionLimits(q.request.date());
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
    private void pensionLumpSum(Quote q, PensionFacts pension, int months, Rupiah average) {
        LocalDate date = q.request.date();
        YearMonth payoutMonth = YearMonth.from(date);
        Set<Reference> contributionRefs = new LinkedHashSet<>();
        List<Credit> credits = new ArrayList<>();
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
                credits.add(new Credit(start.plusMonths(i + 1L), line.total()));
                contributionRefs.addAll(line.references());
            }
            YearMonth lastFact = start.plusMonths(factMonths - 1L);
            pension.paid().stream().filter(p -> p.month().isAfter(lastFact) && p.month().isBefore(payoutMonth)
                            && !p.amount().isZero() && !p.amount().isNegative())
                    .sorted(java.util.Comparator.comparing(PensionFacts.Paid::month))
                    .forEach(p -> credits.add(new Credit(p.month().plusMonths(1), p.amount())));
        } else {
            pension.paid().stream().filter(p -> p.month().isBefore(payoutMonth) && !p.amount().isZero() && !p.amount().isNegative())
                    .sorted(java.util.Comparator.comparing(PensionFacts.Paid::month))
                    .forEach(p -> credits.add(new Credit(p.month().plusMonths(1), p.amount())));
        }
        Rupiah paid = credits.stream().map(Credit::amount).reduce(Rupiah.ZERO, Rupiah::plus);
        if (paid.isZero()) {
            q.reject("JP_NO_CONTRIBUTIONS_PAID", "no JP contribution is paid for the months before " + payoutMonth
                    + ": the lump sum of contributions plus returns has nothing to pay back");
            return;
        }
        Set<Reference> returnRefs = new LinkedHashSet<>();
        Rupiah returns = returns(credits, date, "jp.returnRate", "jp.returnCrediting", returnRefs);
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

    private void jobLoss(Quote q) {
        if (q.request.segment() == Segment.BPU) {
            q.reject("BPU_JKP_NOT_AVAILABLE", "JKP (job loss) is not available to BPU participants");
            return;
        }
        Rupiah wage = q.wage();
        Integer months24 = q.request.contributionMonths24();
        if (months24 == null) {
            throw new MissingFactException("contributionMonths24", null, "contributionMonths24 (contribution months in the last 24) is required for JKP");
        }
        if (months24 < 0) {
            // given, so out of its range, as the neighbouring count consecutiveMonths says: never "is required"
            throw new MissingFactException("contributionMonths24", months24, "contributionMonths24 " + months24
                    + " is out of range: the contribution months in the last 24 are 0 or more");
        }
        Integer consecutive = q.request.consecutiveMonths();
        if (consecutive != null && consecutive < 0) {
            throw new MissingFactException("consecutiveMonths", consecutive, "consecutiveMonths " + consecutive
                    + " is out of range: the longest run of contribution months is 0 or more");
        }
        int windowMonths = catalog.valueOn("jkp.eligibility.windowMonths", q.request.date()).whole();
        if (months24 > windowMonths) {
            throw new RejectedException("JKP_MONTHS_IN_WINDOW_IMPOSSIBLE", months24 + " contribution months cannot fit in the "
                    + windowMonths + " months before the job loss");
        }
        if (consecutive != null && consecutive > months24) {
            throw new RejectedException("JKP_CONSECUTIVE_MONTHS_IMPOSSIBLE", consecutive + " consecutive months is more than the "
                    + months24 + " contribution months in the last " + windowMonths);
        }
        q.component("WAGE_REPLACEMENT", refs -> {
            int minMonths = q.value("jkp.eligibility.minMonths", refs).whole();
            int window = q.value("jkp.eligibility.windowMonths", refs).whole();
            if (months24 < minMonths) {
                throw new RejectedException("JKP_CONTRIBUTION_MONTHS_BELOW_MINIMUM", months24 + " contribution months in the last "
                        + window + " is fewer than " + minMonths);
            }
            if (consecutive != null) {
                int minConsecutive = q.value("jkp.eligibility.consecutiveMonths", refs).whole();
                if (consecutive < minConsecutive) {
                    throw new RejectedException("JKP_CONSECUTIVE_MONTHS_BELOW_MINIMUM", "the longest run of " + consecutive
                            + " consecutive contribution months is shorter than " + minConsecutive);
                }
            }
            Rupiah capped = wage.min(q.value("jkp.benefit.wageCap", refs).rupiah());
            Rate first = q.value("jkp.benefit.firstPercent", refs).rate();
            int firstMonths = q.value("jkp.benefit.firstMonths", refs).whole();
            Rate later = q.value("jkp.benefit.laterPercent", refs).rate();
            int laterMonths = q.value("jkp.benefit.laterMonths", refs).whole();
            return first.applyTo(capped, ROUNDING).times(firstMonths).plus(later.applyTo(capped, ROUNDING).times(laterMonths));
        });
    }

    private void jhtPayout(Quote q) {
        BenefitRequest.JhtFacts facts = q.request.jht();
        if (facts == null || facts.contributionStart() == null) {
            throw new MissingFactException(facts == null ? "reason" : "contributionStart", null,
                    "reason and contributionStart (first contribution month) are required for JHT_PAYOUT");
        }
        JhtBalance balance = jhtBalance(q.request.segment(), q.request.date(), facts.contributionStart(), monthlyWages(q.request));
        LocalDate date = q.request.date();
        try {
            switch (facts.reason()) {
                case AGE_56 -> {
                    if (facts.birthDate() == null) {
                        throw new MissingFactException("birthDate", null, "birthDate is required for a JHT payout at age 56");
                    }
                    int age = catalog.valueOn("jht.payoutAge", date).whole();
                    if (facts.birthDate().plusYears(age).isAfter(date)) {
                        throw new RejectedException("JHT_AGE_NOT_REACHED", "born " + facts.birthDate() + ": age " + age
                                + " is reached on " + facts.birthDate().plusYears(age));
                    }
                }
                case RESIGNATION, DISMISSAL -> {
                    if (facts.employmentEnd() == null) {
                        throw new MissingFactException("employmentEnd", null, "employmentEnd (last day of work) is required for "
                                + facts.reason());
                    }
                    int waiting = catalog.valueOn("jht.waitingMonths", date).whole();
                    if (facts.employmentEnd().plusMonths(waiting).isAfter(date)) {
                        throw new RejectedException("JHT_WAITING_PERIOD_NOT_OVER", "the balance is paid from "
                                + facts.employmentEnd().plusMonths(waiting) + ", " + waiting + " month(s) after the last day of work");
                    }
                }
                case PARTIAL_RETIREMENT, PARTIAL_HOUSING -> {
                    if (facts.partialClaimed()) {
                        throw new RejectedException("JHT_PARTIAL_ALREADY_CLAIMED", "a partial JHT claim is paid once only");
                    }
                    int years = catalog.valueOn("jht.partial.minMembershipYears", date).whole();
                    LocalDate start = q.request.membershipStart() != null ? q.request.membershipStart()
                            : facts.contributionStart().atDay(1);
                    if (start.plusYears(years).isAfter(date)) {
                        throw new RejectedException("JHT_PARTIAL_MEMBERSHIP_TOO_SHORT", "a partial claim needs " + years
                                + " years of membership; membership started " + start);
                    }
                }
                case LEAVING_INDONESIA, TOTAL_DISABILITY, DEATH -> { }
            }
        } catch (RejectedException e) {
            q.reject(e.code(), e.rejection().message());
            return;
        }
        if (facts.reason().partial()) {
            q.component("PARTIAL_PAYOUT", refs -> {
                String id = facts.reason() == JhtReason.PARTIAL_HOUSING ? "jht.partial.housingPercent" : "jht.partial.retirementPercent";
                refs.add(catalog.valueOn("jht.partial.minMembershipYears", date).reference());
                refs.addAll(balance.contributionReferences());
                refs.addAll(balance.returnReferences());
                return q.value(id, refs).rate().applyTo(balance.contributions().plus(balance.returns()), ROUNDING);
            });
        } else {
            q.component("CONTRIBUTIONS", refs -> {
                refs.addAll(balance.contributionReferences());
                return balance.contributions();
            });
            q.component("RETURNS", refs -> {
                refs.addAll(balance.returnReferences());
                return balance.returns();
            });
        }
    }

    private static List<Rupiah> monthlyWages(BenefitRequest request) {
        List<Rupiah> given = request.jht().monthlyWages();
        Integer months = request.contributionMonths();
        if (!given.isEmpty()) {
            if (months != null && months != given.size()) {
                throw new MissingFactException("contributionMonths", "MONTHS_MISMATCH", months, "contributionMonths " + months
                        + " differs from the " + given.size() + " monthly wages given");
            }
            given.forEach(w -> {
                if (w.isZero() || w.isNegative()) {
                    throw new MissingFactException("monthlyWages", "NOT_POSITIVE", w, "every monthly wage must be more than zero");
                }
            });
            return given;
        }
        if (months == null || months <= 0) {
            throw new MissingFactException("contributionMonths", months, "JHT_PAYOUT needs contributionMonths (more than zero)"
                    + " and a wage, or one wage per month (monthlyWages)");
        }
        if (request.wage() == null || request.wage().isZero() || request.wage().isNegative()) {
            throw new MissingFactException("wage", null, "JHT_PAYOUT needs a wage with contributionMonths, or one wage per month"
                    + " (monthlyWages)");
        }
        return java.util.Collections.nCopies(months, request.wage());
    }

    /**
     * The JHT balance on {@code date} of contributions for the months from {@code start}, one wage per month: each month's
     * JHT contribution as billed (employer 3.7% + worker 2% for PU, 2% of the income band for BPU), credited from the
     * following month, earning the year's declared return pro rata by whole months, compounded at each year end
     * (jht.returnCrediting). Each year's return is rounded half-up to whole rupiah.
     */
    public JhtBalance jhtBalance(Segment segment, LocalDate date, YearMonth start, List<Rupiah> wages) {
        catalog.requireProgramme(Programme.JHT, start.atDay(1));
        YearMonth payoutMonth = YearMonth.from(date);
        YearMonth last = start.plusMonths(wages.size() - 1L);
        if (!last.isBefore(payoutMonth)) {
            throw new RejectedException("JHT_MONTHS_IMPOSSIBLE", "contributions up to " + last
                    + " cannot be in a balance paid in " + payoutMonth + " (the last contribution month must be before the payout month)");
        }
        Set<Reference> contributionRefs = new LinkedHashSet<>();
        Set<Reference> returnRefs = new LinkedHashSet<>();
        List<Credit> credits = new ArrayList<>();
        Rupiah contributed = Rupiah.ZERO;
        for (int i = 0; i < wages.size(); i++) {
            YearMonth month = start.plusMonths(i);
            ContributionLine line = segment == Segment.BPU
                    ? contributions.schedule(month).bpuLine(Programme.JHT, wages.get(i))
                    : contributions.schedule(month).puLine(Programme.JHT, wages.get(i), null, false);
            credits.add(new Credit(month.plusMonths(1), line.total()));
            contributed = contributed.plus(line.total());
            contributionRefs.addAll(line.references());
        }
        Rupiah returns = returns(credits, date, "jht.returnRate", "jht.returnCrediting", returnRefs);
        return new JhtBalance(contributed, returns, List.copyOf(contributionRefs), List.copyOf(returnRefs));
    }

    /** A contribution credited to a balance from {@code month}, the month after its contribution month. */
    private record Credit(YearMonth month, Rupiah amount) {}

    /**
     * The returns on {@code credits} (oldest first) up to the payout month of {@code date}, by the crediting method
     * {@code creditingId} (YEARLY_PRO_RATA_BY_MONTH: each credit earns the year's rate {@code rateId} pro rata by whole
     * months from its month, the year's opening balance all year, compounded at each year end and, in the payout year,
     * up to the payout month). Each year's return is rounded half-up to whole rupiah; the values used go to {@code refs}.
     */
    private Rupiah returns(List<Credit> credits, LocalDate date, String rateId, String creditingId, Set<Reference> refs) {
        DatedValue crediting = catalog.valueOn(creditingId, date);
        if (!crediting.code().equals("YEARLY_PRO_RATA_BY_MONTH")) {
            throw new IllegalStateException(creditingId + " " + crediting.code() + " is not YEARLY_PRO_RATA_BY_MONTH");
        }
        refs.add(crediting.reference());
        if (credits.isEmpty()) {
            return Rupiah.ZERO;
        }
        YearMonth payoutMonth = YearMonth.from(date);
        Rupiah balance = Rupiah.ZERO;
        Rupiah returns = Rupiah.ZERO;
        for (int year = credits.get(0).month().getYear(); year <= payoutMonth.getYear(); year++) {
            YearMonth yearStart = YearMonth.of(year, 1);
            YearMonth yearEnd = year == payoutMonth.getYear() ? payoutMonth : YearMonth.of(year + 1, 1);
            var rate = catalog.valueOn(rateId, LocalDate.of(year, 12, 31));
            refs.add(rate.reference());
            Rupiah weighted = balance.times(yearStart.until(yearEnd, ChronoUnit.MONTHS));
            for (Credit credit : credits) {
                YearMonth creditMonth = credit.month();
                if (creditMonth.getYear() == year && creditMonth.isBefore(yearEnd.plusMonths(year == payoutMonth.getYear() ? 1 : 0))) {
                    weighted = weighted.plus(credit.amount().times(creditMonth.until(yearEnd, ChronoUnit.MONTHS)));
                    balance = balance.plus(credit.amount());
                }
            }
            Rupiah yearReturn = rate.rate().applyToSen(weighted, ROUNDING).scaleToRupiah(1, 12, ROUNDING);
            balance = balance.plus(yearReturn);
            returns = returns.plus(yearReturn);
        }
        return returns;
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
        DatedValue min = catalog.valueOn("jp.benefit.min", date);
        DatedValue max = catalog.valueOn("jp.benefit.max", date);
        return new PensionLimits(min.rupiah(), max.rupiah(), List.of(min.reference(), max.reference()));
    }

    /** The floor and ceiling of a monthly JP pension, with their references (one of them may be unverified). */
    public record PensionLimits(Rupiah min, Rupiah max, List<Reference> references) {}

    /** percent × compensation factor (80) × wage: 60% → 48 × wage, 70% → 56 × wage. */
    private static Rupiah compensation(Quote q, Rupiah wage, String percentId, List<Reference> refs) {
        Rate percent = q.value(percentId, refs).rate();
        int factor = q.value("jkk.compensationFactor", refs).factor().intValueExact();
        return percent.applyTo(wage.times(factor), ROUNDING);
    }

    /** Work-accident death or total disability: scholarship without a minimum membership. */
    private void workAccidentScholarship(Quote q) {
        if (q.request.children() > 0) {
            q.component("SCHOLARSHIP_MAX", refs -> scholarship(q, "jkk.scholarship.legacyAmount", refs));
        }
    }

    /**
     * Highest scholarship over a child's schooling, times the children allowed: before PP 82/2019 a flat amount per
     * child ({@code flatPerChildId}), from it the school-level table.
     */
    private static Rupiah scholarship(Quote q, String flatPerChildId, List<Reference> refs) {
        String rule = q.value("scholarship.rule", refs).code();
        Rupiah perChild = Rupiah.ZERO;
        switch (rule) {
            case "FLAT_PER_CHILD" -> perChild = q.value(flatPerChildId, refs).rupiah();
            case "SCHOOL_LEVEL_TABLE" -> {
                for (String level : SCHOOL_LEVELS) {
                    Rupiah perYear = q.value("scholarship." + level + ".perYear", refs).rupiah();
                    int years = q.value("scholarship." + level + ".years", refs).whole();
                    perChild = perChild.plus(perYear.times(years));
                }
            }
            default -> throw new IllegalStateException("scholarship.rule " + rule + " is not FLAT_PER_CHILD or SCHOOL_LEVEL_TABLE");
        }
        int maxChildren = q.value("scholarship.maxChildren", refs).whole();
        return perChild.times(Math.min(q.request.children(), maxChildren));
    }
}
