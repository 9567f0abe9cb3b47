package id.lindung.coverage.web;

import id.lindung.access.CurrentActor;
import id.lindung.coverage.MonevReport;
import id.lindung.coverage.MonevReports;
import id.lindung.platform.Formats;
import id.lindung.platform.InvalidInputException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Locale;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** The Inpres 2/2021 monitoring and evaluation report: the API (PDF, XLSX or JSON) and the page that offers it. */
@Controller
@Tag(name = "Laporan / Reports", description = "The Inpres 2/2021 monitoring and evaluation report")
class MonevController {

    private final MonevReports reports;
    private final MessageSource messages;
    private final Formats formats;
    private final CurrentActor currentActor;

    MonevController(MonevReports reports, MessageSource messages, Formats formats, CurrentActor currentActor) {
        this.reports = reports;
        this.messages = messages;
        this.formats = formats;
        this.currentActor = currentActor;
    }

    @GetMapping("/api/v1/reports/monev")
    @ResponseBody
    @Operation(summary = "The Inpres 2/2021 monitoring report of a province or regency in your scope for a semester "
            + "(2025-1 = January-June, 2025-2 = July-December): format=pdf (default), xlsx or json; lang=id|en")
    ResponseEntity<?> report(@RequestParam(required = false) String region, @RequestParam(required = false) String semester,
                             @RequestParam(defaultValue = "pdf") String format) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("pdf") && !f.equals("xlsx") && !f.equals("json")) {
            throw new InvalidInputException("format", "FORMAT_UNKNOWN", "format must be pdf, xlsx or json");
        }
        if (semester == null || semester.isBlank()) {
            throw new InvalidInputException("semester", "REQUIRED", "semester is required, e.g. 2025-1");
        }
        MonevReport report = reports.report(region, semester);
        if (f.equals("json")) {
            return ResponseEntity.ok(report);
        }
        Locale locale = LocaleContextHolder.getLocale();
        Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        byte[] body = f.equals("pdf") ? MonevDocuments.pdf(report, label, formats) : MonevDocuments.xlsx(report, label);
        return ResponseEntity.ok()
                .contentType(f.equals("pdf") ? MediaType.APPLICATION_PDF : TableDownload.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("monev-" + report.region() + "-" + report.semester() + "." + f).build().toString())
                .body(body);
    }

    @GetMapping("/cakupan/monev")
    String page(@RequestParam(required = false) String region, Model model) {
        var scope = currentActor.get().scope();
        model.addAttribute("region", region == null || region.isBlank() ? (scope.isNational() ? "" : scope.code()) : region.strip());
        model.addAttribute("semesters", reports.recentSemesters(6));
        return "coverage/monev";
    }
}
