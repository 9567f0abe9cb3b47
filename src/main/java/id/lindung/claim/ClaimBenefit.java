package id.lindung.claim;

import id.lindung.benefit.BenefitCalculator;
import id.lindung.benefit.BenefitQuote;
import id.lindung.benefit.BenefitRequest;
import id.lindung.benefit.JhtReason;
import id.lindung.benefit.MissingFactException;
import id.lindung.benefit.PensionFacts;
import id.lindung.claim.ClaimCase.Component;
import id.lindung.claim.ClaimCase.Decision;
import id.lindung.claim.ClaimCase.Effect;
import id.lindung.platform.InvalidInputException;
import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * The benefit of a case by the existing {@link BenefitCalculator} with the regulation in force on the incident date
 * (JKK_MEDICAL, which the calculator does not quote, from the same regulation data: care as claimed, transport as
 * claimed up to the ceiling of its mode). The calculator's rejections become decisions: they refuse the case when
 * nothing is payable, else they are warnings beside the components that are.
 */
final class ClaimBenefit {

    /**
     * What the case is computed from. {@code history}: the programme's covered months (JHT, JP, JKP); {@code paid}: the
     * JP contributions billing settled for the worker per month, both shares (JP, for a lump sum).
     */
    record Input(ClaimType type, LocalDate incidentDate, Segment segment, Rupiah wage, LocalDate membershipStart,
                 int scholarshipChildren, ClaimRequests.Open request, List<ContributionHistory.Month> history,
                 LocalDate birthDate, boolean deceased, List<PensionFacts.Paid> paid) {

        Input {
            paid = paid == null ? List.of() : List.copyOf(paid);
        }
    }

    /** The components, the cash total and the calculator's refusals. */
    record Result(List<Component> components, Rupiah total, List<Decision> decisions) {}

    private final BenefitCalculator calculator;
    private final RegulationCatalog catalog;

    ClaimBenefit(BenefitCalculator calculator, RegulationCatalog catalog) {
        this.calculator = calculator;
        this.catalog = catalog;
    }

    Result compute(Input in) {
        if (in.type() == ClaimType.JKK_MEDICAL) {
            return medical(in);
        }
        BenefitQuote quote;
        try {
            quote = calculator.quote(request(in));
        } catch (MissingFactException e) {
            throw new InvalidInputException(e.field(), e.code(), e.getMessage());
        }
        List<Component> components = quote.components().stream()
                .map(c -> new Component(c.code(), c.amount(), c.references())).toList();
        List<Decision> decisions = new ArrayList<>();
        for (var r : quote.rejections()) {
            boolean scholarship = r.code().startsWith("SCHOLARSHIP_");
            if (!scholarship) {
                decisions.add(Eligibility.fail(r.code(), r.message(), quote.eligible() ? Effect.WARNING : Effect.REFUSES_CASE));
            }
        }
        return new Result(components, quote.total(), decisions);
    }

    private BenefitRequest request(Input in) {
        ClaimRequests.Open r = in.request();
        ClaimRequests.Facts f = r.facts() == null ? ClaimRequests.Facts.NONE : r.facts();
        return switch (in.type()) {
            case JKM_DEATH, JKK_DEATH, JKK_TOTAL_DISABILITY -> BenefitRequest.of(in.type().benefitCase(), in.incidentDate(),
                    in.segment(), in.wage()).withChildren(in.scholarshipChildren(), in.membershipStart());
            case JKK_PARTIAL_DISABILITY -> BenefitRequest.of(in.type().benefitCase(), in.incidentDate(), in.segment(), in.wage())
                    .withPercent(r.percent());
            case JKK_TEMPORARY_DISABILITY -> BenefitRequest.of(in.type().benefitCase(), in.incidentDate(), in.segment(), in.wage())
                    .withMonths(r.months());
            case JP_OLD_AGE -> pension(in, f);
            case JKP -> {
                YearMonth month = YearMonth.from(in.incidentDate());
                List<ContributionHistory.Month> last24 = in.history().stream()
                        .filter(m -> !m.month().isBefore(month.minusMonths(24))).toList();
                int months24 = f.contributionMonths24() != null ? f.contributionMonths24() : last24.size();
                Integer consecutive = f.consecutiveMonths() != null ? f.consecutiveMonths()
                        : f.contributionMonths24() != null ? null : ContributionHistory.longestRun(last24);
                yield BenefitRequest.jobLoss(in.incidentDate(), in.wage(), months24).withSegment(in.segment())
                        .withConsecutiveMonths(consecutive);
            }
            case JHT -> jht(in, f);
            case JKK_MEDICAL -> throw new IllegalStateException("JKK_MEDICAL is computed by the claim");
        };
    }

