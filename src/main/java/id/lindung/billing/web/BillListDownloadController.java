package id.lindung.billing.web;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.billing.BillOverview;
import id.lindung.billing.Escalations;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.Formats;
import id.lindung.platform.TableDownload;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The two tables of /tagihan as CSV or XLSX. The bill list: every bill the page's filter selects (month, area, payer
 * kind, status), not only the page shown. The payers in arrears: every one of the caller's area, not only the page shown.
 * Both with the page's names and masking, in the page's language, and audited like the worker list's export: a
 * self-paying worker's bill or arrears name a person.
 */
@Controller
class BillListDownloadController {

    static final List<String> COLUMNS = List.of("billing.col.payerCode", "billing.payer", "billing.list.kind",
            "billing.col.regionCode", "billing.col.region", "billing.col.district", "billing.total", "billing.paid",
            "billing.outstanding", "billing.fine", "billing.due", "billing.col.bill");

    static final List<String> ARREARS_COLUMNS = List.of("billing.col.groupCode", "billing.col.group", "billing.col.payerCode",
            "billing.payer", "billing.list.kind", "billing.col.regionCode", "billing.monthsInArrears", "billing.outstanding",
            "billing.oldestDue");

    private final BillOverview overview;
    private final Escalations escalations;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final Formats formats;

    BillListDownloadController(BillOverview overview, Escalations escalations, CurrentActor currentActor, MessageSource messages,
                               AuditLog audit, Clock clock, Formats formats) {
        this.escalations = escalations;
        this.formats = formats;
        this.overview = overview;
        this.currentActor = currentActor;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/tagihan/ekspor")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String month, @RequestParam(required = false) String region,
                                    @RequestParam(required = false) String kind, @RequestParam(required = false) String status,
                                    @RequestParam(required = false) String format, @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Actor actor = currentActor.get();
        YearMonth m = month == null || month.isBlank() ? YearMonth.now(clock) : BillingApiController.parseMonth(month);
        String k = kind == null || kind.isBlank() ? null : kind.strip();
        BillOverview.Filter filter = new BillOverview.Filter(m, region, k, BillingPageController.parseStatus(status));
        String area = BillOverview.area(region, actor.scope()).code();
        List<BillOverview.Row> rows = overview.all(filter, actor);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", f);
        details.put("month", m.toString());
        if (k != null) {
            details.put("kind", k.toUpperCase(Locale.ROOT));
        }
        if (filter.status() != null) {
            details.put("status", filter.status().name());
        }
        details.put("rows", rows.size());
        audit.exported("bill_list", area, area, details);
        Function<String, String> label = TableDownload.labels(messages);
        return TableDownload.of(f, dialect, "tagihan-" + m + "-" + area, List.of(table(rows, label, formats::payerName)), label);
    }

    /** One row per bill; money as numbers, the kind and a self-paying worker's name as the page writes them. */
    static TableDownload.Table table(List<BillOverview.Row> rows, Function<String, String> label, Function<String, String> payerName) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (BillOverview.Row b : rows) {
            out.add(java.util.Arrays.asList(b.payer(), payerName.apply(b.payerName()), label.apply("payer." + b.kind()), b.regionCode(),
                    b.regionName(), b.districtName(), b.total().toBigDecimal(), b.paid().toBigDecimal(),
                    b.outstanding().toBigDecimal(), b.fine().toBigDecimal(), b.dueDate(), b.id()));
        }
        return new TableDownload.Table("tagihan", COLUMNS, out);
    }

    /**
     * The payers more than one month in arrears below the caller's own region on today's date, as the page lists them
     * (grouped by the area one level below, a self-payer's NIK masked for masked roles), every page of them.
     */
    @GetMapping("/tagihan/tunggakan/ekspor")
    ResponseEntity<byte[]> downloadArrears(@RequestParam(required = false) String format,
                                           @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Actor actor = currentActor.get();
        LocalDate today = LocalDate.now(clock);
        List<Escalations.Escalation> rows = new ArrayList<>();
        for (int page = 0; ; page++) {
            var found = escalations.forScope(actor.scope(), today, page, ARREARS_PAGE);
            found.items().forEach(e -> rows.add(e.shownTo(actor)));
            if (!found.hasNext()) {
                break;
            }
        }
        String area = actor.scope().code();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", f);
        details.put("date", today.toString());
        details.put("rows", rows.size());
        audit.exported("arrears_list", area, area, details);
        Function<String, String> label = TableDownload.labels(messages);
        return TableDownload.of(f, dialect, "tunggakan-" + today + "-" + area, List.of(arrearsTable(rows, label, formats::payerName)),
                label);
    }

    /** The most rows the arrears list reads at once (Escalations' own limit). */
    private static final int ARREARS_PAGE = 500;

    /** One row per payer in arrears; the area it is grouped by, the amount as a number, the kind as the page writes it. */
    static TableDownload.Table arrearsTable(List<Escalations.Escalation> rows, Function<String, String> label,
                                            Function<String, String> payerName) {
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (Escalations.Escalation e : rows) {
            out.add(java.util.Arrays.asList(e.groupCode(), e.groupName(), e.payer(), payerName.apply(e.payerName()),
                    label.apply("payer." + e.kind()), e.regionCode(), (long) e.monthsInArrears(), e.outstanding().toBigDecimal(),
                    e.oldestDue()));
        }
        return new TableDownload.Table("tunggakan", ARREARS_COLUMNS, out);
    }
}
