package id.lindung.regulation.web;

import id.lindung.regulation.DatedValue;
import id.lindung.regulation.Parameter;
import id.lindung.regulation.RegulationCatalog;
import id.lindung.platform.Citations;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Regulasi / Regulations", description = "Dated regulation parameters with references")
class RegulationApiController {

    private final RegulationCatalog catalog;
    private final Citations citations;

    RegulationApiController(RegulationCatalog catalog, Citations citations) {
        this.catalog = catalog;
        this.citations = citations;
    }

    record Catalog(String version, List<String> files, List<ParameterView> parameters) {}

    record ParameterView(String id, String description, String unit, String condition, boolean verified, List<ValueView> values) {}

    record ValueView(String from, String until, String value, String unit, String regulation, String article,
                     List<String> sources, boolean verified, String note, String file) {}

    /** Texts in the caller's language, as the pages: Indonesian unless {@code ?lang=en} (or its cookie) asks for English. */
    @Operation(summary = "Every regulation parameter with its dated values, references and verification flag; "
            + "descriptions, conditions, notes and citations in Indonesian, in English with ?lang=en")
    @GetMapping("/regulations")
    Catalog regulations() {
        Locale locale = LocaleContextHolder.getLocale();
        return new Catalog(catalog.version(), catalog.files(), catalog.parameters().stream().map(p -> view(p, locale)).toList());
    }

    private ParameterView view(Parameter p, Locale locale) {
        return new ParameterView(p.id(), p.description(locale), p.unit().name(), p.condition(locale), p.allVerified(),
                p.values().stream().map(v -> view(v, locale)).toList());
    }

    private ValueView view(DatedValue v, Locale locale) {
        var r = v.reference();
        return new ValueView(v.from().toString(), v.until() == null ? null : v.until().toString(), v.text(), v.unit().name(),
                citations.regulation(r.regulation(), locale), r.article(), r.sources(), r.verified(), r.note(locale), v.file());
    }
}
