package id.lindung.budget.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.budget.BudgetPlans;
import id.lindung.budget.PlanOverviews;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The budget plans of the caller's area as CSV or XLSX: every plan of the year asked (all years without one), where the
 * page shows the newest thousand; and a region's view of its villages' plans (/anggaran/wilayah/{code}). Plans name
 * payers (governments, employers, donors) and villages, never people, so the downloads are not audited disclosures
 * (docs/security.md, "Exports that list people").
 */
@Controller
class PlanListDownloadController {

    static final List<String> COLUMNS = List.of("budget.col.id", "budget.col.payerCode", "budget.doc.payer", "budget.col.name",
            "budget.plans.year", "budget.doc.status", "budget.doc.total", "budget.doc.people", "budget.col.referenceDate",
            "budget.col.projected", "budget.col.unverified");

    static final List<String> MISSING_COLUMNS = List.of("budget.col.desaCode", "budget.col.desa");

    static final List<String> REGION_COLUMNS = List.of("budget.col.regionCode", "budget.plans.year", "budget.col.desaCount",
            "budget.col.plans", "budget.col.finalPlans", "budget.doc.total", "budget.col.totalJkk", "budget.col.totalJkm",
            "budget.col.totalJht", "budget.col.totalJp", "budget.doc.people", "budget.col.desaWithoutFinalPlan");

    private final BudgetPlans plans;
    private final PlanOverviews overviews;
    private final CurrentActor currentActor;
    private final MessageSource messages;

    PlanListDownloadController(BudgetPlans plans, PlanOverviews overviews, CurrentActor currentActor, MessageSource messages) {
        this.overviews = overviews;
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
                    p.total().toBigDecimal(), p.people(), p.referenceDate(), String.join("; ", p.projected()),
                    // the list's badge: figures computed from a value the regulation data marks unverified (docs/budget.md)
                    p.unverified() == null ? null : label.apply(p.unverified() ? "budget.unverified.yes" : "budget.unverified.no")));
        }
        String name = "rencana-anggaran-" + actor.scope().code() + (y == null ? "" : "-" + y);
        return TableDownload.of(f, dialect, name, List.of(new TableDownload.Table("rencana", COLUMNS, rows)), label);
    }

    /**
     * The region view as the page shows it, for the same year (next year by default): the desa without a FINAL plan for
     * their officials (the CSV, and the XLSX's first sheet), then the summed figures (the XLSX's second sheet).
     */
    @GetMapping("/anggaran/wilayah/{code}/ekspor")
    ResponseEntity<byte[]> downloadRegion(@PathVariable String code, @RequestParam(required = false) String year,
                                          @RequestParam(required = false) String format,
                                          @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Integer y = BudgetApiController.parseYear(year);
        // every desa without a final plan, not the page's first 1,000 (review: a province's file stopped at 1,000 of 7,800)
        Map<String, Object> view = overviews.regency(code, y == null ? plans.today().getYear() + 1 : y, currentActor.get(),
                id.lindung.budget.PlanOverviews.LISTED_IN_DOWNLOAD);
        Function<String, String> label = TableDownload.labels(messages);
        String name = "rencana-desa-" + view.get("code") + "-" + view.get("year");
        return TableDownload.of(f, dialect, name, regionTables(view), label);
    }

    @SuppressWarnings("unchecked")
    static List<TableDownload.Table> regionTables(Map<String, Object> view) {
        List<List<Object>> missing = new ArrayList<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) view.get("withoutFinalPlan")) {
            missing.add(Arrays.asList(d.get("code"), d.get("name")));
        }
        Map<String, Object> byProgram = (Map<String, Object>) view.get("byProgram");
        List<Object> sums = Arrays.asList(view.get("code"), ((Number) view.get("year")).longValue(), view.get("desa"), view.get("plans"),
                view.get("finalPlans"), amount(view.get("total")), amount(byProgram.get("JKK")), amount(byProgram.get("JKM")),
                amount(byProgram.get("JHT")), amount(byProgram.get("JP")), view.get("people"),
                view.get("desaWithoutFinalPlanForOfficials"));
        return List.of(new TableDownload.Table("desa-tanpa-rencana-final", MISSING_COLUMNS, missing),
                new TableDownload.Table("ringkasan-rencana-desa", REGION_COLUMNS, List.of(sums)));
    }

    /** An amount as the view holds it (a JSON number) as a number the sheet keeps as one. */
    private static java.math.BigDecimal amount(Object number) {
        return number == null ? null : new java.math.BigDecimal(number.toString());
    }
}
