package id.lindung.regulation.web;

import id.lindung.regulation.RegulationCatalog;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class RegulationPageController {

    private final RegulationCatalog catalog;

    RegulationPageController(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/regulasi")
    String catalog(Model model) {
        model.addAttribute("catalog", catalog);
        model.addAttribute("parameters", catalog.parameters());
        return "regulation/catalog";
    }
}
