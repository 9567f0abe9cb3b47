package id.lindung.benefit;

import id.lindung.regulation.Reference;
import id.lindung.shared.Rupiah;
import java.util.List;

/**
 * One cash component: LUMP_SUM, PERIODIC, FUNERAL, DEATH_COMPENSATION, DISABILITY_COMPENSATION,
 * WAGE_REPLACEMENT, MONTHLY_PENSION or SCHOLARSHIP_MAX (a ceiling, paid yearly as children study).
 */
public record BenefitComponent(String code, Rupiah amount, List<Reference> references) {}
