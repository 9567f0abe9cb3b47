package id.lindung.access.web;

import id.lindung.access.AuditTrail;
import id.lindung.access.CurrentActor;
import id.lindung.platform.Page;
import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

@Controller
class AuditController {

    private final AuditTrail trail;
    private final CurrentActor actor;
    private final java.time.Clock clock;

    AuditController(AuditTrail trail, CurrentActor actor, java.time.Clock clock) {
        this.trail = trail;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * The kinds of record the trail names, for the page's choice: each is shown by its name in the reader's language
     * (a typed "Klaim", what the table shows, matched nothing: the filter takes the stored code, claim_case).
     */
    static final java.util.List<String> TYPES = java.util.ResourceBundle.getBundle("messages", java.util.Locale.ROOT).keySet().stream()
            .filter(k -> k.startsWith("audit.entity.")).map(k -> k.substring("audit.entity.".length())).sorted().toList();

    @GetMapping("/audit")
    String page(@RequestParam(required = false) String region, @RequestParam(required = false) String user,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(required = false) String type,
                @RequestParam(defaultValue = "0") int page, Model model) {
        model.addAttribute("events", trail.find(actor.get(), new AuditTrail.Filter(region, user, from, to, type), page, 50));
        model.addAttribute("region", region);
        model.addAttribute("user", user);
        model.addAttribute("from", from);
        model.addAttribute("to", to);
        model.addAttribute("type", type);
        model.addAttribute("types", TYPES);
        // times shown in the business zone, the zone the from/to days are read in
        model.addAttribute("zone", clock.getZone());
        return "access/audit";
    }

    @Operation(summary = "Audit trail in your scope (AUDITOR, ADMIN), filter by region, user, date and entity type")
    @GetMapping("/api/v1/audit")
    @ResponseBody
    Page<AuditTrail.Event> api(@RequestParam(required = false) String region, @RequestParam(required = false) String user,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                               @RequestParam(required = false) String type,
                               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return trail.find(actor.get(), new AuditTrail.Filter(region, user, from, to, type), page, size);
    }
}
