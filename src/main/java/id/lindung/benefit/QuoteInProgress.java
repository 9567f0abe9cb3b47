package id.lindung.benefit;

import id.lindung.contribution.ContributionCalculator;
import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Reference;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.shared.RejectedException;
import id.lindung.shared.Rejection;
import id.lindung.shared.Rupiah;
import id.lindung.shared.Segment;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/** A quote being built: the request, the components so far and the rejections so far. */
final class QuoteInProgress {
    final BenefitRequest request;
    final List<BenefitComponent> components = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();
    final java.util.Set<Reference> rejectionReferences = new LinkedHashSet<>();
    private final RegulationCatalog catalog;
    private final ContributionCalculator contributions;

    QuoteInProgress(BenefitRequest request, RegulationCatalog catalog, ContributionCalculator contributions) {
        this.request = request;
        this.catalog = catalog;
        this.contributions = contributions;
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
