package id.lindung.claim.web;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.claim.ClaimRequests;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimSummary;
import id.lindung.claim.ClaimType;
import id.lindung.claim.Claims;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import id.lindung.region.Regions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
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
 * The claims list as CSV or XLSX: every case the page's filter selects, not only the page shown, newest first, with the
 * NIK as the caller may see it. Audited: the list names people who died or were injured, and their heirs wait on it.
 */
@Controller
class ClaimListDownloadController {

    static final List<String> COLUMNS = List.of("claim.col.id", "claim.col.nik", "claim.list.worker", "claim.col.villageCode",
            "claim.list.village", "claim.case.case", "claim.case.incidentDate", "claim.case.status", "claim.col.overdue",
            "claim.col.eligible", "claim.components.total", "claim.list.since");


    private final Claims claims;
    private final CurrentActor currentActor;
    private final Regions regions;
    private final MessageSource messages;
    private final AuditLog audit;
    private final Clock clock;
    private final id.lindung.platform.Formats formats;

    ClaimListDownloadController(Claims claims, CurrentActor currentActor, Regions regions, MessageSource messages,
                                AuditLog audit, Clock clock, id.lindung.platform.Formats formats) {
        this.formats = formats;
        this.claims = claims;
        this.currentActor = currentActor;
        this.regions = regions;
        this.messages = messages;
        this.audit = audit;
        this.clock = clock;
    }

    @GetMapping("/klaim/ekspor")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String region, @RequestParam(required = false) ClaimStatus status,
                                    @RequestParam(name = "case", required = false) ClaimType type,
                                    @RequestParam(required = false) Boolean overdue,
                                    @RequestParam(required = false) String format, @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Actor actor = currentActor.get();
        String area = region == null || region.isBlank() ? actor.scope().code() : region.strip().toUpperCase(Locale.ROOT);
        List<ClaimSummary> rows = claims.all(new ClaimRequests.Filter(region == null || region.isBlank() ? null : region.strip(),
                status, type, Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null, 0, 0));
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", f);
        if (status != null) {
            details.put("status", status.name());
        }
        if (type != null) {
            details.put("case", type.name());
        }
        if (Boolean.TRUE.equals(overdue)) {
            details.put("overdue", true);
        }
        details.put("rows", rows.size());
        audit.exported("claim_list", area, area, details);
        // "Sejak" holds the business zone's wall clock: its column names the zone as the audit trail's "Waktu (WIB)" does
        Function<String, String> label = TableDownload.labels(messages, formats, "claim.list.since");
        return TableDownload.of(f, dialect, "klaim-" + area, List.of(table(rows, label)), label);
    }

    /** One row per case: the village by name beside its code, case and status by their names, the time in the business zone. */
    TableDownload.Table table(List<ClaimSummary> rows, Function<String, String> label) {
        Map<String, String> villages = regions.names(rows.stream().map(ClaimSummary::region).distinct().toList());
        List<List<Object>> out = new ArrayList<>(rows.size());
        for (ClaimSummary c : rows) {
            out.add(Arrays.asList(c.id(), c.nik(), c.workerName(), c.region(), villages.get(c.region()),
                    label.apply("claim.type." + c.type()), c.incidentDate(), label.apply("claim.status." + c.status()),
                    label.apply(c.overdue() ? "dashboard.yes" : "dashboard.no"),
                    label.apply(c.eligible() ? "dashboard.yes" : "dashboard.no"),
                    c.total() == null ? null : c.total().toBigDecimal(),
                    c.statusSince() == null ? null : c.statusSince().atZone(clock.getZone()).toLocalDateTime()));
        }
        return new TableDownload.Table("klaim", COLUMNS, out);
    }
}
