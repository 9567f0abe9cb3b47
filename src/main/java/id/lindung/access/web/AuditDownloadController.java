package id.lindung.access.web;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentActor;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The audit trail as CSV or XLSX for an auditor (AUDITOR, ADMIN): every event the page's filter selects, newest first,
 * masked as on the page. Taking the trail is itself recorded ({@code audit_trail}): it quotes what people typed.
 */
@Controller
class AuditDownloadController {

    static final List<String> COLUMNS = List.of("audit.col.id", "audit.when", "audit.user", "audit.col.role", "audit.address",
            "audit.action", "audit.col.actionCode", "audit.type", "audit.col.entityType", "audit.col.entityId", "audit.region",
            "audit.before", "audit.after");


    private final AuditTrail trail;
    private final CurrentActor currentActor;
    private final AuditLog audit;
    private final MessageSource messages;
    private final Clock clock;
    private final id.lindung.platform.Formats formats;

    AuditDownloadController(AuditTrail trail, CurrentActor currentActor, AuditLog audit, MessageSource messages, Clock clock,
                            id.lindung.platform.Formats formats) {
        this.formats = formats;
        this.trail = trail;
        this.currentActor = currentActor;
        this.audit = audit;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/audit/ekspor")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String region, @RequestParam(required = false) String user,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                    @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                    @RequestParam(required = false) String type,
                                    @RequestParam(required = false) String format, @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Actor actor = currentActor.get();
        List<AuditTrail.Event> events = trail.all(actor, new AuditTrail.Filter(region, user, from, to, type));
        String area = region == null || region.isBlank() ? actor.scope().code() : region.strip().toUpperCase(Locale.ROOT);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", f);
        Map<String, Object> filter = new LinkedHashMap<>();
        filter.put("user", user);
        filter.put("from", from == null ? null : from.toString());
        filter.put("to", to == null ? null : to.toString());
        filter.put("type", type);
        filter.values().removeIf(v -> v == null || v.toString().isBlank());
        details.put("filter", filter);
        details.put("rows", events.size());
        audit.exported("audit_trail", area, area, details);
        Locale locale = LocaleContextHolder.getLocale();
        // the times are the business zone's wall clock, so the column names the zone as the page does ("Waktu (WIB)")
        Function<String, String> label = TableDownload.labels(messages, formats, "audit.when");
        List<List<Object>> rows = new ArrayList<>(events.size());
        for (AuditTrail.Event e : events) {
            rows.add(Arrays.asList(e.id(), e.occurredAt() == null ? null : e.occurredAt().atZoneSameInstant(clock.getZone()).toLocalDateTime(),
                    e.username(), e.role(), e.address(), messages.getMessage("audit.action." + e.action(), null, e.action(), locale),
                    e.action(), e.entityType() == null ? null : messages.getMessage("audit.entity." + e.entityType(), null, e.entityType(), locale),
                    e.entityType(), e.entityId(), e.regionCode(), e.before(), e.after()));
        }
        return TableDownload.of(f, dialect, "audit-" + area, List.of(new TableDownload.Table("audit", COLUMNS, rows)), label);
    }
}
