package id.lindung.coverage.web;

import id.lindung.access.AuditLog;
import id.lindung.coverage.Coverage;
import id.lindung.coverage.CoverageDates;
import id.lindung.coverage.CoverageIndicators;
import id.lindung.coverage.DesaSadarVillages;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/coverage")
@Tag(name = "Cakupan / Coverage", description = "Coverage indicators for any region and date (definitions: docs/coverage.md)")
class CoverageApiController {

    private final CoverageIndicators indicators;
    private final AuditLog audit;

    CoverageApiController(CoverageIndicators indicators, AuditLog audit) {
        this.indicators = indicators;
        this.audit = audit;
    }

    @Operation(summary = "The indicators of a region on a date (default: your scope, today in Asia/Jakarta); 404 outside your scope")
    @GetMapping
    Coverage of(@RequestParam(required = false) String region,
                @RequestParam(required = false) String date, @RequestParam(required = false) String periodFrom,
                @RequestParam(required = false) String periodTo) {
        return indicators.of(region, CoverageDates.parse("date", date), CoverageDates.parse("periodFrom", periodFrom),
                CoverageDates.parse("periodTo", periodTo));
    }

    @Operation(summary = "The same object for each child region (periodFrom and periodTo set the money period, as for the region)")
    @GetMapping("/children")
    List<Coverage> children(@RequestParam(required = false) String region,
                            @RequestParam(required = false) String date, @RequestParam(required = false) String periodFrom,
                            @RequestParam(required = false) String periodTo) {
        return indicators.children(region, CoverageDates.parse("date", date), CoverageDates.parse("periodFrom", periodFrom),
                CoverageDates.parse("periodTo", periodTo));
    }

    @Operation(summary = "One object per month end from YYYY-MM to YYYY-MM (at most 60 months; the current month on today)")
    @GetMapping("/trend")
    List<Coverage> trend(@RequestParam(required = false) String region, @RequestParam String from, @RequestParam String to) {
        // both months judged before either is refused, so that a client sees every field at fault at once
        java.util.List<InputProblem> problems = new java.util.ArrayList<>();
        YearMonth first = month("from", from, problems);
        YearMonth last = month("to", to, problems);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return indicators.trend(region, first, last);
    }

    @Operation(summary = "Every desa of the region with its Desa Sadar Jamsostek status and who it misses (NIKs masked for masked roles)")
    @GetMapping("/desa-sadar")
    DesaSadarVillages desaSadar(@RequestParam(required = false) String region,
                                @RequestParam(required = false) String date, @RequestParam(required = false) String status) {
        DesaSadarVillages list = indicators.desaSadar(region, CoverageDates.parse("date", date), status(status));
        DesaSadarDisclosure.audit(audit, list, "json");
        return list;
    }

    /** The month, or null with its problem added: REQUIRED when empty (as when absent), MONTH_INVALID when not YYYY-MM. */
    private static YearMonth month(String field, String text, java.util.List<InputProblem> problems) {
        if (text.isBlank()) {
            problems.add(InputProblem.of(field, "REQUIRED", field + " is required (YYYY-MM)"));
            return null;
        }
        try {
            return YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            problems.add(InputProblem.of(field, "MONTH_INVALID", field + " '" + InputProblem.shown(text)
                    + "' is not a month YYYY-MM"));
            return null;
        }
    }

    private static DesaSadarVillages.Status status(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return DesaSadarVillages.Status.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "STATUS_INVALID", "status '" + InputProblem.shown(text)
                    + "' is not SADAR, NEAR or NO");
        }
    }
}
