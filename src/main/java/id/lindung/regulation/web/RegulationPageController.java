package id.lindung.regulation.web;

import id.lindung.regulation.RegulationCatalog;
import id.lindung.regulation.RegulationSources;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class RegulationPageController {

    private final RegulationCatalog catalog;
    private final RegulationSources sources = RegulationSources.loadDefault();

    RegulationPageController(RegulationCatalog catalog) {
        this.catalog = catalog;
    }

    @GetMapping("/regulasi")
    String catalog(Model model) {
        model.addAttribute("catalog", catalog);
        model.addAttribute("parameters", catalog.parameters());
        model.addAttribute("sources", sources);
        return "regulation/catalog";
    }

    @GetMapping("/regulasi/sumber")
    String sources(Model model) {
        model.addAttribute("sources", sources.all());
        return "regulation/sources";
    }
}
