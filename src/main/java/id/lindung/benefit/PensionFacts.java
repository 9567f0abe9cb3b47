package id.lindung.benefit;

import id.lindung.shared.Rupiah;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * What a JP old-age case knows of the person beyond the months and the average wage: the birth date, for the pension
 * age of PP 45/2015 Pasal 15, and the contributions paid back as a lump sum when the months are fewer than a monthly
 * pension needs (RULES.md 4.5). The contributions are either those paid for the worker month by month ({@code paid},
 * both shares, as billing settled them), or, from {@code contributionStart}, months at the request's average wage, each
 * month's JP line in full, as a JHT balance from given facts is, followed by the {@code paid} months after them: the
 * earlier contributions given as facts when Lindung's history starts later.
 *
 * @param birthDate         null: the pension age is not checked
 * @param contributionStart the first of the contribution months given as facts; null to pay back {@code paid} alone
 * @param paid              the JP contributions paid per contribution month (both shares), oldest first; with a
 *                          {@code contributionStart}, only months after the facts' months
 * @param factMonths        with a {@code contributionStart}, how many of the request's months are given as facts; null
 *                          for all of them
 */
public record PensionFacts(LocalDate birthDate, YearMonth contributionStart, List<Paid> paid, Integer factMonths) {

    public PensionFacts {
        paid = paid == null ? List.of() : List.copyOf(paid);
    }

    /** All of the request's months from {@code contributionStart} (or none, without one), and {@code paid}. */
    public PensionFacts(LocalDate birthDate, YearMonth contributionStart, List<Paid> paid) {
        this(birthDate, contributionStart, paid, null);
    }

    /** What was paid for one contribution month, employer and worker share together. */
    public record Paid(YearMonth month, Rupiah amount) {

        public Paid {
            Objects.requireNonNull(month, "month");
            Objects.requireNonNull(amount, "amount");
        }
    }
}
