package id.lindung.quote.web;

import id.lindung.quote.BenefitQuoteInput;
import id.lindung.quote.ContributionQuoteInput;
import id.lindung.quote.QuoteDocuments;
import id.lindung.quote.Quotes;
import id.lindung.regulation.ProgrammeNotYetInForceException;
import id.lindung.shared.RejectedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/quotes")
@Tag(name = "Simulasi / Quotes", description = "Contribution and benefit quotes from the regulation catalog")
class QuoteApiController {

    private final Quotes quotes;

    QuoteApiController(Quotes quotes) {
        this.quotes = quotes;
    }

    @Operation(summary = "Monthly contribution per programme with employer and worker shares and references")
    @PostMapping("/contribution")
    QuoteDocuments.Contribution contribution(@RequestBody ContributionQuoteInput input) {
        return quotes.contribution(input);
    }

    @Operation(summary = "Benefit components of a case, with rejections by stable code")
    @PostMapping("/benefit")
    QuoteDocuments.Benefit benefit(@RequestBody BenefitQuoteInput input) {
        return quotes.benefit(input);
    }

    /** A request the rules refuse as a whole: 422 with its stable code. */
    @ExceptionHandler(RejectedException.class)
    ResponseEntity<ProblemDetail> rejected(RejectedException e) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        body.setProperty("code", e.code());
        if (e instanceof ProgrammeNotYetInForceException notYet) {
            body.setProperty("programme", notYet.programme().name());
            body.setProperty("inForceFrom", notYet.inForceFrom().toString());
        }
        return ResponseEntity.unprocessableContent().body(body);
    }
}
