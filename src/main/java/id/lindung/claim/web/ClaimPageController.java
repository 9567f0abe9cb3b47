package id.lindung.claim.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.claim.ClaimRequests;
import id.lindung.claim.ClaimStatus;
import id.lindung.claim.ClaimType;
import id.lindung.claim.Claims;
import id.lindung.platform.Page;
import id.lindung.registry.Workers;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The claim pages that read: the case list of the caller's area and a case's page with its workflow, documents and
 * scholarship schedule. Opening a case ({@link ClaimOpeningController}) and acting on one or downloading its case file
 * ({@link ClaimCaseActionsController}) have controllers of their own. The claim module decides everything (scope, roles,
 * rules); these show its answers, and offer an action only to the roles that may take it.
 */
@Controller
class ClaimPageController {

    private static final int PAGE_SIZE = 50;

    private final Claims claims;
    private final Workers workers;
    private final CurrentActor currentActor;
    private final ClaimCasePage casePage;
    private final id.lindung.region.Regions regions;

    ClaimPageController(Claims claims, Workers workers, CurrentActor currentActor, ClaimCasePage casePage,
                        id.lindung.region.Regions regions) {
        this.regions = regions;
        this.claims = claims;
        this.workers = workers;
        this.currentActor = currentActor;
        this.casePage = casePage;
    }

    @GetMapping("/klaim")
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) ClaimStatus status,
                @RequestParam(name = "case", required = false) ClaimType type,
                @RequestParam(required = false) Boolean overdue, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        String area = region == null || region.isBlank() ? null : region.strip();
        var filter = new ClaimRequests.Filter(area, status, type, Boolean.TRUE.equals(overdue) ? Boolean.TRUE : null,
                Math.max(0, page), PAGE_SIZE);
        Page<id.lindung.claim.ClaimSummary> result = claims.list(filter);
        model.addAttribute("query", filter);
        model.addAttribute("result", result);
        model.addAttribute("rows", result.items());
        // the village's name, as every other list shows it; its code stays beside it for those who search by code
        model.addAttribute("villageNames", regions.names(result.items().stream().map(id.lindung.claim.ClaimSummary::region).toList()));
        // the area's name beside its code (the caller's whole scope when no area is asked), as the other lists head themselves
        String code = area == null ? actor.scope().code() : area;
        String name = actor.scope().isNational() && area == null ? null : workers.villageName(code);
        model.addAttribute("regionName", code.equals(name) ? null : name);
        model.addAttribute("regionCode", code);
        model.addAttribute("statuses", ClaimStatus.values());
        model.addAttribute("cases", ClaimType.values());
        model.addAttribute("canOpen", actor.role().canChangeData());
        return "claim/list";
    }

    @GetMapping("/klaim/{id}")
    String caseFile(@PathVariable long id, Model model) {
        return casePage.show(claims.get(id), model);
    }
}
