package id.lindung.coverage.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.coverage.LocalRegulationFile;
import id.lindung.coverage.LocalRegulationKind;
import id.lindung.coverage.LocalRegulations;
import id.lindung.platform.InputProblem;
import id.lindung.platform.InvalidInputException;
import id.lindung.platform.NotFoundException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The register of regional regulations on screen: the list for a region and the form for a new entry. */
@Controller
class LocalRegulationPageController {

    private final LocalRegulations regulations;
    private final CurrentActor currentActor;

    LocalRegulationPageController(LocalRegulations regulations, CurrentActor currentActor) {
        this.regulations = regulations;
        this.currentActor = currentActor;
    }

    @GetMapping("/cakupan/regulasi")
    String list(@RequestParam(required = false) String region, @RequestParam(required = false) LocalDate inForceOn,
                @RequestParam(required = false) Long saved, Model model, jakarta.servlet.http.HttpServletResponse response) {
        Actor actor = currentActor.get();
        model.addAttribute("region", region == null || region.isBlank() ? actor.scope().code() : region.strip());
        model.addAttribute("inForceOn", inForceOn);
        List<id.lindung.coverage.LocalRegulation> items;
        try {
            items = regulations.list(region, inForceOn, actor.scope());
        } catch (id.lindung.platform.InvalidInputException | id.lindung.platform.NotFoundException e) {
            // a name typed into the region filter, or a code outside the scope: said beside the filter, which keeps what
            // was typed, over the scope's own list (it was the error page, with only a link home: review of 6 December 2026);
            // a refused date is still the error page's 400
            boolean regionAtFault = e instanceof id.lindung.platform.NotFoundException
                    || ((id.lindung.platform.InvalidInputException) e).problems().stream().anyMatch(p -> "region".equals(p.field()));
            if (!regionAtFault || region == null || region.isBlank()) {
                throw e;
            }
            response.setStatus(e instanceof id.lindung.platform.NotFoundException ? 404 : 400);
            model.addAttribute("regionRefused", id.lindung.platform.InputProblem.shown(region.strip()));
            model.addAttribute("typedRegion", region.strip());
            model.addAttribute("region", actor.scope().code());
            model.addAttribute("inForceOn", null);
            items = regulations.list(null, null, actor.scope());
        }
        model.addAttribute("items", items);
        model.addAttribute("canRegister", LocalRegulations.canRegister(actor.role()));
        model.addAttribute("saved", saved);
        return "coverage/regulations";
    }

    @GetMapping("/cakupan/regulasi/baru")
    String newForm(Model model) {
        Actor actor = currentActor.get();
        if (!LocalRegulations.canRegister(actor.role())) {
            throw new AccessDeniedException("Only DPMD and BPJS officers enter regional regulations");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new LocalRegulations.NewLocalRegulation(LocalRegulationKind.MOU.name(), "", "",
                    actor.scope().isNational() ? "" : actor.scope().code(), "", "", "", true, false, List.of("JKK", "JKM"),
                    List.of(), "", ""));
        }
        model.addAttribute("kinds", LocalRegulationKind.values());
        model.addAttribute("programs", List.of("JKK", "JKM", "JHT", "JP", "JKP"));
        model.addAttribute("budgets", List.of("APBD", "APBDES", "DONOR"));
        return "coverage/regulation-new";
    }

    @PostMapping("/cakupan/regulasi")
    String create(@RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String number,
                  @RequestParam(defaultValue = "") String title, @RequestParam(defaultValue = "") String regionCode,
                  @RequestParam(defaultValue = "") String signedOn, @RequestParam(defaultValue = "") String inForceFrom,
                  @RequestParam(defaultValue = "") String inForceUntil,
                  @RequestParam(defaultValue = "") String coversApparatus,
                  @RequestParam(defaultValue = "") String coversVulnerable,
                  @RequestParam(required = false) List<String> programs, @RequestParam(required = false) List<String> budgets,
                  @RequestParam(defaultValue = "") String counterparty, @RequestParam(defaultValue = "") String note,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        // typed values come back on the form with a field error, never the generic error page (coverage review)
        List<InputProblem> typed = new ArrayList<>();
        var form = new LocalRegulations.NewLocalRegulation(kind, number, title, regionCode, signedOn, inForceFrom, inForceUntil,
                checkbox("coversApparatus", coversApparatus, typed), checkbox("coversVulnerable", coversVulnerable, typed),
                programs == null ? List.of() : programs, budgets == null ? List.of() : budgets, counterparty, note);
        try {
            var created = regulations.register(form, fileOf(file), typed);
            redirect.addAttribute("region", created.regionCode());
            redirect.addAttribute("saved", created.id());
            return "redirect:/cakupan/regulasi";
        } catch (InvalidInputException e) {
            return formAgain(form, e.problems(), model);
        } catch (NotFoundException e) {
            // the API answers 404 as if the region did not exist; the form says so on its field
            typed.add(InputProblem.of("regionCode", "REGION_OUT_OF_SCOPE", "regionCode '" + InputProblem.shown(regionCode.strip())
                    + "' is outside your area"));
            return formAgain(form, typed, model);
        }
    }

    private String formAgain(LocalRegulations.NewLocalRegulation form, List<InputProblem> problems, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return newForm(model);
    }

    /** A checkbox's value: absent or "false" is unticked, "true" or "on" ticked, anything else a problem on the field. */
    static boolean checkbox(String field, String value, List<InputProblem> problems) {
        String v = value.strip().toLowerCase(java.util.Locale.ROOT);
        if (v.equals("true") || v.equals("on")) {
            return true;
        }
        if (!v.isEmpty() && !v.equals("false")) {
            problems.add(InputProblem.of(field, "INVALID_VALUE", field + " '" + InputProblem.shown(value.strip())
                    + "' is not true or false"));
        }
        return false;
    }

    /** The uploaded file, or null when none was chosen (a form without a file sends an empty part without a name). */
    static LocalRegulationFile fileOf(MultipartFile file) {
        if (file == null || (file.isEmpty() && (file.getOriginalFilename() == null || file.getOriginalFilename().isBlank()))) {
            return null;
        }
        try {
            return new LocalRegulationFile(file.getOriginalFilename(), file.getBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
