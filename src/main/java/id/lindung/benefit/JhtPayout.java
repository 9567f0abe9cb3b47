package id.lindung.benefit;

import id.lindung.contribution.ContributionCalculator;
import id.lindung.contribution.ContributionLine;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Programme;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** The JHT payout case of a quote: the reason's conditions, and the balance of contributions and returns it pays. */
final class JhtPayout {

    private static final RoundingMode ROUNDING = BenefitCalculator.ROUNDING;

    private final RegulationCatalog catalog;
    private final ContributionCalculator contributions;
    private final ReturnCrediting crediting;

    JhtPayout(RegulationCatalog catalog, ContributionCalculator contributions, ReturnCrediting crediting) {
        this.catalog = catalog;
        this.contributions = contributions;
        this.crediting = crediting;
    }

    void jhtPayout(QuoteInProgress q) {
        BenefitRequest.JhtFacts facts = q.request.jht();
        if (facts == null || facts.contributionStart() == null) {
            throw new MissingFactException(facts == null ? "reason" : "contributionStart", null,
                    "reason and contributionStart (first contribution month) are required for JHT_PAYOUT");
        }
        BenefitCalculator.JhtBalance balance = jhtBalance(q.request.segment(), q.request.date(), facts.contributionStart(), monthlyWages(q.request));
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

    /** {@link BenefitCalculator#jhtBalance}: the contributions as billed month by month, and their returns. */
    BenefitCalculator.JhtBalance jhtBalance(Segment segment, LocalDate date, YearMonth start, List<Rupiah> wages) {
        catalog.requireProgramme(Programme.JHT, start.atDay(1));
        YearMonth payoutMonth = YearMonth.from(date);
        YearMonth last = start.plusMonths(wages.size() - 1L);
        if (!last.isBefore(payoutMonth)) {
            throw new RejectedException("JHT_MONTHS_IMPOSSIBLE", "contributions up to " + last
                    + " cannot be in a balance paid in " + payoutMonth + " (the last contribution month must be before the payout month)");
        }
        Set<Reference> contributionRefs = new LinkedHashSet<>();
        Set<Reference> returnRefs = new LinkedHashSet<>();
        List<ReturnCrediting.Credit> credits = new ArrayList<>();
        Rupiah contributed = Rupiah.ZERO;
        for (int i = 0; i < wages.size(); i++) {
            YearMonth month = start.plusMonths(i);
            ContributionLine line = segment == Segment.BPU
                    ? contributions.schedule(month).bpuLine(Programme.JHT, wages.get(i))
                    : contributions.schedule(month).puLine(Programme.JHT, wages.get(i), null, false);
            credits.add(new ReturnCrediting.Credit(month.plusMonths(1), line.total()));
            contributed = contributed.plus(line.total());
            contributionRefs.addAll(line.references());
        }
        Rupiah returns = crediting.returns(credits, date, "jht.returnRate", "jht.returnCrediting", returnRefs);
        return new BenefitCalculator.JhtBalance(contributed, returns, List.copyOf(contributionRefs), List.copyOf(returnRefs));
    }
}
