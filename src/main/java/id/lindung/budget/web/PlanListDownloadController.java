package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The budget plans of the caller's area as CSV or XLSX: every plan of the year asked (all years without one), where the
 * page shows the newest thousand. Plans name payers (governments, employers, donors), never people, so the download is
 * not an audited disclosure (docs/security.md, "Exports that list people").
 */
@Controller
class PlanListDownloadController {

    static final List<String> COLUMNS = List.of("budget.col.id", "budget.col.payerCode", "budget.doc.payer", "budget.col.name",
            "budget.plans.year", "budget.doc.status", "budget.doc.total", "budget.doc.people", "budget.col.referenceDate",
            "budget.col.projected");

    private final BudgetPlans plans;
    private final CurrentActor currentActor;
    private final MessageSource messages;

    PlanListDownloadController(BudgetPlans plans, CurrentActor currentActor, MessageSource messages) {
        this.plans = plans;
        this.currentActor = currentActor;
        this.messages = messages;
    }

    @GetMapping("/anggaran/ekspor")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String year, @RequestParam(required = false) String format,
                                    @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Integer y = BudgetApiController.parseYear(year);
        Actor actor = currentActor.get();
        Function<String, String> label = TableDownload.labels(messages);
        List<List<Object>> rows = new ArrayList<>();
        for (BudgetPlans.Summary p : plans.all(null, y, actor)) {
            rows.add(Arrays.asList(p.id(), p.payer(), p.payerName(), p.name(), (long) p.year(), label.apply("budget.status." + p.status()),
                    p.total().toBigDecimal(), p.people(), p.referenceDate(), String.join("; ", p.projected())));
        }
        String name = "rencana-anggaran-" + actor.scope().code() + (y == null ? "" : "-" + y);
        return TableDownload.of(f, dialect, name, List.of(new TableDownload.Table("rencana", COLUMNS, rows)), label);
    }
}
