package id.lindung.coverage.web;

import id.lindung.access.CurrentActor;
import id.lindung.access.RegionScope;
import id.lindung.coverage.MonevReport;
import id.lindung.coverage.MonevReports;
import id.lindung.platform.Formats;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.platform.TableDownload;
import id.lindung.region.Region;
import id.lindung.region.RegionLevel;
import id.lindung.region.Regions;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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
    private final Regions regions;

    MonevController(MonevReports reports, MessageSource messages, Formats formats, CurrentActor currentActor, Regions regions) {
        this.regions = regions;
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
        // the semester's shape and the format judged together: every field at fault at once (api-errors.md)
        java.util.List<InputProblem> problems = new java.util.ArrayList<>();
        if (semester == null || semester.isBlank()) {
            problems.add(InputProblem.of("semester", "REQUIRED", "semester is required, e.g. 2025-1"));
        } else {
            try {
                MonevReports.Semester.parse(semester);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
            }
        }
        String f = format.strip().toLowerCase(Locale.ROOT);
        if (!f.equals("pdf") && !f.equals("xlsx") && !f.equals("json")) {
            problems.add(InputProblem.of("format", "FORMAT_UNKNOWN", "format must be pdf, xlsx or json"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        MonevReport report = reports.report(region, semester);
        if (f.equals("json")) {
            return ResponseEntity.ok(report);
        }
        return document(report, f);
    }

    /** The report as a PDF or XLSX attachment, in the request's language. */
    private ResponseEntity<byte[]> document(MonevReport report, String format) {
        Locale locale = LocaleContextHolder.getLocale();
        Function<String, String> label = key -> messages.getMessage(key, null, key, locale);
        byte[] body = format.equals("pdf") ? MonevDocuments.pdf(report, label, formats) : MonevDocuments.xlsx(report, label);
        return ResponseEntity.ok()
                .contentType(format.equals("pdf") ? MediaType.APPLICATION_PDF : TableDownload.XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                        .filename("monev-" + report.region() + "-" + report.semester() + "." + format).build().toString())
                .body(body);
    }

    @GetMapping("/cakupan/monev")
    String page(@RequestParam(required = false) String region, Model model) {
        var scope = currentActor.get().scope();
        String chosen = region == null || region.isBlank() ? (scope.isNational() ? "" : scope.code()) : region.strip();
        return form(chosen, null, "pdf", List.of(), model);
    }

    /**
     * The page's form lands here rather than on the API: a report that can be made downloads as the API's would; one
     * that cannot (a district, a region outside the scope, a semester not begun) shows the form again, as filled in,
     * with the reason in the page's language instead of the API's problem document.
     */
    @GetMapping("/cakupan/monev/unduh")
    Object download(@RequestParam(defaultValue = "") String region, @RequestParam(defaultValue = "") String semester,
                    @RequestParam(defaultValue = "pdf") String format, Model model, HttpServletResponse response) {
        String f = format.strip().toLowerCase(Locale.ROOT);
        List<InputProblem> problems = new ArrayList<>();
        if (!f.equals("pdf") && !f.equals("xlsx")) {
            problems.add(InputProblem.of("format", "FORMAT_UNKNOWN", "format must be pdf or xlsx"));
        }
        if (region.isBlank()) {
            problems.add(InputProblem.of("region", "REQUIRED", "region is required"));
        }
        if (semester.isBlank()) {
            problems.add(InputProblem.of("semester", "REQUIRED", "semester is required"));
        }
        int status = HttpServletResponse.SC_BAD_REQUEST;
        if (problems.isEmpty()) {
            try {
                return document(reports.report(regionCode(region), semester), f);
            } catch (InvalidInputException e) {
                problems.addAll(e.problems());
                status = e.kind().status();
            } catch (NotFoundException e) {
                problems.add(InputProblem.of("region", "REGION_UNKNOWN", e.getMessage()));
                status = HttpServletResponse.SC_NOT_FOUND;
            }
        }
        response.setStatus(status);
        return form(region.strip(), semester.strip(), f, problems, model);
    }

    private String form(String region, String semester, String format, List<InputProblem> problems, Model model) {
        var scope = currentActor.get().scope();
        List<String> semesters = reports.recentSemesters(6);
        model.addAttribute("region", region);
        model.addAttribute("semester", semester == null || !semesters.contains(semester) ? semesters.get(0) : semester);
        model.addAttribute("format", format);
        model.addAttribute("semesters", semesters);
        model.addAttribute("regionGroups", reportableRegions(scope));
        model.addAttribute("problems", problems);
        return "coverage/monev";
    }

    /** What an officer types may be a name from the list instead of a code: the code of the region so named. */
    private String regionCode(String text) {
        String t = text.strip();
        if (t.isEmpty() || Character.isDigit(t.charAt(0))) {
            return t;
        }
        List<Region> named = reportableRegions(currentActor.get().scope()).stream().flatMap(g -> g.regions().stream())
                .filter(r -> r.name().equalsIgnoreCase(t) || r.name().toLowerCase(Locale.ROOT).endsWith(" " + t.toLowerCase(Locale.ROOT)))
                .toList();
        // "Kutai Kartanegara" names Kabupaten Kutai Kartanegara; "Bogor" names two regions and stays as typed
        return named.size() == 1 ? named.get(0).code() : t;
    }

    /** A province (or the regency a scope is limited to) and the regions of it a report can be made for. */
    record RegionGroup(String label, List<Region> regions) {}

    /**
     * The regions the user may report on: the provinces and regencies/cities of their scope, grouped by province (a
     * regency-scoped user has the one regency; a district or village scope has none, since the report is made for a
     * province or regency).
     */
    List<RegionGroup> reportableRegions(RegionScope scope) {
        List<Region> provinces = regions.within(scope, RegionLevel.PROVINCE);
        List<Region> regencies = regions.within(scope, RegionLevel.REGENCY);
        Map<String, List<Region>> byProvince = new LinkedHashMap<>();
        for (Region p : provinces) {
            byProvince.computeIfAbsent(p.code(), k -> new ArrayList<>()).add(p);
        }
        for (Region r : regencies) {
            byProvince.computeIfAbsent(r.parentCode(), k -> new ArrayList<>()).add(r);
        }
        Map<String, String> provinceNames = regions.names(byProvince.keySet());
        List<RegionGroup> groups = new ArrayList<>();
        byProvince.forEach((province, list) -> groups.add(new RegionGroup(provinceNames.getOrDefault(province, province), list)));
        return groups;
    }
}
