package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.AuditLog;
import id.lindung.access.CurrentActor;
import id.lindung.platform.CsvDialect;
import id.lindung.platform.TableDownload;
import id.lindung.registry.Payer;
import id.lindung.registry.PayerKind;
import id.lindung.registry.PayerRegister;
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
 * The payer register as CSV or XLSX: every payer the page's filter selects, with its contact as the caller may see it
 * (no phone or e-mail for read-only roles). Audited: a contact person is a person.
 */
@Controller
class PayerListDownloadController {

    static final List<String> COLUMNS = List.of("payer.code", "payer.name", "payer.kind", "payer.regionCode", "payer.region",
            "payer.contactPerson", "payer.phone", "payer.email", "payer.address");

    private final PayerRegister register;
    private final CurrentActor currentActor;
    private final MessageSource messages;
    private final AuditLog audit;

    PayerListDownloadController(PayerRegister register, CurrentActor currentActor, MessageSource messages, AuditLog audit) {
        this.register = register;
        this.currentActor = currentActor;
        this.messages = messages;
        this.audit = audit;
    }

    @GetMapping("/pembayar/ekspor")
    ResponseEntity<byte[]> download(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                                    @RequestParam(required = false) String q, @RequestParam(required = false) String format,
                                    @RequestParam(required = false) String delimiter) {
        String f = TableDownload.format(format);
        CsvDialect dialect = CsvDialect.of(delimiter);
        Actor actor = currentActor.get();
        PayerKind k = kind == null || kind.isBlank() ? null : PayerKind.parse(kind, "kind");
        List<Payer> payers = register.all(new PayerRegister.Query(k, region, q), actor.scope());
        String area = region == null || region.isBlank() ? actor.scope().code() : region.strip().toUpperCase(Locale.ROOT);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("format", f);
        if (k != null) {
            details.put("kind", k.name());
        }
        if (q != null && !q.isBlank()) {
            details.put("q", q.strip());
        }
        details.put("rows", payers.size());
        audit.exported("payer_list", area, area, details);
        Function<String, String> label = TableDownload.labels(messages);
        List<List<Object>> rows = new ArrayList<>(payers.size());
        for (Payer p : payers) {
            Payer shown = p.shownTo(actor);
            rows.add(Arrays.asList(shown.code(), shown.name(), label.apply("payer." + shown.kind()), shown.regionCode(),
                    shown.regionName(), shown.contactPerson(), shown.phone(), shown.email(), shown.address()));
        }
        return TableDownload.of(f, dialect, "pembayar-" + area, List.of(new TableDownload.Table("pembayar", COLUMNS, rows)), label);
    }
}
