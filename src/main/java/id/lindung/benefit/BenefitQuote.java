package id.lindung.benefit;

import id.lindung.regulation.Reference;
import id.lindung.shared.Rejection;
import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.util.List;

/**
 * The components a person is entitled to and, separately, those refused with a code.
 *
 * @param eligible true when at least one component is payable
 * @param total    sum of the cash components (a MONTHLY_PENSION counts one month); SCHOLARSHIP_MAX, a ceiling paid
 *                 over the years of schooling, is not included
 * @param rejectionReferences the regulation values the refused components rested on (a refusal by an unverified value
 *                 is flagged as unverified, as a payment by one is)
 */
public record BenefitQuote(BenefitCase benefitCase, LocalDate date, boolean eligible, List<BenefitComponent> components,
                           List<Rejection> rejections, Rupiah total, List<Reference> rejectionReferences) {

    public BenefitQuote(BenefitCase benefitCase, LocalDate date, boolean eligible, List<BenefitComponent> components,
                        List<Rejection> rejections, Rupiah total) {
        this(benefitCase, date, eligible, components, rejections, total, List.of());
    }
}
