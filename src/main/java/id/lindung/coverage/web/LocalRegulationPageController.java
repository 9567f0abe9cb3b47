package id.lindung.coverage.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.coverage.LocalRegulationFile;
import id.lindung.coverage.LocalRegulationKind;
import id.lindung.coverage.LocalRegulations;
import id.lindung.platform.InvalidInputException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
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
                @RequestParam(required = false) Long saved, Model model) {
        Actor actor = currentActor.get();
        model.addAttribute("region", region == null || region.isBlank() ? actor.scope().code() : region.strip());
        model.addAttribute("inForceOn", inForceOn);
        model.addAttribute("items", regulations.list(region, inForceOn, actor.scope()));
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
                  @RequestParam(defaultValue = "false") boolean coversApparatus,
                  @RequestParam(defaultValue = "false") boolean coversVulnerable,
                  @RequestParam(required = false) List<String> programs, @RequestParam(required = false) List<String> budgets,
                  @RequestParam(defaultValue = "") String counterparty, @RequestParam(defaultValue = "") String note,
                  @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect) {
        var form = new LocalRegulations.NewLocalRegulation(kind, number, title, regionCode, signedOn, inForceFrom, inForceUntil,
                coversApparatus, coversVulnerable, programs == null ? List.of() : programs,
                budgets == null ? List.of() : budgets, counterparty, note);
        try {
            var created = regulations.register(form, fileOf(file));
            redirect.addAttribute("region", created.regionCode());
            redirect.addAttribute("saved", created.id());
            return "redirect:/cakupan/regulasi";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            return newForm(model);
        }
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
