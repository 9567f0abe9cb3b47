package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.platform.ApiProblems;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import id.lindung.registry.WorkerCategories;
import id.lindung.registry.Workers;
import id.lindung.shared.Programme;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The filtered worker list as CSV or XLSX, for the page and the API. Every export is audited ({@link AuditLog#exported}):
 * who took which list, with which filter, how many rows, and whether the download completed.
 */
@Controller
class WorkerExportController {

    private final Workers workers;
    private final CurrentActor currentActor;
    private final WorkerCategories categories;
    private final AuditLog audit;

    WorkerExportController(Workers workers, CurrentActor currentActor, WorkerCategories categories, AuditLog audit) {
        this.workers = workers;
        this.currentActor = currentActor;
        this.categories = categories;
        this.audit = audit;
    }

    /**
     * An export refused before its first byte (a search a masked role may not make) answers 400 with the reason:
     * as text to a browser, as the API's problem under /api.
     */
    @ExceptionHandler(InvalidInputException.class)
    ResponseEntity<?> refused(InvalidInputException e, HttpServletRequest request) {
        if (ApiProblems.isApi(request)) {
            return ApiProblems.response(ApiProblems.of(e));
        }
        return ResponseEntity.badRequest().contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    /**
     * The list as {@code csv} or {@code xlsx}; GET, or POST from the list page of a search by NIK digits, so that the
     * digits stay out of the URL.
     */
    @RequestMapping(value = {"/pekerja/ekspor.{format}", "/api/v1/workers/export.{format}"}, method = {RequestMethod.GET, RequestMethod.POST})
    void export(@PathVariable String format, @RequestParam(required = false) String region,
                @RequestParam(required = false) String category, @RequestParam(required = false) Programme program,
                @RequestParam(required = false) String payer, @RequestParam(required = false) String status,
                @RequestParam(required = false) String q, @RequestParam(required = false) String delimiter,
                HttpServletResponse response) throws IOException {
        CsvDialect dialect = CsvDialect.of(delimiter);
        var query = new Workers.Query(region, categories.parse("category", category), program, payer, status, q);
        switch (format) {
            case "csv" -> export("csv", query, response, "text/csv; charset=UTF-8",
                    (qu, actor, out) -> WorkerExport.csv(workers, qu, actor.scope(), actor, dialect, out));
            case "xlsx" -> export("xlsx", query, response, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    (qu, actor, out) -> WorkerExport.xlsx(workers, qu, actor.scope(), actor, out));
            default -> throw new NotFoundException("No export as '" + id.lindung.platform.InputProblem.shown(format) + "': csv or xlsx");
        }
    }

    interface Writer {
        long write(Workers.Query query, Actor actor, OutputStream out);
    }

    private void export(String format, Workers.Query query, HttpServletResponse response, String contentType, Writer writer)
            throws IOException {
        Actor actor = currentActor.get();
        workers.list(query, actor.scope(), 0, 1); // 404 before any byte is written when the region is out of scope
        response.setContentType(contentType);
        response.setHeader("Content-Disposition", "attachment; filename=\"pekerja." + format + "\"");
        String region = query.regionCode() == null || query.regionCode().isBlank() ? actor.scope().code() : query.regionCode().strip();
        long rows = -1;
        try {
            rows = writer.write(query, actor, keptOpen(response.getOutputStream()));
        } finally {
            // Recorded even when the client breaks off: what was sent before that was disclosed all the same.
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("format", format);
            details.put("filter", filterOf(query));
            details.put("rows", rows < 0 ? null : rows);
            details.put("complete", rows >= 0);
            audit.exported("worker_list", region, region, details);
        }
    }

    /**
     * The response's stream as the writers see it: their close only flushes, so the response ends when this handler
     * returns, after its audit entry, and a client that has read the whole file finds the entry there.
     */
    private static OutputStream keptOpen(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                out.flush();
            }
        };
    }

    private static Map<String, Object> filterOf(Workers.Query q) {
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("region", q.regionCode());
        filter.put("category", q.category() == null ? null : q.category().code());
        filter.put("program", q.program() == null ? null : q.program().name());
        filter.put("payer", q.payerCode());
        filter.put("status", q.status());
        filter.put("q", q.search());
        filter.values().removeIf(java.util.Objects::isNull);
        return filter;
    }
}
