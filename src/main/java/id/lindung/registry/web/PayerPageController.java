package id.lindung.registry.web;

import id.lindung.access.Actor;
import id.lindung.access.CurrentActor;
import id.lindung.platform.InvalidInputException;
import id.lindung.access.PersonalData;
import id.lindung.registry.Payer;
import id.lindung.registry.PayerKind;
import id.lindung.registry.PayerRegister;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The payer register on screen: list in scope, a payer's page with its contact, and the form for a new employer or donor. */
@Controller
class PayerPageController {

    private final PayerRegister register;
    private final CurrentActor currentActor;

    PayerPageController(PayerRegister register, CurrentActor currentActor) {
        this.register = register;
        this.currentActor = currentActor;
    }

    @GetMapping("/pembayar")
    String list(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                @RequestParam(required = false) String q, @RequestParam(defaultValue = "0") int page, Model model) {
        Actor actor = currentActor.get();
        PayerKind k = kind == null || kind.isBlank() ? null : PayerKind.parse(kind, "kind");
        var query = new PayerRegister.Query(k, region, q);
        var result = register.list(query, actor.scope(), page, 50);
        model.addAttribute("result", result);
        model.addAttribute("items", result.items().stream().map(p -> p.shownTo(actor)).toList());
        model.addAttribute("query", query);
        model.addAttribute("kinds", new PayerKind[] {PayerKind.APBDES, PayerKind.APBD, PayerKind.EMPLOYER, PayerKind.DONOR});
        return "registry/payers";
    }

    @GetMapping("/pembayar/baru")
    String newForm(Model model) {
        if (!currentActor.get().role().canChangeData()) {
            throw new AccessDeniedException("Read-only roles cannot register payers");
        }
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new PayerRegister.NewPayer(PayerKind.EMPLOYER, "", "",
                    new PayerRegister.Contact("", "", "", "")));
        }
        return "registry/payer-new";
    }

    @PostMapping("/pembayar")
    String create(@RequestParam(required = false) PayerKind kind, @RequestParam(defaultValue = "") String name,
                  @RequestParam(defaultValue = "") String regionCode, @RequestParam(defaultValue = "") String contactPerson,
                  @RequestParam(defaultValue = "") String phone, @RequestParam(defaultValue = "") String email,
                  @RequestParam(defaultValue = "") String address, Model model, RedirectAttributes redirect) {
        var form = new PayerRegister.NewPayer(kind, name, regionCode, new PayerRegister.Contact(contactPerson, phone, email, address));
        try {
            Payer created = register.createFromForm(form);
            redirect.addAttribute("code", created.code());
            redirect.addAttribute("saved", "created");
            return "redirect:/pembayar/{code}";
        } catch (InvalidInputException e) {
            model.addAttribute("form", form);
            model.addAttribute("problems", e.problems());
            return newForm(model);
        }
    }

    @GetMapping("/pembayar/{code}")
    String payer(@PathVariable String code, @RequestParam(required = false) String saved, Model model) {
        Actor actor = currentActor.get();
        Payer payer = register.get(code, actor.scope()).shownTo(actor);
        model.addAttribute("payer", payer);
        if (!model.containsAttribute("contactForm")) {
            model.addAttribute("contactForm", new PayerRegister.Contact(payer.contactPerson(), payer.phone(), payer.email(),
                    payer.address()));
        }
        model.addAttribute("saved", saved);
        model.addAttribute("canEdit", actor.role().canChangeData());
        model.addAttribute("fullNik", PersonalData.seesFull(actor));
        return "registry/payer";
    }

    @PostMapping("/pembayar/{code}")
    String update(@PathVariable String code, @RequestParam(required = false) String name,
                  @RequestParam(defaultValue = "") String contactPerson, @RequestParam(defaultValue = "") String phone,
                  @RequestParam(defaultValue = "") String email, @RequestParam(defaultValue = "") String address,
                  Model model, RedirectAttributes redirect) {
        try {
            Payer updated = register.update(code, new PayerRegister.Changes(name, contactPerson, phone, email, address));
            redirect.addAttribute("code", updated.code());
            redirect.addAttribute("saved", "updated");
            return "redirect:/pembayar/{code}";
        } catch (InvalidInputException e) {
            model.addAttribute("problems", e.problems());
            model.addAttribute("editedName", name);
            model.addAttribute("contactForm", new PayerRegister.Contact(contactPerson, phone, email, address));
            return payer(code, null, model);
        }
    }
}
