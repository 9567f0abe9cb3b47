package id.lindung.claim.web;

import id.lindung.claim.ClaimCase;
import id.lindung.platform.ProblemLanguage;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * An eligibility decision in a reader's language, the one rule for the case page ({@code @claimDecisionText.of(d, #locale)}),
 * the case file (PDF) and the API answer: a passed check by its code's text placing the values its English sentence names
 * ({@code claim.check.<CODE>.<n>}, else {@code claim.check.<CODE>}), a failed one by the
 * claim's or the simulation's sentence when it names every value the decision names, else by one that places them (the
 * dates of a late report); the decision's own (English) message only for a code no bundle knows.
 */
@Component
public class ClaimDecisionText {

    private static final List<String> OWN = List.of("claim.code.", "simulation.rejection.");

    private final MessageSource messages;
    private final ProblemLanguage problems;

    ClaimDecisionText(MessageSource messages, ProblemLanguage problems) {
        this.messages = messages;
        this.problems = problems;
    }

    public String of(ClaimCase.Decision d, Locale locale) {
        if (d.passed()) {
            // the check with what the English sentence names (the status and date of protection, the membership's start),
            // placed in the reader's language; the code's general text for a check that names nothing
            String placed = problems.placing("claim.check." + d.code(), d.message(), locale);
            return placed != null ? statusInWords(placed, locale) : messages.getMessage("claim.check." + d.code(), null, d.message(), locale);
        }
        return problems.onPage(d.code(), d.message(), locale, OWN);
    }

    /**
     * A protection status the English sentence names by its code ("status PROTECTED") in the words the protection page
     * uses ("terlindungi", "protected"): a reader of either language sees no code.
     */
    private String statusInWords(String sentence, Locale locale) {
        String out = sentence;
        for (id.lindung.shared.ProtectionStatus s : id.lindung.shared.ProtectionStatus.values()) {
            String words = messages.getMessage("billing.status." + s.name(), null, null, locale);
            if (words != null) {
                out = out.replaceAll("\\b" + s.name() + "\\b", java.util.regex.Matcher.quoteReplacement(words.toLowerCase(locale)));
            }
        }
        return out;
    }
}
