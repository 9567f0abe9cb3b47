package id.lindung.billing.web;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.billing.Protection;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import id.lindung.registry.Workers;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The protection card of a worker's page as CSV or XLSX, for the card's date: each programme's status, the month it is
 * paid through and its payer, a self-payer's code without the NIK for masked roles as on the card. It is one person's
 * status, so it is audited like the worker list's export; the file is named by the worker's internal id, never the NIK.
 */
@Controller
class WorkerProtectionDownloadController {

    static final List<String> COLUMNS = List.of("billing.protection.col.date", "billing.program", "billing.protection.col.status",
            "billing.protection.paidThrough", "billing.payer", "billing.protection.col.employerInArrears");

    private final Protection protection;
    private final Workers workers;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;

    WorkerProtectionDownloadController(Protection protection, Workers workers, CurrentActor currentActor, MessageSource messages,
                                       AuditLog audit, Clock clock) {
        this.workers = workers;
        this.protection = protection;
        this.currentActor = currentActor;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/perlindungan/pekerja/{workerId}/ekspor")
    ResponseEntity<byte[]> download(@PathVariable long workerId,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                    @RequestParam(required = false) String format, @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Actor actor = currentActor.get();
        LocalDate on = date == null ? LocalDate.now(clock) : date;
        Protection.Report report = protection.ofWorker(workerId, on, actor.scope()).shownTo(actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", f);
        details.put("date", on.toString());
        details.put("rows", report.programs().size());
        audit.exported("worker_protection", String.valueOf(workerId), workers.getById(workerId, actor.scope()).villageCode(), details);
        Function<String, String> label = TableDownload.labels(messages);
        return TableDownload.of(f, dialect, "perlindungan-pekerja-" + workerId + "-" + on, List.of(table(report, label)), label);
    }

    /** One row per programme, the status by its name in the page's language, the paid-through month as YYYY-MM. */
    static TableDownload.Table table(Protection.Report report, Function<String, String> label) {
        List<List<Object>> rows = new ArrayList<>(report.programs().size());
        for (Protection.ProgramStatus p : report.programs()) {
            rows.add(Arrays.asList(report.date(), p.program(), label.apply("billing.status." + p.status()), p.paidThrough(),
                    p.payer(), label.apply(p.employerInArrears() ? "yes" : "no")));
        }
        return new TableDownload.Table("perlindungan", COLUMNS, rows);
    }
}
