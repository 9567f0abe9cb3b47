package id.lindung.quote.web;

import id.lindung.quote.BenefitQuoteInput;
import id.lindung.quote.ContributionQuoteInput;
import id.lindung.quote.QuoteDocuments;
import id.lindung.quote.Quotes;
import id.lindung.platform.ProblemLanguage;
import id.lindung.shared.Rejection;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quotes")
@Tag(name = "Simulasi / Quotes", description = "Contribution and benefit quotes from the regulation catalog")
class QuoteApiController {

    private final Quotes quotes;
    private final ProblemLanguage language;

    QuoteApiController(Quotes quotes, ProblemLanguage language) {
        this.quotes = quotes;
        this.language = language;
    }

    @Operation(summary = "Monthly contribution per programme with employer and worker shares and references")
    @PostMapping("/contribution")
    QuoteDocuments.Contribution contribution(@RequestBody ContributionQuoteInput input) {
        return quotes.contribution(input);
    }

    /** A component's refusal names the component first ({@code SCHOLARSHIP_MAX: the JKM scholarship needs ...}): kept, the rest translated. */
    private static final Pattern COMPONENT = Pattern.compile("^([A-Z][A-Z0-9_]*): (.*)$", Pattern.DOTALL);

    private String message(Rejection r, Locale locale) {
        Matcher component = COMPONENT.matcher(r.message() == null ? "" : r.message());
        return component.matches() ? component.group(1) + ": " + language.inLanguage(r.code(), component.group(2), locale)
                : language.inLanguage(r.code(), r.message(), locale);
    }

    @Operation(summary = "Benefit components of a case, with rejections by stable code")
    @PostMapping("/benefit")
    QuoteDocuments.Benefit benefit(@RequestBody BenefitQuoteInput input, Locale locale) {
        QuoteDocuments.Benefit benefit = quotes.benefit(input);
        // each rejection in the client's language with the values its English sentence names, as warnings are; codes kept
        List<Rejection> rejections = benefit.rejections().stream().map(r -> new Rejection(r.code(), message(r, locale))).toList();
        return new QuoteDocuments.Benefit(benefit.benefitCase(), benefit.date(), benefit.eligible(), benefit.components(), rejections,
                benefit.total(), benefit.unverified());
    }
}