    /**
     * JP old age. Below the months of a monthly pension the lump sum pays back the JP contributions recorded in Lindung
     * (what billing settled for the worker); contributions paid before Lindung's history are given as facts: from
     * {@code facts.contributionStart}, {@code facts.contributionMonths} months at the average wage, followed by the
     * months Lindung recorded after them. Months given without the month they start in cannot be paid back and are
     * refused by field ({@code JP_CONTRIBUTION_START_REQUIRED}), never passed over for Lindung's shorter history.
     */
    private BenefitRequest pension(Input in, ClaimRequests.Facts f) {
        Rupiah average = f.averageWage() != null ? Rupiah.of(f.averageWage()) : ContributionHistory.averageWage(in.history());
        YearMonth start = f.contributionMonths() != null ? f.contributionStart() : null;
        if (start != null) {
            YearMonth lastFact = start.plusMonths(f.contributionMonths() - 1L);
            List<PensionFacts.Paid> later = in.paid().stream().filter(p -> p.month().isAfter(lastFact)).toList();
            long laterMonths = in.history().stream().filter(m -> m.month().isAfter(lastFact)).count();
            return BenefitRequest.pension(in.incidentDate(), f.contributionMonths() + (int) laterMonths, average)
                    .withSegment(in.segment()).withPension(new PensionFacts(in.birthDate(), start, later, f.contributionMonths()));
        }
        // the pension's months named, so the page's sentence can say both numbers in either language
        java.util.Optional<Integer> pensionMonths = f.contributionMonths() == null ? java.util.Optional.empty()
                : catalog.find("jp.minContributionMonths", in.incidentDate()).map(v -> v.whole()).filter(min -> f.contributionMonths() < min);
        if (pensionMonths.isPresent()) {
            throw InvalidInputException.refused("facts.contributionStart", "JP_CONTRIBUTION_START_REQUIRED",
                    "facts.contributionMonths " + f.contributionMonths() + " is below a monthly pension's " + pensionMonths.get()
                            + " months: the lump sum"
                            + " pays back contributions month by month, so give facts.contributionStart (the first month, with"
                            + " facts.averageWage) or leave facts.contributionMonths out to pay back the JP contributions"
                            + " recorded in Lindung (" + in.history().size() + " month(s))");
        }
        int months = f.contributionMonths() != null ? f.contributionMonths() : in.history().size();
        return BenefitRequest.pension(in.incidentDate(), months, average).withSegment(in.segment())
                .withPension(new PensionFacts(in.birthDate(), null, in.paid()));
    }

    private BenefitRequest jht(Input in, ClaimRequests.Facts f) {
        JhtReason reason = f.jhtReason() != null ? f.jhtReason() : in.deceased() ? JhtReason.DEATH : null;
        if (reason == null) {
            throw new InvalidInputException("facts.jhtReason", "REQUIRED", "facts.jhtReason is required for a JHT case: "
                    + java.util.Arrays.toString(JhtReason.values()));
        }
        boolean partial = Boolean.TRUE.equals(f.partialClaimed());
        if (f.contributionStart() != null && f.contributionMonths() != null) {
            return BenefitRequest.jhtPayout(in.incidentDate(), in.segment(), in.wage(), f.contributionMonths(), in.membershipStart(),
                    new BenefitRequest.JhtFacts(reason, in.birthDate(), f.employmentEnd(), f.contributionStart(), List.of(), partial));
        }
        if (in.history().isEmpty()) {
            throw InvalidInputException.refused("facts.contributionStart", "JHT_NO_CONTRIBUTION_MONTHS",
                    "The JHT terms cover no month before " + YearMonth.from(in.incidentDate())
                            + ": give facts.contributionStart and facts.contributionMonths");
        }
        List<Rupiah> wages = in.history().stream().map(ContributionHistory.Month::wage).toList();
        return BenefitRequest.jhtPayout(in.incidentDate(), in.segment(), null, wages.size(), in.membershipStart(),
                new BenefitRequest.JhtFacts(reason, in.birthDate(), f.employmentEnd(), in.history().get(0).month(), wages, partial));
    }

