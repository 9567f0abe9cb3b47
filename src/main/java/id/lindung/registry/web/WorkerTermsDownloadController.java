package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.access.PersonalData;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import id.lindung.registry.MembershipTerm;
import id.lindung.registry.Worker;
import id.lindung.registry.Workers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The membership table of a worker's page as CSV or XLSX: each term with the worker's name and NIK as the page shows
 * them (masked for masked roles, as are self-payers' codes), in the page's language. It names a person, so it is an
 * audited disclosure like the worker list's export; the file is named by the worker's internal id, never the NIK.
 */
@Controller
class WorkerTermsDownloadController {

    static final List<String> COLUMNS = List.of("worker.name", "worker.nik", "worker.programs", "worker.segment", "worker.wage",
            "worker.risk", "worker.employer", "worker.col.employerCode", "worker.payers", "worker.col.payerCode",
            "worker.validFrom", "worker.validTo", "worker.endReason");

    private final Workers workers;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final AuditLog audit;

    WorkerTermsDownloadController(Workers workers, CurrentActor currentActor, MessageSource messages, AuditLog audit) {
        this.workers = workers;
        this.currentActor = currentActor;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/pekerja/id/{id}/kepesertaan/ekspor")
    ResponseEntity<byte[]> download(@PathVariable long id, @RequestParam(required = false) String format,
                                    @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Actor actor = currentActor.get();
        Worker w = workers.getById(id, actor.scope());
        List<MembershipTerm> terms = workers.terms(w, actor.scope()).stream().map(t -> t.shownTo(actor)).toList();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", f);
        details.put("rows", terms.size());
        audit.exported("worker_terms", String.valueOf(w.id()), w.villageCode(), details);
        Function<String, String> label = TableDownload.labels(messages);
        return TableDownload.of(f, dialect, "kepesertaan-pekerja-" + w.id(),
                List.of(table(w.fullName(), PersonalData.nik(actor, w.nik()), terms, label)), label);
    }

    /** One row per term, as the page's table: risk and end reason by their names, the wage as a number, dates as dates. */
    static TableDownload.Table table(String name, String nikShown, List<MembershipTerm> terms, Function<String, String> label) {
        List<List<Object>> rows = new ArrayList<>(terms.size());
        for (MembershipTerm t : terms) {
            rows.add(Arrays.asList(name, nikShown, t.program().name(), t.segment().name(), t.wage().toNumber(),
                    t.riskGroup() == null ? null : label.apply("risk." + t.riskGroup()), t.employerPayerName(),
                    t.employerPayerCode(), t.workerPayerName(), t.workerPayerCode(), t.validFrom(), t.validTo(),
                    t.endReason() == null ? null : label.apply("endReason." + t.endReason())));
        }
        return new TableDownload.Table("kepesertaan", COLUMNS, rows);
    }
}