    /** Care as claimed (no cap, PP 82/2019) and transport as claimed up to its mode's ceiling in force on the date. */
    private Result medical(Input in) {
        ClaimRequests.ClaimedCosts costs = in.request().claimedCosts();
        if (costs == null || (costs.medical() == null && costs.transport() == null)) {
            throw new InvalidInputException("claimedCosts", "REQUIRED", "claimedCosts.medical and/or claimedCosts.transport is required for JKK_MEDICAL");
        }
        catalog.requireProgramme(in.type().programme(), in.incidentDate());
        List<Component> components = new ArrayList<>();
        if (costs.medical() != null) {
            // the claimed cost whole, since the rule is care as medically needed with no cap: the component cites it
            List<Reference> refs = catalog.find("jkk.medicalCare.basis", in.incidentDate()).map(c -> List.of(c.reference())).orElse(List.of());
            components.add(new Component("MEDICAL_CARE", Rupiah.of(costs.medical(), RoundingMode.HALF_UP), refs));
        }
        if (costs.transport() != null) {
            ClaimRequests.TransportMode mode = in.request().facts() == null || in.request().facts().transportMode() == null
                    ? ClaimRequests.TransportMode.LAND : in.request().facts().transportMode();
            Rupiah claimed = Rupiah.of(costs.transport(), RoundingMode.HALF_UP);
            var cap = catalog.find("jkk.transport." + mode.name().toLowerCase(java.util.Locale.ROOT) + ".max", in.incidentDate());
            Rupiah paid = cap.map(DatedValue::rupiah).map(claimed::min).orElse(claimed);
            List<Reference> refs = cap.map(c -> List.of(c.reference())).orElse(List.of());
            components.add(new Component("TRANSPORT", paid, refs));
        }
        Rupiah total = components.stream().map(Component::amount).reduce(Rupiah.ZERO, Rupiah::plus);
        return new Result(components, total, List.of());
    }

    /** The scholarship table in force on the incident date. */
    ScholarshipSchedule.Table scholarshipTable(ClaimType type, LocalDate date) {
        String rule = catalog.valueOn("scholarship.rule", date).code();
        int maxChildren = catalog.valueOn("scholarship.maxChildren", date).whole();
        int maxAge = catalog.find("scholarship.maxAge", date).map(DatedValue::whole).orElse(23);
        if ("FLAT_PER_CHILD".equals(rule)) {
            String id = type == ClaimType.JKM_DEATH ? "jkm.scholarship.legacyAmount" : "jkk.scholarship.legacyAmount";
            return new ScholarshipSchedule.Table(true, catalog.valueOn(id, date).rupiah(), java.util.Map.of(), java.util.Map.of(),
                    maxChildren, maxAge);
        }
        java.util.Map<String, Rupiah> perYear = new java.util.HashMap<>();
        java.util.Map<String, Integer> years = new java.util.HashMap<>();
        for (String row : ScholarshipSchedule.ROWS) {
            perYear.put(row, catalog.valueOn("scholarship." + row + ".perYear", date).rupiah());
            years.put(row, catalog.valueOn("scholarship." + row + ".years", date).whole());
        }
        return new ScholarshipSchedule.Table(false, null, perYear, years, maxChildren, maxAge);
    }

    /** The scholarship numbers the eligibility policies need on a date (defaults where the data has none). */
    OpeningClaims.ScholarshipLimits scholarshipLimits(LocalDate date) {
        int minYears = catalog.find("scholarship.jkm.minMembershipYears", date).map(DatedValue::whole).orElse(3);
        int maxChildren = catalog.find("scholarship.maxChildren", date).map(DatedValue::whole).orElse(2);
        int maxAge = catalog.find("scholarship.maxAge", date).map(DatedValue::whole).orElse(23);
        return new OpeningClaims.ScholarshipLimits(minYears, maxChildren, maxAge);
    }

    String regulationVersion() {
        return catalog.version();
    }
}
